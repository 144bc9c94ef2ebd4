/**
 * Closing an action without implementing it, and a risk acceptance's review. Risk accepted: only a
 * post with that authority (mayAcceptRisk), with a reason and a review date after today; on that date it
 * comes back to the acceptor (risk-review.ts), who extends the acceptance or reopens the action.
 * Superseded: the plan owner or an admin, with a reason and, where there is one, the replacing action.
 * Guarded by the action's version like every owner-loop write; history kind "outcome".
 */
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { isUniqueViolation } from '../db/tx';
import { appendHistory } from '../history/append';
import { actionOwnerIds, riskAcceptorPost } from '../people/roles';
import { may } from '../people/permissions';
import { dateOnly, localDate } from '../time';
import {
  fieldErrors,
  findActor,
  idempotencyKey,
  loadView,
  optionalText,
  StaleVersion,
  type DecisionOptions,
  type FieldErrors,
} from './change';
import { enqueueToPeople, type OwnerLoopMessages } from './owner-messages';
import { findActionByRef } from './find-ref';
import { cardRefSchema, isoDay } from './update';
import type { ActionView } from './view';

/** What the closure form offers: accept the risk or mark superseded; on review, extend or reopen. */
export const CLOSURE_CHOICES = ['risk_accepted', 'superseded', 'extend_review', 'reopen'] as const;
export type ClosureChoice = (typeof CLOSURE_CHOICES)[number];

export const closureSchema = cardRefSchema.extend({
  outcome: z.enum(CLOSURE_CHOICES, { errorMap: () => ({ message: 'Choose how the action ends' }) }),
  outcomeReason: optionalText,
  reviewDate: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined)
    .pipe(isoDay.optional()),
  replacedBy: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined)
    .pipe(z.string().max(60, 'Give the ref of the replacing action, e.g. BTP-CDI-9').optional()),
});
export type ClosureFields = z.infer<typeof closureSchema>;

/** What the user typed, re-shown with the errors. */
export interface ClosureValues {
  outcome?: string;
  outcomeReason?: string;
  reviewDate?: string;
  replacedBy?: string;
}

export type ClosureResult =
  | { kind: 'closed'; view: ActionView; by: string; at: Date; timeZone: string }
  | { kind: 'invalid'; view: ActionView; errors: FieldErrors; values: ClosureValues }
  | { kind: 'conflict'; view: ActionView; values: ClosureValues }
  | { kind: 'not-found' };

/** Which statuses each choice applies to. */
const FROM: Record<ClosureChoice, string[]> = {
  risk_accepted: ['open', 'awaiting_verification'],
  superseded: ['open', 'awaiting_verification'],
  extend_review: ['closed'],
  reopen: ['closed'],
};

export function checkClosureRules(f: ClosureFields, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (f.outcome !== 'reopen' && !f.outcomeReason) {
    errors.outcomeReason =
      f.outcome === 'superseded' ? 'Say why the action no longer applies' : 'Say why the risk is accepted';
  }
  if (f.outcome === 'risk_accepted' || f.outcome === 'extend_review') {
    if (!f.reviewDate) errors.reviewDate = 'Pick the date the acceptance is reviewed';
    else if (f.reviewDate <= today) errors.reviewDate = 'The review date must be after today';
  } else if (f.reviewDate) errors.reviewDate = 'Only a risk acceptance has a review date';
  if (f.replacedBy && f.outcome !== 'superseded') errors.replacedBy = 'Only a superseded action has a replacement';
  return errors;
}

