/**
 * Retention for sent payloads. A message's activity JSON is only read while the row waits to be sent
 * (claim.ts, jobs/outbox-worker.ts), yet it is most of the row (a reminder card is ~7.5 KB), so once a
 * row is final and older than the retention window its payload is cleared. The row stays: its
 * idempotency key is what stops the same decision being sent again, and reminder-card paging needs
 * only the key, the conversation and ReminderLog.
 */
import type { Prisma } from '../db/client';
import type { CoreContext } from '../context';
import { DAY_MS } from '../time';

export interface PruneOptions {
  /** OUTBOX_RETENTION_DAYS: payloads are kept this many days after sending; 0 keeps them forever. */
  retentionDays: number;
  /** Rows cleared per statement, each a write of its own: 200 reminder cards take a few ms on SQLite. */
  batchSize?: number;
}

/**
 * Rows that will never be sent (again) and are past the window: sent ones by when they were sent,
 * failed or gone ones (which have no sentAt) by when they were queued. Queued and sending rows never match.
 */
function expired(cutoff: Date): Prisma.OutboxMessageWhereInput {
  return {
    activity: { not: null },
    OR: [
      { status: 'sent', sentAt: { lt: cutoff } },
      { status: { in: ['failed', 'gone'] }, createdAt: { lt: cutoff } },
    ],
  };
}

/** Clears the payloads of final rows older than the window, batch by batch; returns how many. */
export async function pruneSentPayloads(
  ctx: Pick<CoreContext, 'db' | 'now'>,
  { retentionDays, batchSize = 200 }: PruneOptions,
): Promise<number> {
  if (retentionDays === 0) return 0;
  const where = expired(new Date(ctx.now().getTime() - retentionDays * DAY_MS));
  const outbox = ctx.db.prisma.outboxMessage;
  let cleared = 0;
  // Walked in id order from where the last batch ended: a run passes the rows cleared on earlier nights
  // once, not once per batch.
  for (let after = ''; ; ) {
    // Found first, then cleared by id, so the write lock covers the update and not the search. A final
    // row stays final, so only the payload is checked again: another instance pruning at the same time
    // clears each row once, and each row is counted once.
    const ids = (
      await outbox.findMany({
        where: { ...where, id: { gt: after } },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: batchSize,
      })
    ).map((r) => r.id);
    if (ids.length)
      cleared += (
        await outbox.updateMany({ where: { id: { in: ids }, activity: { not: null } }, data: { activity: null } })
      ).count;
    if (ids.length < batchSize) return cleared;
    after = ids[ids.length - 1];
  }
}
