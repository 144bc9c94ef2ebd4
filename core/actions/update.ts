/**
 * An owner's update from the update card. Rules: a note is required when reporting Amber or Red,
 * completing, or asking for a new due date; "Complete" hands the action to the plan owner to verify.
 * Every change is a new Update row (history is never overwritten); the action's version guards against
 * two people updating at once, and the idempotency key makes a retried click record once.
 */
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { isUniqueViolation } from '../db/tx';
import { appendHistory } from '../history/append';
import { boardTabOf } from '../board-tab';
import { PATIENT_TRANSACTION, retryWhileBusy } from '../db/busy';
import { authorityWords, nextAuthority, type Authority } from '../people/roles';
import { may } from '../people/permissions';
import { dateOnly, isoDate, localDate } from '../time';
import {
  fieldErrors,
  findActor,
  idempotencyKey,
  loadView,
  optionalText,
  StaleVersion,
  type FieldErrors,
} from './change';
import { evidenceLinkSchema, evidenceOf, missingEvidence } from '../evidence/evidence';
import { enqueueToPeople, type OwnerLoopMessages } from './owner-messages';
import type { ActionView } from './view';

/** The card's choices: what owners say, with the RAG each means said once, and what is stored. */
export const STATUS_CHOICES = [
  { value: 'GREEN', title: 'On track (Green)' },
  { value: 'AMBER', title: 'At risk (Amber)' },
  { value: 'RED', title: 'Off track (Red)' },
  { value: 'complete', title: 'Complete' },
] as const;
export type UpdateStatus = (typeof STATUS_CHOICES)[number]['value'];

/** Which card and which version of the action it showed. */
export const cardRefSchema = z.object({
  actionId: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1),
});

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Pick a date')
  .refine((d) => !Number.isNaN(dateOnly(d).getTime()) && isoDate(dateOnly(d)) === d, 'That is not a real date');

export const updateFieldsSchema = z.object({
  status: z.enum(['GREEN', 'AMBER', 'RED', 'complete'], { errorMap: () => ({ message: 'Choose a status' }) }),
  note: optionalText,
  newDueDate: z
    .string()
    .optional()
    .transform((s) => s?.trim() || undefined)
    .pipe(isoDay.optional()),
  dueReason: optionalText,
});
export type UpdateFields = z.infer<typeof updateFieldsSchema>;

/** What the user typed, kept so an invalid or conflicting submit re-shows it. */
export interface UpdateValues {
  status?: string;
  note?: string;
  newDueDate?: string;
  dueReason?: string;
  evidenceUrl?: string;
  evidenceTitle?: string;
}

export type UpdateResult =
  | {
      kind: 'updated';
      view: ActionView;
      by: string;
      at: Date;
      timeZone: string;
      extension?: { date: string; planOwnersReached: number };
      /** Who was asked to verify or approve, when it is not the plan owner (separation of duties). */
      routedTo?: Authority;
      duplicate: boolean;
    }
  | { kind: 'invalid'; view: ActionView; errors: FieldErrors; values: UpdateValues }
  | { kind: 'conflict'; view: ActionView; values: UpdateValues }
  | { kind: 'closed'; view: ActionView }
  | { kind: 'forbidden'; view: ActionView }
  | { kind: 'not-found' };

/** How bad each status is: a note is asked for when an update makes the action worse. */
const SEVERITY: Record<string, number> = { GREEN: 0, AMBER: 1, RED: 2 };

/**
 * The rules beyond field shapes; `today` is the organisation's calendar date and `standing` the action
 * as it stands (its effective RAG, and whether it is past its due date). A note is asked for when the
 * update makes things worse, completes the action, asks for a new date, or calls an overdue action on
 * track; at most one message per field.
 */
