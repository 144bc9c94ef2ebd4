/**
 * What to do after a send failed, as Teams documents it: 429, 412, 502, 503 and 504 (and timeouts or
 * dropped connections, whose outcome is unknown) are retried after Retry-After or an exponential
 * backoff with jitter; 500 is retried a few times (a fault on Teams' side is often brief) before the
 * message fails; 403 (the user blocked or uninstalled the bot, or the tenant disabled it) and 404
 * (conversation not found) are final for that conversation; anything else (400, 413, ...) is a bug in
 * the message and fails it without retrying. A Retry-After longer than the configured ceiling is cut to
 * it: a service asking for a day's pause must not stop every send for a day.
 */

/** A failed send as the transport saw it; `status` is absent for timeouts and network errors. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** From the Retry-After header, in milliseconds. */
    readonly retryAfterMs?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export type FailureOutcome =
  /**
   * `appPauseMs`: on a 429, how long every send in the app waits (the Retry-After, within the ceiling);
   * `retryAfterCapped`: the Retry-After Teams asked for, when it was longer than the ceiling.
   */
  | { kind: 'retry'; delayMs: number; throttleApp: boolean; appPauseMs?: number; retryAfterCapped?: number }
  | { kind: 'gone' }
  | { kind: 'failed' };

const RETRYABLE = new Set([412, 429, 502, 503, 504]);
const GONE = new Set([403, 404]);

export const RETRY_BASE_MS = 2_000;
export const RETRY_CAP_MS = 10 * 60_000;
/** A message that fails this many times (about an hour of backoff) is given up. */
export const MAX_ATTEMPTS = 10;
/** Attempts a message gets when Teams answers 500 (an error on its side, which may not pass). */
export const SERVER_ERROR_ATTEMPTS = 3;
/** The longest Retry-After obeyed unless configured otherwise (OUTBOX_MAX_RETRY_AFTER_SECONDS). */
export const DEFAULT_MAX_RETRY_AFTER_MS = 5 * 60_000;

/**
 * @param attempts how many times the message has been tried, this one included
 * @param random a number in [0, 1): jitter, so messages that failed together do not retry together
 * @param maxRetryAfterMs the longest Retry-After obeyed
 */
export function afterFailure(
  failure: SendFailure,
  attempts: number,
  random: number,
  maxRetryAfterMs = DEFAULT_MAX_RETRY_AFTER_MS,
): FailureOutcome {
  const { status } = failure;
  if (status !== undefined && GONE.has(status)) return { kind: 'gone' };
  if (status === 500 && attempts >= SERVER_ERROR_ATTEMPTS) return { kind: 'failed' };
  if (status !== undefined && status !== 500 && !RETRYABLE.has(status)) return { kind: 'failed' };
  if (attempts >= MAX_ATTEMPTS) return { kind: 'failed' };
  const exponential = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempts - 1));
  const backoff = exponential / 2 + (random * exponential) / 2;
  const throttleApp = status === 429;
  if (failure.retryAfterMs === undefined) {
    const delayMs = Math.ceil(backoff);
    return { kind: 'retry', delayMs, throttleApp, ...(throttleApp && { appPauseMs: delayMs }) };
  }
  const asked = failure.retryAfterMs;
  const wait = Math.min(asked, maxRetryAfterMs);
  // Teams named the wait: a 429 waits exactly that (plus a little jitter), anything else at least that.
  const named = wait + random * Math.min(1_000, wait / 2 + 100);
  const delayMs = Math.ceil(throttleApp ? named : Math.max(named, backoff));
  return {
    kind: 'retry',
    delayMs,
    throttleApp,
    ...(throttleApp && { appPauseMs: wait }),
    ...(asked > wait && { retryAfterCapped: asked }),
  };
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
