/**
 * A completion is followed up until someone verifies it, for the priorities the plan's policy names
 * (high always): once it has waited its window, whoever verifies it (the plan owner, else the verifier
 * post, else admins; never whoever completed it) gets the verification card again, at their reminder
 * time on one of their working days, and again every `overdueEveryDays` until it is verified or reopened.
 * Each occasion is queued once per person, whatever the number of sweeps or instances: the outbox key
 * names the completion and the occasion.
 */
import { boardTabOf } from '../board-tab';
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import type { Priority } from '../domain';
import { evidenceOf } from '../evidence/evidence';
import { nextAuthority } from '../people/roles';
import { parseReminderPolicy, verifyFollowUpDays } from '../reminders/policy';
import { reminderSlots } from '../reminders/recipients';
import { addDays, daysBetween, localDate } from '../time';
import { loadView } from './change';
import { enqueueToPeople, notYetSent, type OutgoingActivity, type VerificationRequestInfo } from './owner-messages';
import { routedBecause } from './update';
import type { ActionView } from './view';

/** The day the latest follow-up became owed, or null while the completion is inside its window. */
export function followUpOccasion(completedOn: string, today: string, afterDays: number, everyDays: number) {
  const waited = daysBetween(completedOn, today);
  if (waited < afterDays) return null;
  return addDays(completedOn, afterDays + Math.floor((waited - afterDays) / everyDays) * everyDays);
}

/** Returns how many follow-ups it queued (one per action and recipient). */
export async function queueVerificationFollowUps(
  ctx: CoreContext,
  opts: { reminderTime: string },
  render: (view: ActionView, d: VerificationRequestInfo) => OutgoingActivity,
): Promise<number> {
  const now = ctx.now();
  const today = localDate(now, ctx.timeZone);
  const waiting = await ctx.db.prisma.action.findMany({
    where: { status: 'awaiting_verification', priority: { not: null }, plan: { archivedAt: null } },
    select: {
      id: true,
      planId: true,
      priority: true,
      completedAt: true,
      completedById: true,
      plan: { select: { reminderPolicy: true } },
    },
  });
  let queued = 0;
  for (const a of waiting) {
    const { policy } = parseReminderPolicy(a.plan.reminderPolicy);
    const afterDays = verifyFollowUpDays(policy, a.priority);
    const { completedAt } = a;
    if (afterDays === null || !completedAt) continue;
    const completedOn = localDate(completedAt, ctx.timeZone);
    const occasion = followUpOccasion(completedOn, today, afterDays, policy.overdueEveryDays);
    if (!occasion) continue;

    const authority = await nextAuthority(ctx, a.planId, a.completedById);
    const people = await ctx.db.prisma.person.findMany({ where: { id: { in: authority.people.map((p) => p.id) } } });
    // Like a reminder: at the recipient's reminder time, on their working day; a later sweep sends the rest.
    const slots = reminderSlots(people, now, opts.reminderTime, ctx.timeZone);
    const key = `verify-follow-up:${a.id}:${completedAt.getTime()}:${occasion}`;
    const due = await notYetSent(
      ctx.db.prisma,
      key,
      people.filter((p) => slots.get(p.id)?.open).map((p) => p.id),
    );
    if (!due.length) continue;

    const view = await loadView(ctx, a.id);
    if (!view) continue;
    const completer = a.completedById
      ? await ctx.db.prisma.person.findUnique({ where: { id: a.completedById }, select: { displayName: true } })
      : null;
    const completedBy = completer?.displayName ?? 'The owner';
    const info: VerificationRequestInfo = {
      completedBy,
      note: await completionNote(ctx, a.id),
      because: routedBecause(authority, completedBy, 'completed it'),
      evidence: await evidenceOf(ctx, a.id),
      waiting: { since: completedOn, days: daysBetween(completedOn, today), priority: a.priority as Priority },
      tab: await boardTabOf(ctx, a.planId),
    };
    queued += await ctx.db.prisma.$transaction((tx) =>
      enqueueToPeople(tx as Tx, due, {
        key,
        purpose: 'approval',
        activity: render(view, info),
      }),
    );
  }
  return queued;
}

/** The owner's note with the completion: their latest progress update (none can follow it while it waits). */
async function completionNote(ctx: CoreContext, actionId: string): Promise<string> {
  const update = await ctx.db.prisma.update.findFirst({
    where: { actionId, kind: 'progress' },
    orderBy: { at: 'desc' },
    select: { text: true },
  });
  return update?.text ?? '';
}
