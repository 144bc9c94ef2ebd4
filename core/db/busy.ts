/**
 * A write that meets a database held by someone else (SQLite write-locked by another process past its
 * busy_timeout, a PostgreSQL write conflict) is tried again, with pauses that let the process serve
 * others, for as long as an answer can still reach the user: Teams waits ~15 s for a card click's
 * answer, and the turn's replies need their share of that.
 */
const RETRYABLE = new Set([
  'P1008', // SQLite busy (the libsql adapter reports SQLITE_BUSY as a timeout)
  'P2028', // the interactive transaction expired while it waited
  'P2034', // a write conflict or deadlock: the transaction was rolled back
]);

/** How long a user-facing write may keep trying, first attempt included. */
export const WRITE_BUDGET_MS = 9000;

/** Options for an interactive transaction that may wait for a lock as long as the budget allows. */
export const PATIENT_TRANSACTION = { maxWait: WRITE_BUDGET_MS, timeout: WRITE_BUDGET_MS };

export function isBusy(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE.has((err as { code?: string }).code ?? '');
}

/** Runs `write` (a whole transaction, so a failed attempt left nothing) until it is not busy or the budget is spent. */
export async function retryWhileBusy<T>(write: () => Promise<T>, budgetMs = WRITE_BUDGET_MS): Promise<T> {
  const until = Date.now() + budgetMs;
  for (let pause = 50; ; pause = Math.min(pause * 2, 500)) {
    try {
      return await write();
    } catch (err) {
      if (!isBusy(err) || Date.now() + pause >= until) throw err;
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
