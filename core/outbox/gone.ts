/**
 * Teams answered 403 (blocked, uninstalled, not in the roster, app disabled) or 404 (no such
 * conversation): sending there again is pointless. In one transaction the conversation becomes 'gone',
 * its waiting messages become 'gone', and the people who must chase another way — the owners of the
 * plans the person owns actions in, and the admins — get a notice through the outbox. Only the
 * instance whose update flips the conversation from active to gone writes notices, so a conversation
 * going away yields one notice per recipient however many messages or instances noticed it.
 * A returning user revives the conversation (core/people/teams-identity.ts saveConversation).
 */
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { enqueue } from './enqueue';

export interface Unreachable {
  /** Who or where can no longer be reached: a person's name or a channel. */
  name: string;
  reason: string;
}

export interface GoneResult {
  /** Messages (this one included) that will not be sent. */
  messages: number;
  notices: number;
}

export async function markConversationGone(
  ctx: Pick<CoreContext, 'db' | 'now' | 'adminAadIds'>,
  msg: { id: string; conversationRefId: string },
  /** The instance reporting it: its other claimed rows there are stopped too. */
  instanceId: string,
  reason: string,
  notice: (who: Unreachable) => Record<string, unknown>,
): Promise<GoneResult> {
  const now = ctx.now();
  return ctx.db.prisma.$transaction(async (tx) => {
    const flipped = await tx.conversationRef.updateMany({
      where: { id: msg.conversationRefId, state: 'active' },
      data: { state: 'gone', goneReason: reason },
    });
    const stopped = await tx.outboxMessage.updateMany({
      where: {
        conversationId: msg.conversationRefId,
        OR: [{ id: msg.id }, { status: 'queued' }, { status: 'sending', claimedBy: instanceId }],
      },
      data: { status: 'gone', claimedUntil: null, lastError: reason },
    });
    let notices = 0;
    if (flipped.count === 1) {
      const conv = await tx.conversationRef.findUniqueOrThrow({
        where: { id: msg.conversationRefId },
        include: { person: true },
      });
      const who = { name: conv.person?.displayName ?? conv.channelName ?? conv.conversationId, reason };
      for (const to of await noticeConversations(tx, ctx.adminAadIds, conv.personId)) {
        await enqueue(tx, {
          idempotencyKey: `unreachable:${conv.id}:${now.getTime()}:${to}`,
          conversationRefId: to,
          purpose: 'notice',
          activity: notice(who),
        });
        notices++;
      }
    }
    return { messages: stopped.count, notices };
  });
}

/** Personal conversations of the plan owners concerned and the admins, never the unreachable person's. */
async function noticeConversations(tx: Tx, adminAadIds: string[], personId: string | null): Promise<string[]> {
  const planOwnerPosts = personId ? await planOwnerPostsFor(tx, personId) : [];
  const people = await tx.person.findMany({
    where: {
      OR: [
        { role: 'admin' },
        ...(adminAadIds.length ? [{ aadObjectId: { in: adminAadIds } }] : []),
        ...(planOwnerPosts.length ? [{ holdings: { some: { postId: { in: planOwnerPosts }, to: null } } }] : []),
      ],
      ...(personId ? { id: { not: personId } } : {}),
    },
    select: { id: true },
  });
  const convs = await tx.conversationRef.findMany({
    where: { personId: { in: people.map((p) => p.id) }, scope: 'personal', state: 'active' },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return convs.map((c) => c.id);
}

/** Owner posts of the plans in which the person currently holds an action owner's post. */
async function planOwnerPostsFor(tx: Tx, personId: string): Promise<string[]> {
  const plans = await tx.plan.findMany({
    where: {
      ownerPostId: { not: null },
      actions: { some: { owners: { some: { post: { holdings: { some: { personId, to: null } } } } } } },
    },
    select: { ownerPostId: true },
  });
  return [...new Set(plans.map((p) => p.ownerPostId!))];
}
