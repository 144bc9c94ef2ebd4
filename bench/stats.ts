/** Medians, percentiles and how a figure grows with data size, for the benchmark report. */

export interface Timing {
  runs: number;
  median: number;
  p95: number;
}

/**
 * Median and 95th percentile to three significant figures: ratios are taken from these, and at 1k a
 * figure can be a tenth of a millisecond (to one decimal, 0.199 against 0.155 ms read as ×2).
 */
export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Number(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)].toPrecision(3));
  return { runs: sorted.length, median: at(0.5), p95: at(0.95) };
}

/**
 * Warm-up before timing, at least this long: what is timed is the steady state, not V8 tiering up, which
 * took tens of runs for code that runs a few milliseconds (the reminder decision at 1k: ~10 ms over its
 * first ten runs, ~4.5 ms warm).
 */
const WARMUP_MS = 1_000;

/** Node's full collection, exposed by --expose-gc (bench/run.ts starts each size's process with it). */
const gc = (globalThis as { gc?: () => void }).gc;

interface RepeatOptions {
  min: number;
  max: number;
  /** Time for the timed runs, per figure. */
  budgetMs: number;
  warmup?: number;
}

/**
 * Runs `fn` at least `min` times and until `max` runs or `budgetMs` have passed; times each run in ms.
 * Before that it runs `warmup` times and for at least WARMUP_MS, untimed, collecting garbage every 100 ms.
 */
export async function repeat(fn: () => Promise<unknown>, opts: RepeatOptions): Promise<Timing> {
  return (await interleave({ fn }, opts)).fn;
}

/**
 * `repeat` for figures compared with each other (Chaser and its floor): their runs alternate, so a change
 * in the shared machine's load lands on both rather than on whichever ran second.
 */
export async function interleave<K extends string>(
  fns: Record<K, () => Promise<unknown>>,
  opts: RepeatOptions,
): Promise<Record<K, Timing>> {
  const names = Object.keys(fns) as K[];
  const warm = performance.now() + WARMUP_MS;
  let collected = performance.now();
  for (let i = 0; i < (opts.warmup ?? 1) || performance.now() < warm; i++) {
    for (const name of names) await fns[name]();
    // The warm-up's garbage, collected as it goes, neither swells the peak RSS nor lands in a timed run.
    if (gc && performance.now() - collected > 100) {
      gc();
      collected = performance.now();
    }
  }
  gc?.();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const until = performance.now() + opts.budgetMs * names.length;
  for (let runs = 0; runs < opts.min || (runs < opts.max && performance.now() < until); runs++) {
    for (const name of names) {
      const t = performance.now();
      await fns[name]();
      samples[name].push(performance.now() - t);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(samples[name])])) as Record<K, Timing>;
}

export type Growth = 'flat' | 'sub-linear' | 'linear' | 'worse than linear';

/** The exponent k in time ≈ c·size^k, fitted by least squares on logs. */
export function growthExponent(points: { size: number; value: number }[]): number | null {
  const xs = points.filter((p) => p.value > 0 && p.size > 0);
  if (xs.length < 2) return null;
  const lx = xs.map((p) => Math.log(p.size));
  const ly = xs.map((p) => Math.log(p.value));
  const mx = mean(lx);
  const my = mean(ly);
  const num = lx.reduce((s, x, i) => s + (x - mx) * (ly[i] - my), 0);
  const den = lx.reduce((s, x) => s + (x - mx) ** 2, 0);
  return den === 0 ? null : round(num / den, 2);
}

/** Thresholds leave room for noise on a shared 2-core machine: 1.15 is still linear. */
export function growthOf(k: number | null): Growth | null {
  if (k === null) return null;
  if (k < 0.15) return 'flat';
  if (k < 0.8) return 'sub-linear';
  if (k <= 1.15) return 'linear';
  return 'worse than linear';
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function round(x: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
