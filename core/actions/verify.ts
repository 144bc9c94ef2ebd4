/**
 * The plan owner's check of a completed action: Verify closes it (status complete, outcome implemented, verifiedAt/By);
 * Reopen sends it back to open with the comment in history. The action's owners are told either way.
 * Guarded by the action's version, so a double click or a second plan owner cannot decide twice.
 */
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { isUniqueViolation } from '../db/tx';
import { appendHistory } from '../history/append';
import { actionOwnerIds, isOwnCompletion, nextAuthority, type Authority } from '../people/roles';
import { may } from '../people/permissions';
import { cardRefSchema } from './update';
import {
  fieldErrors,
  findActor,
  loadView,
  optionalText,
  StaleVersion,
  type DecisionOptions,
  type FieldErrors,
} from './change';
import { enqueueToPeople, type OwnerLoopMessages } from './owner-messages';
import type { ActionView } from './view';

export const verifyDecisionSchema = cardRefSchema
  .extend({ decision: z.enum(['verify', 'reopen']), comment: optionalText })
  .refine((d) => d.decision === 'verify' || !!d.comment, {
    path: ['comment'],
    message: 'Add a comment saying what is still missing',
  });

export interface VerificationState {
  status: string;
  by: string | null;
  at: Date | null;
  comment: string | null;
}

export type VerifyResult =
  | { kind: 'decided'; view: ActionView; decision: VerificationState; timeZone: string }
  | { kind: 'invalid'; view: ActionView; errors: FieldErrors; comment?: string }
  | { kind: 'stale'; view: ActionView; decision: VerificationState | null; timeZone: string }
  | { kind: 'forbidden'; view: ActionView }
  /** The completer tried to verify their own work: who verifies instead. */
  | { kind: 'own-work'; view: ActionView; authority: Authority }
  | { kind: 'not-found' };

export async function decideVerification(
  ctx: CoreContext,
  actorId: string,
  raw: Record<string, unknown>,
  messages: OwnerLoopMessages,
  opts: DecisionOptions = {},
): Promise<VerifyResult> {
  const actionId = typeof raw.actionId === 'string' ? raw.actionId : '';
  const actor = await findActor(ctx, actorId);
  const view = actionId ? await loadView(ctx, actionId) : null;
  if (!actor || !view) return { kind: 'not-found' };
  if (!(await may(ctx, actorId, 'action.decide', { planId: view.planId }))) return { kind: 'forbidden', view };
  if (raw.decision === 'verify' && view.status === 'awaiting_verification' && isOwnCompletion(view, actorId)) {
    return { kind: 'own-work', view, authority: await nextAuthority(ctx, view.planId, actorId) };
  }

  const parsed = verifyDecisionSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      view,
      errors: fieldErrors(parsed.error),
      comment: typeof raw.comment === 'string' ? raw.comment.slice(0, 4000) : undefined,
    };
  }
  const { version, decision, comment } = parsed.data;
  const key = `verify:${view.id}:${version}`;
  const verified = decision === 'verify';
  const at = ctx.now();
  const owners = await actionOwnerIds(ctx, view.id);
  try {
    await ctx.db.prisma.$transaction(async (t) => {
      const tx = t as Tx;
      const moved = await tx.action.updateMany({
        where: { id: view.id, version, status: 'awaiting_verification' },
        data: verified
          ? {
              status: 'complete',
              outcome: 'implemented',
              verifiedAt: at,
              verifiedById: actorId,
              version: { increment: 1 },
            }
          : { status: 'open', completedAt: null, completedById: null, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new StaleVersion();
      await appendHistory(tx, {
        actionId: view.id,
        at,
        authorName: actor.displayName,
        authorPersonId: actorId,
        kind: 'verification',
        text: comment ?? null,
        changes: { status: ['awaiting_verification', verified ? 'complete' : 'open'] },
        idempotencyKey: key,
        detail: opts.meeting ? { meeting: opts.meeting } : null,
      });
      const after = (await loadView(ctx, view.id, tx))!;
      // The decider sees the outcome on the card they answered; a second card saying the same is noise.
      await enqueueToPeople(
        tx,
        owners.filter((id) => id !== actorId),
        {
          key: `notice:${key}`,
          purpose: 'notice',
          activity: messages.verificationDecided(after, {
            verified,
            deciderName: actor.displayName,
            comment: comment ?? null,
          }),
        },
      );
    });
  } catch (err) {
    if (!(err instanceof StaleVersion) && !isUniqueViolation(err)) throw err;
    // Already decided (by this click before, or someone else): show what happened instead.
    return {
      kind: 'stale',
      view: (await loadView(ctx, view.id))!,
      decision: await lastDecision(ctx, view.id),
      timeZone: actor.timeZone,
    };
  }
  return {
    kind: 'decided',
    view: (await loadView(ctx, view.id))!,
    decision: (await lastDecision(ctx, view.id))!,
    timeZone: actor.timeZone,
  };
}

async function lastDecision(ctx: CoreContext, actionId: string): Promise<VerificationState | null> {
  const u = await ctx.db.prisma.update.findFirst({
    where: { actionId, kind: 'verification' },
    orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
  });
  if (!u) return null;
  const status = (JSON.parse(u.changes ?? '{}') as { status?: [string, string] }).status?.[1] ?? 'unknown';
  return { status, by: u.authorName, at: u.at, comment: u.text };
}