export function checkUpdateRules(
  f: UpdateFields,
  today: string,
  standing: { rag: string; overdue: boolean },
): FieldErrors {
  const errors: FieldErrors = {};
  const worse = f.status !== 'complete' && SEVERITY[f.status] > (SEVERITY[standing.rag] ?? 0);
  const why =
    f.status === 'complete'
      ? 'Complete'
      : f.newDueDate
        ? 'a new due date'
        : worse
          ? STATUS_CHOICES.find((c) => c.value === f.status)!.title
          : standing.overdue && f.status !== 'RED'
            ? `${STATUS_CHOICES.find((c) => c.value === f.status)!.title} while it is overdue`
            : null;
  if (!f.note && why) errors.note = `Add a note: it is needed for ${why}`;
  if (f.newDueDate && f.status === 'complete') errors.newDueDate = 'Leave the new date empty when completing';
  else if (f.newDueDate) {
    if (f.newDueDate <= today) errors.newDueDate = 'The new date must be after today';
    if (!f.dueReason) errors.dueReason = 'Say why the date needs to move';
  } else if (f.dueReason) errors.newDueDate = 'Pick the new date you are asking for';
  return errors;
}

export async function submitUpdate(
  ctx: CoreContext,
  actorId: string,
  raw: Record<string, unknown>,
  messages: OwnerLoopMessages,
): Promise<UpdateResult> {
  const ref = cardRefSchema.safeParse(raw);
  const actor = await findActor(ctx, actorId);
  const view = ref.success ? await loadView(ctx, ref.data.actionId) : null;
  if (!ref.success || !view || !actor) return { kind: 'not-found' };
  if (!(await may(ctx, actorId, 'action.update', { actionId: view.id }))) return { kind: 'forbidden', view };

  const values = keptValues(raw);
  const parsed = updateFieldsSchema.safeParse(raw);
  const today = localDate(ctx.now(), ctx.timeZone);
  const standing = { rag: view.effectiveRag, overdue: !!view.due && view.due < today };
  const link = evidenceLinkSchema.safeParse(raw);
  const errors = parsed.success ? checkUpdateRules(parsed.data, today, standing) : fieldErrors(parsed.error);
  if (!link.success) Object.assign(errors, fieldErrors(link.error), errors);
  // The plan's evidence policy: a completion it covers needs a link now or evidence sent before.
  if (parsed.success && parsed.data.status === 'complete' && link.success && !link.data.evidenceUrl) {
    const missing = await missingEvidence(ctx, view);
    if (missing) errors.evidenceUrl ??= missing;
  }
  if (!parsed.success || !link.success || Object.keys(errors).length) return { kind: 'invalid', view, errors, values };

  const fields = parsed.data;
  const evidence = link.data.evidenceUrl ? { url: link.data.evidenceUrl, title: link.data.evidenceTitle! } : undefined;
  const key = idempotencyKey(['update', actorId, view.id, ref.data.version, fields, evidence ?? null]);
  const done = await recorded(ctx, key);
  if (done) return done;
  if (view.status !== 'open') return { kind: 'closed', view };
  if (view.version !== ref.data.version) return { kind: 'conflict', view, values };

  const at = ctx.now();
  // Separation of duties: the author of a completion or a date request never decides it.
  const authority = await nextAuthority(ctx, view.planId, actorId);
  const w: Write = {
    view,
    fields,
    evidence,
    key,
    at,
    actorName: actor.displayName,
    actorId,
    version: ref.data.version,
    authority,
  };
  try {
    const planOwnersReached = await retryWhileBusy(() =>
      ctx.db.prisma.$transaction((tx) => write(ctx, tx as Tx, w, messages), PATIENT_TRANSACTION),
    );
    const fresh = (await loadView(ctx, view.id))!;
    const extension = fields.newDueDate ? { date: fields.newDueDate, planOwnersReached } : undefined;
    const asked = fields.status === 'complete' || !!fields.newDueDate;
    const routedTo = asked && authority.via !== 'plan-owner' ? authority : undefined;
    return {
      kind: 'updated',
      view: fresh,
      by: actor.displayName,
      at,
      timeZone: actor.timeZone,
      extension,
      routedTo,
      duplicate: false,
    };
  } catch (err) {
    if (!(err instanceof StaleVersion) && !isUniqueViolation(err)) throw err;
    // Lost a race: to the same click arriving twice (recorded) or to someone else's update (conflict).
    return (await recorded(ctx, key)) ?? { kind: 'conflict', view: (await loadView(ctx, view.id))!, values };
  }
}

interface Write {
  view: ActionView;
  fields: UpdateFields;
  evidence?: { url: string; title: string };
  key: string;
  at: Date;
  actorId: string;
  actorName: string;
  version: number;
  authority: Authority;
}

