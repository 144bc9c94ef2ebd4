/**
 * A deadline for everything a turn sends to Teams. Teams waits about 15 s for the answer to an inbound
 * activity and then sends it again; a Bot Connector that accepts a reply and never answers would
 * otherwise hold the turn (and the HTTP request Teams is waiting on) for as long as the socket lives.
 * The server runs each turn inside `withTurnDeadline`; the adapter's HTTP client gives every request
 * only the time left, so the SDK's own retries (429 with Retry-After) still happen within the budget.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const deadlines = new AsyncLocalStorage<number>();

/** Runs `turn` with a deadline `budgetMs` from now for its outbound requests. */
export function withTurnDeadline<T>(budgetMs: number, turn: () => Promise<T>): Promise<T> {
  return deadlines.run(Date.now() + budgetMs, turn);
}

/** What is left of the current turn's budget (ms), or undefined outside a turn. */
export function turnTimeLeft(): number | undefined {
  const deadline = deadlines.getStore();
  return deadline === undefined ? undefined : deadline - Date.now();
}

/** The parts of the SDK's legacy HTTP request the client reads (core-http-compat WebResourceLike). */
interface LegacyRequest {
  url: string;
  method: string;
  body?: unknown;
  headers: { rawHeaders(): Record<string, string> };
  abortSignal?: AbortSignal;
}

/**
 * Thrown instead of sending once the turn's budget is spent. It carries no network error code, so the
 * SDK's retry policy does not retry it: the turn fails at once and says so.
 */
export class TurnDeadlineExceeded extends Error {
  constructor(budgetMs: number) {
    super(`no answer from the Bot Connector within the turn's ${budgetMs} ms`);
    this.name = 'TurnDeadlineExceeded';
  }
}

/**
 * The HTTP client for a turn's replies (the `httpClient` connector option): fetch, aborted when the
 * turn's deadline passes. Outside a turn (none here: proactive sends have their own adapter) it falls
 * back to `budgetMs` per request. Every status comes back as a response, so the SDK's retry policy and
 * errors stay as documented.
 */
export function deadlineHttpClient(budgetMs: number) {
  return {
    async sendRequest(request: LegacyRequest) {
      const left = turnTimeLeft() ?? budgetMs;
      if (left <= 0) throw new TurnDeadlineExceeded(budgetMs);
      const timeout = AbortSignal.timeout(left);
      let res: Response;
      try {
        res = await fetch(request.url, {
          method: request.method,
          headers: request.headers.rawHeaders(),
          body: request.body as string | undefined,
          signal: request.abortSignal ? AbortSignal.any([request.abortSignal, timeout]) : timeout,
        });
      } catch (err) {
        if (timeout.aborted) throw new TurnDeadlineExceeded(budgetMs);
        throw err;
      }
      const bodyAsText = await res.text();
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const get = (name: string) => headers[name.toLowerCase()];
      return { request, status: res.status, bodyAsText, headers: { get, toJson: () => headers } };
    },
  };
}
