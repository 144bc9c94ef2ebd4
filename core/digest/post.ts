/**
 * Queues a digest for the board's channel through the outbox. A scheduled digest is recorded as a
 * Digest row (boardId, periodKey) in the same transaction as its outbox message: the pair is unique, so
 * two sweeps, two instances or a sweep after a restart that decide the same slot collide on the key
 * and exactly one message is queued.
 */
import type { CoreContext } from '../context';
import { isUniqueViolation } from '../db/tx';
import { enqueue } from '../outbox/enqueue';
import { may, type Actor } from '../people/permissions';
import type { DigestRecord } from './compute';
import type { Slot } from './schedule';

export interface ScheduledDigest {
  boardId: string;
  conversationRefId: string;
  slot: Slot;
  late: boolean;
  record: DigestRecord;
  activity: Record<string, unknown>;
}

/** Returns false (and writes nothing) when the slot was already taken. */
export async function recordScheduledDigest(ctx: CoreContext, d: ScheduledDigest): Promise<boolean> {
  try {
    await ctx.db.prisma.$transaction(async (tx) => {
      const digest = await tx.digest.create({
        data: {
          boardId: d.boardId,
          periodKey: d.slot.periodKey,
          scheduledFor: d.slot.at,
          late: d.late,
          counts: JSON.stringify(d.record),
        },
      });
      const message = await enqueue(tx, {
        idempotencyKey: `digest:${d.boardId}:${d.slot.periodKey}`,
        conversationRefId: d.conversationRefId,
        purpose: 'digest',
        activity: d.activity,
        notBefore: ctx.now(),
      });
      await tx.digest.update({ where: { id: digest.id }, data: { outboxId: message.id } });
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export interface DigestNowRequest {
  boardId: string;
  conversationRefId: string;
  requestKey: string;
  /** Built only once the request is allowed: a refused one computes nothing. */
  activity: () => Promise<Record<string, unknown>>;
}

export const DIGEST_NOW_REFUSED =
  'Only an admin or the owner of a plan this board follows can post its digest now; nothing was posted.';

/**
 * An on-demand digest ("digest now", the CLI): not part of the scheduled series, queued once per request.
 * It posts to the board's channel for everyone there, so it is a board change (permissions.ts).
 */
export async function enqueueDigestNow(
  ctx: CoreContext,
  actor: Actor,
  input: DigestNowRequest,
): Promise<{ ok: true } | { ok: false; message: string }> {
  if (!(await may(ctx, actor, 'board.digest-now', { boardId: input.boardId }))) {
    return { ok: false, message: DIGEST_NOW_REFUSED };
  }
  await enqueue(ctx.db.prisma, {
    idempotencyKey: `digest:now:${input.requestKey}`,
    conversationRefId: input.conversationRefId,
    purpose: 'digest',
    activity: await input.activity(),
    notBefore: ctx.now(),
  });
  return { ok: true };
}
