/** Reading what the outbox holds. */

/** The activity a queued outbox row will send: a queued row always has its payload (only final rows are pruned). */
export function queuedActivity(row: { activity: string | null }) {
  if (row.activity === null) throw new Error('the outbox row has no payload: it was pruned or never written');
  return JSON.parse(row.activity);
}
