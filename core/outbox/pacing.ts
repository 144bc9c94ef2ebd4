/**
 * Keeps sends under Teams' rate limits by design instead of by reacting to 429s. Pure and clock-free:
 * callers pass the time (milliseconds on any monotonic scale) and sleep for the delay it returns.
 *
 * Per conversation Teams allows 7 sends/1 s, 8/2 s, 60/30 s and 1800/1 h (bots/how-to/rate-limit).
 * Teams counts a send when it receives it, which is somewhere between our start and the response.
 * So a conversation has one send in flight at a time and its windows log *completion* times: a new
 * send may start only when fewer than `limit` completions lie inside the window before it, which bounds
 * receipt times however long each request took.
 *
 * Per app the ceiling (SEND_RATE_PER_SECOND, 30/s by default: the lower of the two documented
 * figures) is a sliding window over start times, plus a tenth-of-a-second window so the second's
 * budget is spread out rather than spent in one burst.
 */

export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** Teams' documented per-bot, per-conversation limits for sending. */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

/** The app-wide windows for a ceiling of `perSecond` sends per second. */
export function appLimits(perSecond: number): RateLimit[] {
  const whole = Math.max(1, Math.floor(perSecond));
  return [
    { limit: whole, windowMs: 1_000 },
    { limit: Math.max(1, Math.ceil(whole / 10)), windowMs: 100 },
  ];
}

/** Timestamps in ascending order, checked against several sliding windows. */
export class SlidingLog {
  private times: number[] = [];
  private head = 0;
  constructor(private limits: readonly RateLimit[]) {}

  setLimits(limits: readonly RateLimit[]): void {
    this.limits = limits;
  }

  /** Milliseconds until one more event fits every window (0: now). */
  delay(now: number): number {
    this.prune(now);
    let wait = 0;
    const count = this.times.length - this.head;
    for (const { limit, windowMs } of this.limits) {
      if (count < limit) continue;
      // The event `limit` back from the newest must leave the window first.
      const oldest = this.times[this.times.length - limit];
      wait = Math.max(wait, oldest + windowMs - now);
    }
    return Math.max(0, Math.ceil(wait));
  }

  record(at: number): void {
    this.times.push(at);
  }

  /** True when nothing recent is remembered (the log can be dropped). */
  idle(now: number): boolean {
    this.prune(now);
    return this.head === this.times.length;
  }

  private prune(now: number): void {
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    while (this.head < this.times.length && this.times[this.head] <= now - longest) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }
}

export class Pacer {
  private readonly app: SlidingLog;
  private readonly conversations = new Map<string, SlidingLog>();

  constructor(
    appPerSecond: number,
    private readonly conversationLimits: readonly RateLimit[] = TEAMS_CONVERSATION_LIMITS,
  ) {
    this.app = new SlidingLog(appLimits(appPerSecond));
  }

  /** Another instance joined or left: each paces to its share of the app ceiling. */
  setAppRate(perSecond: number): void {
    this.app.setLimits(appLimits(perSecond));
  }

  /** Milliseconds until a send to `conversation` may start. */
  delay(conversation: string, now: number): number {
    return Math.max(this.app.delay(now), this.conversations.get(conversation)?.delay(now) ?? 0);
  }

  /** A send starts now (call only when `delay` returned 0). */
  started(now: number): void {
    this.app.record(now);
  }

  /** A send to `conversation` got its answer (success or failure: Teams counted it either way). */
  finished(conversation: string, now: number): void {
    let log = this.conversations.get(conversation);
    if (!log) this.conversations.set(conversation, (log = new SlidingLog(this.conversationLimits)));
    log.record(now);
  }

  /** Drops conversations with nothing left in their windows, so memory follows recent activity. */
  sweep(now: number): void {
    for (const [id, log] of this.conversations) if (log.idle(now)) this.conversations.delete(id);
  }
}
