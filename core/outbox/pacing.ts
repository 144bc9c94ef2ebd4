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
 * figures) is a hard sliding window over start times, and sends are spread evenly inside it by a
 * schedule (GCRA: each send books the next slot one interval later). The schedule tolerates a send
 * starting a little early, so a timer that wakes late does not lose its slot: timers always wake
 * late, and without that tolerance the achieved rate falls several percent short of the ceiling.
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

/** The app-wide hard window for a ceiling of `perSecond` sends per second. */
function appLimits(perSecond: number): RateLimit[] {
  return [{ limit: Math.max(1, Math.floor(perSecond)), windowMs: 1_000 }];
}

/** Even spacing at `perSecond`, allowing a send up to two intervals (at least 20 ms) ahead of its slot. */
class Spacing {
  private next = -Infinity;
  private interval = 0;
  private tolerance = 0;
  constructor(perSecond: number) {
    this.setRate(perSecond);
  }

  setRate(perSecond: number): void {
    this.interval = 1_000 / perSecond;
    this.tolerance = Math.max(2 * this.interval, 20);
  }

  delay(now: number): number {
    return Math.max(0, Math.ceil(this.next - this.tolerance - now));
  }

  record(now: number): void {
    this.next = Math.max(this.next, now) + this.interval;
  }
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
  private readonly spacing: Spacing;
  private readonly conversations = new Map<string, SlidingLog>();

  constructor(
    appPerSecond: number,
    private readonly conversationLimits: readonly RateLimit[] = TEAMS_CONVERSATION_LIMITS,
  ) {
    this.app = new SlidingLog(appLimits(appPerSecond));
    this.spacing = new Spacing(appPerSecond);
  }

  /** Another instance joined or left: each paces to its share of the app ceiling. */
  setAppRate(perSecond: number): void {
    this.app.setLimits(appLimits(perSecond));
    this.spacing.setRate(perSecond);
  }

  /** Milliseconds until a send to `conversation` may start. */
  delay(conversation: string, now: number): number {
    return Math.max(
      this.app.delay(now),
      this.spacing.delay(now),
      this.conversations.get(conversation)?.delay(now) ?? 0,
    );
  }

  /** A send starts now (call only when `delay` returned 0). */
  started(now: number): void {
    this.app.record(now);
    this.spacing.record(now);
  }

  /** How far back a conversation's sends still count against its limits. */
  get conversationMemoryMs(): number {
    return Math.max(...this.conversationLimits.map((l) => l.windowMs));
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
