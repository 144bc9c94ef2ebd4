/** Pacing, retry decisions and the metrics text: pure functions on injected time. */
import { createMetrics } from '../../core/metrics';
import { Pacer, SlidingLog, TEAMS_CONVERSATION_LIMITS } from '../../core/outbox/pacing';
import {
  afterFailure,
  MAX_ATTEMPTS,
  parseRetryAfter,
  SERVER_ERROR_ATTEMPTS,
  SendFailure,
} from '../../core/outbox/retry';

/** Runs `sends` sends through the pacer on a simulated clock whose sleeps wake `lateMs` late. */
function simulate(pacer: Pacer, conversations: string[], sends: number, lateMs: number, sendMs = 0) {
  let now = 0;
  const starts: number[] = [];
  const byConversation = new Map<string, number[]>();
  for (let i = 0; i < sends; i++) {
    const c = conversations[i % conversations.length];
    for (let d = pacer.delay(c, now); d > 0; d = pacer.delay(c, now)) now += d + lateMs;
    pacer.started(now);
    starts.push(now);
    pacer.finished(c, now + sendMs);
    byConversation.set(c, [...(byConversation.get(c) ?? []), now + sendMs]);
  }
  return { starts, byConversation, elapsed: now };
}

const maxInWindow = (times: number[], windowMs: number) =>
  Math.max(...times.map((t) => times.filter((u) => u > t - windowMs && u <= t).length));

describe('pacing', () => {
  it("keeps one conversation within each of Teams' windows", () => {
    const { byConversation } = simulate(new Pacer(1000), ['c'], 200, 0);
    const times = byConversation.get('c')!;
    for (const { limit, windowMs } of TEAMS_CONVERSATION_LIMITS)
      expect(maxInWindow(times, windowMs)).toBeLessThanOrEqual(limit);
    expect(times[199]).toBeGreaterThanOrEqual(90_000); // 200 messages need three 30-second windows
  });

  it('reaches at least 95% of the app ceiling with late timers, never exceeding it in any second', () => {
    const convs = Array.from({ length: 500 }, (_, i) => `c${i}`);
    const { starts, elapsed } = simulate(new Pacer(30), convs, 600, 4);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(30);
    expect(600 / (elapsed / 1000) / 30).toBeGreaterThanOrEqual(0.95);
  });

  it('shares the ceiling when instances join', () => {
    const pacer = new Pacer(30);
    pacer.setAppRate(10);
    const { starts } = simulate(pacer, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], 100, 0);
    expect(maxInWindow(starts, 1000)).toBeLessThanOrEqual(10);
  });

  it('forgets quiet conversations', () => {
    const log = new SlidingLog([{ limit: 1, windowMs: 1000 }]);
    log.record(0);
    expect(log.delay(500)).toBe(500);
    expect(log.idle(1000)).toBe(true);
  });
});

describe('after a failed send', () => {
  it('retries 429 after exactly Retry-After (plus jitter) and pauses the app', () => {
    expect(afterFailure(new SendFailure('x', 429, 30_000), 1, 0)).toEqual({
      kind: 'retry',
      delayMs: 30_000,
      throttleApp: true,
      appPauseMs: 30_000,
    });
    expect(afterFailure(new SendFailure('x', 429, 30_000), 1, 0.999).kind).toBe('retry');
  });

  it('obeys a Retry-After only up to the ceiling, saying what was asked', () => {
    expect(afterFailure(new SendFailure('x', 429, 100_000_000), 1, 0, 300_000)).toEqual({
      kind: 'retry',
      delayMs: 300_000,
      throttleApp: true,
      appPauseMs: 300_000,
      retryAfterCapped: 100_000_000,
    });
    expect(afterFailure(new SendFailure('x', 503, 100_000_000), 1, 0, 300_000)).toMatchObject({
      delayMs: 300_000,
      retryAfterCapped: 100_000_000,
    });
  });

  it('retries a 500 a few times, then fails it', () => {
    expect(afterFailure(new SendFailure('x', 500), 1, 0.5).kind).toBe('retry');
    expect(afterFailure(new SendFailure('x', 500), SERVER_ERROR_ATTEMPTS, 0.5).kind).toBe('failed');
  });

  it('backs off exponentially with jitter on 412/5xx and unknown outcomes', () => {
    const delays = [1, 2, 3, 4].map(
      (n) => (afterFailure(new SendFailure('x', 503), n, 0.5) as { delayMs: number }).delayMs,
    );
    expect(delays).toEqual([1500, 3000, 6000, 12000]);
    expect(afterFailure(new SendFailure('timeout'), 1, 0)).toMatchObject({ kind: 'retry', throttleApp: false });
    expect(afterFailure(new SendFailure('x', 412), 1, 0).kind).toBe('retry');
  });

  it('is final on 403/404, fails other errors and too many attempts', () => {
    expect(afterFailure(new SendFailure('x', 403), 1, 0)).toEqual({ kind: 'gone' });
    expect(afterFailure(new SendFailure('x', 404), 1, 0)).toEqual({ kind: 'gone' });
    expect(afterFailure(new SendFailure('x', 413), 1, 0)).toEqual({ kind: 'failed' });
    expect(afterFailure(new SendFailure('x', 503), MAX_ATTEMPTS, 0)).toEqual({ kind: 'failed' });
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });
});

it('renders counters and labelled gauges in the Prometheus text format', () => {
  const m = createMetrics();
  m.counter('chaser_outbox_sent_total', 'Sent').inc(3);
  m.gauge('chaser_outbox_messages', 'Rows').set({ status: 'queued' }, 5);
  expect(m.render()).toBe(
    '# HELP chaser_outbox_sent_total Sent\n# TYPE chaser_outbox_sent_total counter\nchaser_outbox_sent_total 3\n' +
      '# HELP chaser_outbox_messages Rows\n# TYPE chaser_outbox_messages gauge\nchaser_outbox_messages{status="queued"} 5\n',
  );
});