export async function closeAction(
  ctx: CoreContext,
  actorId: string,
  raw: Record<string, unknown>,
  messages: OwnerLoopMessages,
  opts: DecisionOptions = {},
): Promise<ClosureResult> {
  const ref = cardRefSchema.safeParse(raw);
  const actor = await findActor(ctx, actorId);
  const view = ref.success ? await loadView(ctx, ref.data.actionId) : null;
  if (!ref.success || !actor || !view) return { kind: 'not-found' };
  const values = keptValues(raw);
  const parsed = closureSchema.safeParse(raw);
  const errors = parsed.success
    ? checkClosureRules(parsed.data, localDate(ctx.now(), ctx.timeZone))
    : fieldErrors(parsed.error);
  if (!parsed.success) return { kind: 'invalid', view, errors, values };
  const f = parsed.data;
  const authority = await authorityError(ctx, actorId, view, f.outcome);
  if (authority) errors.outcome = authority;
  const fits =
    FROM[f.outcome].includes(view.status) && (f.outcome !== 'extend_review' || view.outcome === 'risk_accepted');
  if (!fits) errors.outcome ??= statusError(view, f.outcome);
  const replacing = f.replacedBy && !errors.replacedBy ? await findActionByRef(ctx, f.replacedBy, view.planKey) : null;
  if (f.replacedBy && !errors.replacedBy && !replacing)
    errors.replacedBy = `There is no action ${f.replacedBy}; give its ref, e.g. ${view.planKey}-9`;
  if (replacing?.id === view.id) errors.replacedBy = 'An action cannot replace itself';
  if (Object.keys(errors).length) return { kind: 'invalid', view, errors, values };
  if (view.version !== f.version) return { kind: 'conflict', view, values };

  const at = ctx.now();
  const key = idempotencyKey(['close', actorId, view.id, f]);
  const owners = await actionOwnerIds(ctx, view.id);
  try {
    await ctx.db.prisma.$transaction(async (t) => {
      const tx = t as Tx;
      const reopening = f.outcome === 'reopen';
      const outcome = reopening ? null : f.outcome === 'extend_review' ? 'risk_accepted' : f.outcome;
      const reviewDate = f.reviewDate ?? null;
      const moved = await tx.action.updateMany({
        where: { id: view.id, version: f.version, status: { in: FROM[f.outcome] } },
        data: {
          status: reopening ? 'open' : 'closed',
          outcome,
          outcomeReason: reopening ? null : f.outcomeReason!,
          reviewDate: reviewDate && dateOnly(reviewDate),
          replacedById: replacing?.id ?? null,
          ...(reopening ? { completedAt: null, completedById: null } : {}),
          version: { increment: 1 },
        },
      });
      if (moved.count !== 1) throw new StaleVersion();
      const changes: Record<string, [unknown, unknown]> = {};
      const status = reopening ? 'open' : 'closed';
      if (view.status !== status) changes.status = [view.status, status];
      if (view.outcome !== outcome) changes.outcome = [view.outcome, outcome];
      if (view.reviewDate !== reviewDate) changes.reviewDate = [view.reviewDate, reviewDate];
      if (view.outcomeReason !== (reopening ? null : f.outcomeReason))
        changes.outcomeReason = [view.outcomeReason, reopening ? null : f.outcomeReason];
      await appendHistory(tx, {
        actionId: view.id,
        at,
        kind: 'outcome',
        authorName: actor.displayName,
        authorPersonId: actorId,
        text: f.outcomeReason ?? null,
        changes,
        idempotencyKey: key,
        detail: {
          reason: f.outcomeReason,
          approvedBy: actor.displayName,
          ...(reviewDate ? { reviewDate } : {}),
          ...(replacing ? { replacedBy: replacing.displayRef } : {}),
          ...(opts.meeting ? { meeting: opts.meeting } : {}),
        },
      });
      const after = (await loadView(ctx, view.id, tx))!;
      await enqueueToPeople(
        tx,
        owners.filter((id) => id !== actorId),
        {
          key: `notice:${key}`,
          purpose: 'notice',
          activity: messages.outcomeRecorded(after, { deciderName: actor.displayName, reopened: reopening }),
        },
      );
    });
  } catch (err) {
    if (!(err instanceof StaleVersion) && !isUniqueViolation(err)) throw err;
    const latest = (await loadView(ctx, view.id))!;
    // The same click twice: it was recorded, show the result.
    if (await ctx.db.prisma.update.findUnique({ where: { idempotencyKey: key } }))
      return { kind: 'closed', view: latest, by: actor.displayName, at, timeZone: actor.timeZone };
    return { kind: 'conflict', view: latest, values };
  }
  return { kind: 'closed', view: (await loadView(ctx, view.id))!, by: actor.displayName, at, timeZone: actor.timeZone };
}

/** The refusal, said next to the choice, for someone without the authority; null when they have it. */
async function authorityError(
  ctx: CoreContext,
  actorId: string,
  view: ActionView,
  choice: ClosureChoice,
): Promise<string | null> {
  if (choice === 'superseded')
    return (await may(ctx, actorId, 'action.supersede', { planId: view.planId }))
      ? null
      : 'Only the plan owner or an admin can mark an action superseded';
  if (choice === 'reopen' && view.outcome !== 'risk_accepted') {
    return (await may(ctx, actorId, 'action.supersede', { planId: view.planId }))
      ? null
      : 'Only the plan owner or an admin can reopen a superseded action';
  }
  if (await may(ctx, actorId, 'action.accept-risk', { planId: view.planId })) return null;
  return `Only the ${await riskAcceptorPost(ctx, view.planId)} or an admin can accept a risk on ${view.planKey}`;
}

function statusError(view: ActionView, choice: ClosureChoice): string {
  if (choice === 'extend_review') return 'Only a risk acceptance can be extended';
  if (choice === 'reopen') return 'Only a closed action can be reopened here';
  return view.status === 'complete'
    ? 'This action is already implemented and verified'
    : 'This action is already closed';
}

function keptValues(raw: Record<string, unknown>): ClosureValues {
  const pick = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 4000) : undefined);
  return {
    outcome: pick('outcome'),
    outcomeReason: pick('outcomeReason'),
    reviewDate: pick('reviewDate'),
    replacedBy: pick('replacedBy'),
  };
}