/** Returns how many plan owners the approval / verification card could reach. */
async function write(ctx: CoreContext, tx: Tx, w: Write, messages: OwnerLoopMessages): Promise<number> {
  const { view, fields, at } = w;
  const completing = fields.status === 'complete';
  const rag = completing ? 'COMPLETE' : fields.status;
  const moved = await tx.action.updateMany({
    where: { id: view.id, version: w.version, status: 'open' },
    data: {
      reportedRag: rag,
      reportedRagAt: at,
      lastUpdateAt: at,
      // An update answers any update a board asked for.
      updateDueBy: null,
      version: { increment: 1 },
      ...(completing ? { status: 'awaiting_verification', completedAt: at, completedById: w.actorId } : {}),
    },
  });
  if (moved.count !== 1) throw new StaleVersion();

  const changes: Record<string, [unknown, unknown]> = {};
  if (view.reportedRag !== rag) changes.reportedRag = [view.reportedRag, rag];
  if (completing) changes.status = [view.status, 'awaiting_verification'];
  const link = w.evidence
    ? await tx.evidence.create({
        data: {
          actionId: view.id,
          kind: 'link',
          title: w.evidence.title,
          url: w.evidence.url,
          addedById: w.actorId,
          createdAt: at,
        },
      })
    : null;
  await appendHistory(tx, {
    actionId: view.id,
    at,
    authorName: w.actorName,
    authorPersonId: w.actorId,
    kind: 'progress',
    text: fields.note ?? null,
    changes,
    rag,
    idempotencyKey: w.key,
    detail: link ? { evidenceIds: [link.id] } : null,
  });

  const owners = w.authority.people.map((p) => p.id);
  const because = routedBecause(w.authority, w.actorName, completing ? 'completed it' : 'asked for the new date');
  const after = (await loadView(ctx, view.id, tx))!;
  if (completing) {
    return enqueueToPeople(tx, owners, {
      key: `approval:verify:${view.id}:${after.version}`,
      purpose: 'approval',
      activity: messages.verificationRequest(after, {
        completedBy: w.actorName,
        note: fields.note ?? '',
        because,
        evidence: await evidenceOf(ctx, view.id, tx),
        tab: await boardTabOf(ctx, view.planId, tx),
      }),
    });
  }
  if (fields.newDueDate) {
    const request = await tx.extensionRequest.create({
      data: {
        actionId: view.id,
        requestedById: w.actorId,
        requestedDate: dateOnly(fields.newDueDate),
        reason: fields.dueReason!,
        createdAt: at,
      },
    });
    return enqueueToPeople(tx, owners, {
      key: `approval:extension:${request.id}`,
      purpose: 'approval',
      activity: messages.extensionApproval(after, {
        requestId: request.id,
        requestedDate: fields.newDueDate,
        reason: fields.dueReason!,
        requesterName: w.actorName,
        because,
        tab: await boardTabOf(ctx, view.planId, tx),
      }),
    });
  }
  return 0;
}

/** Why the card went to someone other than the plan owner: said on the card they get. */
export function routedBecause(a: Authority, authorName: string, did: string): string | undefined {
  if (a.via === 'plan-owner') return undefined;
  const as = a.via === 'verifier' ? `as ${a.post}` : 'as an admin';
  return `${authorName} ${did} and may not decide their own request, so it comes to you ${as} (${authorityWords(a)}).`;
}

/** The update this key already recorded, as the same answer the first click got. */
async function recorded(ctx: CoreContext, key: string): Promise<UpdateResult | null> {
  const u = await ctx.db.prisma.update.findUnique({
    where: { idempotencyKey: key },
    include: { author: { select: { timeZone: true } } },
  });
  if (!u) return null;
  const view = (await loadView(ctx, u.actionId))!;
  return {
    kind: 'updated',
    view,
    by: u.authorName ?? 'someone',
    at: u.at,
    timeZone: u.author?.timeZone ?? ctx.timeZone,
    duplicate: true,
  };
}

export function keptValues(raw: Record<string, unknown>): UpdateValues {
  const pick = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).slice(0, 4000) : undefined);
  return {
    status: pick('status'),
    note: pick('note'),
    newDueDate: pick('newDueDate'),
    dueReason: pick('dueReason'),
    evidenceUrl: pick('evidenceUrl'),
    evidenceTitle: pick('evidenceTitle'),
  };
}
