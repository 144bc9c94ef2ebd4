/**
 * What the owner loop sends to people other than the one clicking (approval cards to the plan owner,
 * decisions back to the requester). Core decides and enqueues in the same transaction; the bot layer
 * supplies the activities (cards live outside core), so core never imports card builders.
 */
import type { Tx } from '../db/tx';
import { enqueue, type OutboxPurpose } from '../outbox/enqueue';
import type { EvidenceItem } from '../evidence/evidence';
import type { BoardTab, Priority } from '../domain';
import type { ActionView } from './view';

export type OutgoingActivity = Record<string, unknown>;

export interface ExtensionRequestInfo {
  requestId: string;
  requestedDate: string;
  reason: string;
  requesterName: string;
  /** Why this card came to someone other than the plan owner (separation of duties). */
  because?: string;
  /** Where the board reads the action, when its tab can be reached. */
  tab?: BoardTab | null;
}

export interface VerificationRequestInfo {
  completedBy: string;
  note: string;
  because?: string;
  /** What shows it was done, for the verifier to open. */
  evidence?: EvidenceItem[];
  /** A follow-up: the completion has waited this long (since its local day) for verification. */
  waiting?: { since: string; days: number; priority: Priority };
  tab?: BoardTab | null;
}

/** What owners are told when a board asks them for an update: who asked, by when, where, and why. */
export interface UpdateRequestInfo {
  askedBy: string;
  byDate: string;
  note: string | null;
  meeting?: { title: string; date: string };
  /** The date has come and no update came: asked again. */
  due?: boolean;
}

export interface OwnerLoopMessages {
  /** To the plan owner: Approve / Reject a new due date. */
  extensionApproval(view: ActionView, request: ExtensionRequestInfo): OutgoingActivity;
  /** To the requester: what the plan owner decided. */
  extensionDecided(
    view: ActionView,
    d: { approved: boolean; requestedDate: string; deciderName: string; comment: string | null },
  ): OutgoingActivity;
  /** To the plan owner: Verify / Reopen an action its owner completed. */
  verificationRequest(view: ActionView, d: VerificationRequestInfo): OutgoingActivity;
  /** To the action's owners: the plan owner verified or reopened it. */
  verificationDecided(
    view: ActionView,
    d: { verified: boolean; deciderName: string; comment: string | null },
  ): OutgoingActivity;
  /** To the action's owners: a board asks for an update by a date (and again on that date). */
  updateRequested(view: ActionView, d: UpdateRequestInfo): OutgoingActivity;
  /** To the action's owners: it was closed (risk accepted, superseded), its acceptance extended, or reopened. */
  outcomeRecorded(view: ActionView, d: { deciderName: string; reopened: boolean }): OutgoingActivity;
}

/**
 * Those of `personIds` not yet sent the message `key` (as enqueueToPeople keys it): a job that runs every
 * few minutes asks this first, so it builds a message only for whoever still lacks it.
 */
export async function notYetSent(db: Tx, key: string, personIds: string[]): Promise<string[]> {
  if (!personIds.length) return [];
  const rows = await db.outboxMessage.findMany({
    where: { idempotencyKey: { in: personIds.map((id) => `${key}:${id}`) } },
    select: { idempotencyKey: true },
  });
  const sent = new Set(rows.map((r) => r.idempotencyKey));
  return personIds.filter((id) => !sent.has(`${key}:${id}`));
}

/**
 * Queues one message per person to their personal chat with the bot; returns how many people it could
 * reach (someone who never installed the bot has no chat yet).
 */
export async function enqueueToPeople(
  tx: Tx,
  personIds: string[],
  msg: { key: string; purpose: OutboxPurpose; activity: OutgoingActivity },
): Promise<number> {
  if (!personIds.length) return 0;
  const convs = await tx.conversationRef.findMany({
    where: { personId: { in: personIds }, scope: 'personal', state: 'active' },
    orderBy: { updatedAt: 'desc' },
  });
  const reached = new Set<string>();
  for (const c of convs) {
    if (reached.has(c.personId!)) continue; // newest chat per person
    reached.add(c.personId!);
    await enqueue(tx, {
      idempotencyKey: `${msg.key}:${c.personId}`,
      conversationRefId: c.id,
      purpose: msg.purpose,
      activity: msg.activity,
    });
  }
  return reached.size;
}
