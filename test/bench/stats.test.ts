/** The benchmark's timing: figures compared with each other take turns, so load changes land on both. */
import { interleave, repeat, summarise } from '../../bench/stats';

describe('bench timing', () => {
  it('interleave alternates its figures after warming each up, and times each run', async () => {
    const order: string[] = [];
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const timings = await interleave(
      {
        slow: async () => {
          order.push('slow');
          await wait(12);
        },
        fast: async () => {
          order.push('fast');
        },
      },
      { min: 3, max: 3, budgetMs: 0, warmup: 1 },
    );
    // Warm-up rounds run both, in the same order as the timed rounds.
    expect(order.length % 2).toBe(0);
    expect(order.every((name, i) => name === (i % 2 === 0 ? 'slow' : 'fast'))).toBe(true);
    expect(timings.slow.runs).toBe(3);
    expect(timings.fast.runs).toBe(3);
    expect(timings.slow.median).toBeGreaterThanOrEqual(10);
    expect(timings.fast.median).toBeLessThan(timings.slow.median);
  });

  it('repeat stops at max runs, and at min once the budget is spent', async () => {
    expect((await repeat(async () => undefined, { min: 2, max: 7, budgetMs: 60_000 })).runs).toBe(7);
    expect((await repeat(async () => undefined, { min: 2, max: 7, budgetMs: 0 })).runs).toBe(2);
  });

  it('summarise gives the median and the 95th percentile', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarise(samples)).toEqual({ runs: 100, median: 50, p95: 95 });
  });

  it('summarise keeps three significant figures, so a tenth of a millisecond still has a ratio', () => {
    expect(summarise([0.19943, 0.19943, 0.31234])).toMatchObject({ median: 0.199, p95: 0.312 });
    expect(summarise([425.234, 425.234])).toMatchObject({ median: 425 });
  });
});
