/**
 * Records a decided card: the outbox message and a ReminderLog row per reminder it carries, in one
 * transaction. The outbox key (one card per recipient per local day) and the log keys (one per
 * reminder) are unique, so a second run, a run after a crash or a concurrent instance that decided the
 * same thing fails on a key and rolls back whole: each reminder is recorded, and sent, once.
 */
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/tx';
import { enqueue } from '../outbox/enqueue';
import type { DailyCard } from './decide';

/** Thrown inside the transaction to roll it back when another run already queued today's card. */
class AlreadyQueued extends Error {}

/** Returns false when another run got there first (nothing written). */
export async function recordCard(
  ctx: CoreContext,
  card: DailyCard,
  activity: Record<string, unknown>,
): Promise<boolean> {
  const items = [...card.items, ...card.unreachable.flatMap((u) => u.items)];
  try {
    await ctx.db.prisma.$transaction(async (tx) => {
      const row = await enqueue(tx, {
        idempotencyKey: card.idempotencyKey,
        conversationRefId: card.conversationRefId,
        purpose: card.purpose,
        activity,
        notBefore: ctx.now(),
      });
      // enqueue returns an existing row unchanged: if it is not the one just written, today's card is taken.
      if (row.activity !== JSON.stringify(activity)) throw new AlreadyQueued();
      await tx.reminderLog.createMany({
        data: items.map((i) => ({
          key: i.key,
          actionId: i.action.id,
          kind: i.kind,
          personId: i.owner.id,
          outboxId: row.id,
        })),
      });
    });
    return true;
  } catch (err) {
    if (err instanceof AlreadyQueued || isUniqueViolation(err)) return false;
    throw err;
  }
}
