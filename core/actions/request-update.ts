/**
 * A board (in its meeting, or whoever decides for the plan) asks an action's owners for an update by a
 * date: recorded in the action's history, sent to the owners with the Update button, and asked again on
 * that date if no update has come since (jobs/reminders.ts). The owners' next progress update answers it
 * (update.ts clears the date).
 * Only those who decide for the plan (plan owner, verifier, admin) may ask; the date is after today and
 * within a year.
 */
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { isUniqueViolation } from '../db/tx';
import { appendHistory } from '../history/append';
import { actionOwnerIds } from '../people/roles';
import { may } from '../people/permissions';
import { reminderSlots } from '../reminders/recipients';
import { addDays, dateOnly, isoDate, localDate } from '../time';
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
import { enqueueToPeople, notYetSent, type OwnerLoopMessages, type UpdateRequestInfo } from './owner-messages';
import { cardRefSchema, isoDay } from './update';
import type { ActionView } from './view';

/** Far enough for any committee's cycle; further is a typo. */
const LONGEST_DAYS = 365;

export const updateRequestSchema = cardRefSchema.extend({ byDate: isoDay, note: optionalText });

export type UpdateRequestResult =
  | { kind: 'requested'; view: ActionView; byDate: string; owners: number }
  | { kind: 'invalid'; view: ActionView; errors: FieldErrors }
  | { kind: 'conflict'; view: ActionView }
  | { kind: 'forbidden'; view: ActionView }
  | { kind: 'not-found' };

export async function requestUpdate(
  ctx: CoreContext,
  actorId: string,
  raw: Record<string, unknown>,
  messages: OwnerLoopMessages,
  opts: DecisionOptions = {},
): Promise<UpdateRequestResult> {
  const actionId = typeof raw.actionId === 'string' ? raw.actionId : '';
  const actor = await findActor(ctx, actorId);
  const view = actionId ? await loadView(ctx, actionId) : null;
  if (!actor || !view) return { kind: 'not-found' };
  if (!(await may(ctx, actorId, 'action.decide', { planId: view.planId }))) return { kind: 'forbidden', view };
  const parsed = updateRequestSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'invalid', view, errors: fieldErrors(parsed.error) };
  const { version, byDate, note } = parsed.data;
  const today = localDate(ctx.now(), ctx.timeZone);
  const errors: FieldErrors = {};
  if (byDate <= today) errors.byDate = 'Pick a date after today';
  else if (byDate > addDays(today, LONGEST_DAYS)) errors.byDate = 'Pick a date within a year';
  if (view.status !== 'open')
    errors.form = `${view.displayRef} is ${view.status === 'awaiting_verification' ? 'awaiting verification' : 'closed'}: there is no update to ask for`;
  if (Object.keys(errors).length) return { kind: 'invalid', view, errors };

  const at = ctx.now();
  const key = idempotencyKey(['request-update', actorId, view.id, version, byDate]);
  const owners = await actionOwnerIds(ctx, view.id);
  let reached = 0;
  try {
    await ctx.db.prisma.$transaction(async (t) => {
      const tx = t as Tx;
      const moved = await tx.action.updateMany({
        where: { id: view.id, version, status: 'open' },
        data: { updateDueBy: dateOnly(byDate), updateRequestedAt: at, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new StaleVersion();
      await appendHistory(tx, {
        actionId: view.id,
        at,
        kind: 'request',
        authorName: actor.displayName,
        authorPersonId: actorId,
        text: note ?? null,
        changes: { updateDueBy: [view.updateDueBy, byDate] },
        idempotencyKey: key,
        detail: opts.meeting ? { meeting: opts.meeting } : null,
      });
      const after = (await loadView(ctx, view.id, tx))!;
      reached = await enqueueToPeople(tx, owners, {
        key: `update-request:${key}`,
        purpose: 'notice',
        activity: messages.updateRequested(after, {
          askedBy: actor.displayName,
          byDate,
          note: note ?? null,
          meeting: opts.meeting,
        }),
      });
    });
  } catch (err) {
    if (!(err instanceof StaleVersion) && !isUniqueViolation(err)) throw err;
    const latest = (await loadView(ctx, view.id))!;
    // The same click twice: it was recorded.
    if (await ctx.db.prisma.update.findUnique({ where: { idempotencyKey: key } }))
      return { kind: 'requested', view: latest, byDate, owners: owners.length };
    return { kind: 'conflict', view: latest };
  }
  return { kind: 'requested', view: (await loadView(ctx, view.id))!, byDate, owners: reached };
}

/**
 * On the date asked for, owners who have not updated since the request are asked again, once, at their
 * reminder time on a working day. Returns how many owners it queued a message for.
 */
export async function queueDueUpdateRequests(
  ctx: CoreContext,
  opts: { reminderTime: string },
  messages: OwnerLoopMessages,
): Promise<number> {
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const due = await ctx.db.prisma.action.findMany({
    where: { status: 'open', updateDueBy: { lte: dateOnly(today) }, plan: { archivedAt: null } },
    select: { id: true, updateDueBy: true, updateRequestedAt: true },
  });
  let queued = 0;
  for (const a of due) {
    const askedAt = a.updateRequestedAt;
    if (!askedAt) continue;
    const people = await ctx.db.prisma.person.findMany({ where: { id: { in: await actionOwnerIds(ctx, a.id) } } });
    const slots = reminderSlots(people, now, opts.reminderTime, ctx.timeZone);
    const key = `update-request-due:${a.id}:${askedAt.getTime()}`;
    const ready = await notYetSent(
      ctx.db.prisma,
      key,
      people.filter((p) => slots.get(p.id)?.open).map((p) => p.id),
    );
    const view = ready.length ? await loadView(ctx, a.id) : null;
    if (!view) continue;
    const request = await ctx.db.prisma.update.findFirst({
      where: { actionId: a.id, kind: 'request' },
      orderBy: { seq: 'desc' },
      select: { authorName: true, text: true, detail: true },
    });
    const meeting = request?.detail ? (JSON.parse(request.detail) as DecisionOptions).meeting : undefined;
    const info: UpdateRequestInfo = {
      askedBy: request?.authorName ?? 'The board',
      byDate: isoDate(a.updateDueBy!),
      note: request?.text ?? null,
      meeting,
      due: true,
    };
    queued += await ctx.db.prisma.$transaction((tx) =>
      enqueueToPeople(tx as Tx, ready, {
        key,
        purpose: 'notice',
        activity: messages.updateRequested(view, info),
      }),
    );
  }
  return queued;
}
