/**
 * The plan owner's answer to a request for a new due date. Approving moves the due date and keeps the
 * old one in history (an Update with the change); rejecting needs a comment. Either way the requester
 * is told through the outbox. A request is decided once: a second click shows the first decision.
 */
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { appendHistory } from '../history/append';
import { isOwnRequest, nextAuthority, type Authority } from '../people/roles';
import { may } from '../people/permissions';
import { dateOnly, formatDate, isoDate } from '../time';
import { fieldErrors, findActor, loadView, optionalText, type DecisionOptions, type FieldErrors } from './change';
import { enqueueToPeople, type OwnerLoopMessages } from './owner-messages';
import type { ActionView } from './view';

export const extensionDecisionSchema = z
  .object({
    requestId: z.string().min(1).max(100),
    decision: z.enum(['approve', 'reject']),
    comment: optionalText,
  })
  .refine((d) => d.decision === 'approve' || !!d.comment, {
    path: ['comment'],
    message: 'Add a comment saying why you reject it',
  });

export interface ExtensionState {
  id: string;
  requestedDate: string;
  reason: string;
  requesterName: string;
  status: string;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

export type ExtensionResult =
  | { kind: 'decided'; view: ActionView; request: ExtensionState; timeZone: string }
  | { kind: 'invalid'; view: ActionView; request: ExtensionState; errors: FieldErrors; comment?: string }
  | { kind: 'forbidden'; view: ActionView }
  /** The requester tried to approve their own request: who decides instead. */
  | { kind: 'own-request'; view: ActionView; authority: Authority }
  | { kind: 'not-found' };

export async function decideExtension(
  ctx: CoreContext,
  actorId: string,
  raw: Record<string, unknown>,
  messages: OwnerLoopMessages,
  opts: DecisionOptions = {},
): Promise<ExtensionResult> {
  const requestId = typeof raw.requestId === 'string' ? raw.requestId : '';
  const actor = await findActor(ctx, actorId);
  const request = requestId ? await ctx.db.prisma.extensionRequest.findUnique({ where: { id: requestId } }) : null;
  const view = request && (await loadView(ctx, request.actionId));
  if (!actor || !request || !view) return { kind: 'not-found' };
  if (!(await may(ctx, actorId, 'action.decide', { planId: view.planId }))) return { kind: 'forbidden', view };
  if (request.status === 'pending' && isOwnRequest(request, actorId)) {
    return { kind: 'own-request', view, authority: await nextAuthority(ctx, view.planId, actorId) };
  }

  const parsed = extensionDecisionSchema.safeParse(raw);
  if (!parsed.success) {
    const comment = typeof raw.comment === 'string' ? raw.comment.slice(0, 4000) : undefined;
    return {
      kind: 'invalid',
      view,
      request: await extensionState(ctx, requestId),
      errors: fieldErrors(parsed.error),
      comment,
    };
  }
  const { decision, comment } = parsed.data;
  const at = ctx.now();
  await ctx.db.prisma.$transaction(async (t) => {
    const tx = t as Tx;
    const approved = decision === 'approve';
    // Only a pending request moves; a repeat or a second plan owner finds it decided and changes nothing.
    const claimed = await tx.extensionRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: {
        status: approved ? 'approved' : 'rejected',
        decidedById: actorId,
        decidedAt: at,
        comment: comment ?? null,
      },
    });
    if (claimed.count !== 1) return;
    const requested = isoDate(request.requestedDate);
    if (approved) {
      await tx.action.update({
        where: { id: view.id },
        data: {
          dueDate: request.requestedDate,
          dueText: formatDate(requested),
          duePrecision: 'day',
          // The date first promised stays on record for good; each move is counted.
          ...(view.originalDue || view.originalDueText
            ? {}
            : { originalDueDate: view.due ? dateOnly(view.due) : null, originalDueText: view.dueText }),
          dueRevisions: { increment: 1 },
          version: { increment: 1 },
        },
      });
    }
    const asker = await tx.person.findUnique({ where: { id: request.requestedById }, select: { displayName: true } });
    await appendHistory(tx, {
      actionId: view.id,
      at,
      authorName: actor.displayName,
      authorPersonId: actorId,
      kind: approved ? 'due' : 'extension',
      text: comment ?? null,
      changes: approved
        ? {
            dueDate: [view.due, requested],
            dueText: [view.dueText, formatDate(requested)],
            duePrecision: [view.duePrecision, 'day'],
          }
        : { extensionRequest: [requested, 'rejected'] },
      idempotencyKey: `extension:${request.id}`,
      detail: {
        askedBy: asker?.displayName,
        reason: request.reason,
        approvedBy: actor.displayName,
        ...(opts.meeting ? { meeting: opts.meeting } : {}),
      },
    });
    const after = (await loadView(ctx, view.id, tx))!;
    await enqueueToPeople(tx, [request.requestedById], {
      key: `notice:extension:${request.id}`,
      purpose: 'notice',
      activity: messages.extensionDecided(after, {
        approved,
        requestedDate: requested,
        deciderName: actor.displayName,
        comment: comment ?? null,
      }),
    });
  });
  return {
    kind: 'decided',
    view: (await loadView(ctx, view.id))!,
    request: await extensionState(ctx, requestId),
    timeZone: actor.timeZone,
  };
}

export async function extensionState(ctx: Pick<CoreContext, 'db'>, requestId: string): Promise<ExtensionState> {
  const r = await ctx.db.prisma.extensionRequest.findUniqueOrThrow({ where: { id: requestId } });
  const people = await ctx.db.prisma.person.findMany({
    where: { id: { in: [r.requestedById, r.decidedById].filter((x): x is string => !!x) } },
    select: { id: true, displayName: true },
  });
  const name = (id: string | null) => people.find((p) => p.id === id)?.displayName ?? null;
  return {
    id: r.id,
    requestedDate: isoDate(r.requestedDate),
    reason: r.reason,
    requesterName: name(r.requestedById) ?? 'someone',
    status: r.status,
    decidedBy: name(r.decidedById),
    decidedAt: r.decidedAt,
    comment: r.comment,
  };
}

/** An action's requests for a new date still waiting for a decision, oldest first. */
export async function pendingExtensions(ctx: Pick<CoreContext, 'db'>, actionId: string): Promise<ExtensionState[]> {
  const rows = await ctx.db.prisma.extensionRequest.findMany({
    where: { actionId, status: 'pending' },
    orderBy: { createdAt: 'asc' },
    select: { id: true },
  });
  return Promise.all(rows.map((r) => extensionState(ctx, r.id)));
}
