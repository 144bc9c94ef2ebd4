/**
 * Every proactive message (reminder, escalation, digest, approval, notice) is written here first, in the
 * same transaction as the decision to send it. The idempotency key names what the message is for
 * (e.g. "reminder:<person>:<date>"), so deciding the same thing twice — a job run twice, a crash and
 * restart, two instances — leaves one row, and the worker (jobs/outbox-worker.ts) sends each row once.
 */
import type { Db } from '../db/client';
import type { Tx } from '../db/tx';

export const OUTBOX_PURPOSES = ['reminder', 'escalation', 'digest', 'approval', 'notice'] as const;
export type OutboxPurpose = (typeof OUTBOX_PURPOSES)[number];

export interface OutgoingMessage {
  idempotencyKey: string;
  /** ConversationRef.id of where it goes. */
  conversationRefId: string;
  purpose: OutboxPurpose;
  /** The Bot Framework activity to send (text and/or attachments). */
  activity: Record<string, unknown>;
  /** Not sent before this moment; without it the message is due at once. */
  notBefore?: Date;
}

/**
 * "Due at once" is stored as the epoch rather than the database's now(): due-ness is then decided by
 * the worker's clock alone, so a test clock set in the past (or clock skew between instances) can
 * never hold an immediate message back.
 */
const AT_ONCE = new Date(0);

/** Queues a message unless one with the same key exists; returns the row either way. */
export async function enqueue(tx: Tx, msg: OutgoingMessage) {
  return tx.outboxMessage.upsert({
    where: { idempotencyKey: msg.idempotencyKey },
    create: {
      idempotencyKey: msg.idempotencyKey,
      conversationId: msg.conversationRefId,
      purpose: msg.purpose,
      activity: JSON.stringify(msg.activity),
      notBefore: msg.notBefore ?? AT_ONCE,
    },
    update: {},
  });
}

/** Queues a message unless one with the same key exists; true when this call queued it. */
export async function enqueueOnce(db: Pick<Db, 'prisma'>, msg: OutgoingMessage): Promise<boolean> {
  return db.prisma.$transaction(async (t) => {
    const tx = t as Tx;
    if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: msg.idempotencyKey }, select: { id: true } }))
      return false;
    await enqueue(tx, msg);
    return true;
  });
}
