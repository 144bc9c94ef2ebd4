/**
 * Why a reminder run sends nobody a card, in terms an administrator can act on: it is not a working
 * day for the owners, their reminder time has not come, they have no chat with Chaser yet, they paused
 * reminders or are away, or nothing is owed at all.
 */
import type { CoreContext } from '../context';
import { append } from '../groups';
import { addDays, isWorkingDay, wallClockLabel, zonedToUtc } from '../time';
import type { DecideOptions, ReminderDecision } from './decide';
import { loadPeople } from './load';
import { reminderSlots, workingDaysOf, type ReminderPerson } from './recipients';

export interface QuietReasons {
  /** Owners for whom today is not a working day, with when their next reminder time comes. */
  dayOff: { names: string[]; next: string }[];
  /** Owners whose reminder time today is still to come. */
  notYet: { names: string[]; at: string }[];
  /** Owed reminders, but no chat with Chaser and no plan owner to tell. */
  noChat: { name: string; items: number }[];
  /** Owed reminders, held back. */
  waiting: { name: string; reason: 'paused' | 'away'; items: number }[];
}

export async function quietReasons(
  ctx: CoreContext,
  decision: ReminderDecision,
  opts: DecideOptions,
): Promise<QuietReasons> {
  const people = await loadPeople(ctx);
  const holders = new Set(
    (await ctx.db.prisma.postHolding.findMany({ where: { to: null }, select: { personId: true } })).map(
      (h) => h.personId,
    ),
  );
  const owners = [...people.values()].filter((p) => holders.has(p.id));
  const now = decision.asOf;
  const slots = reminderSlots(owners, now, opts.reminderTime, ctx.timeZone);
  const dayOff = new Map<string, string[]>();
  const notYet = new Map<string, string[]>();
  for (const p of owners) {
    const slot = slots.get(p.id)!;
    if (slot.open) continue;
    if (isWorkingDay(slot.localDate, workingDaysOf(p)))
      append(notYet, `${wallClockLabel(slot.sendAt, slot.timeZone)} ${slot.timeZone}`, p.displayName);
    else append(dayOff, nextReminder(p, slot.localDate, opts.reminderTime, slot.timeZone), p.displayName);
  }
  const name = (id: string) => people.get(id)?.displayName ?? 'someone';
  return {
    dayOff: [...dayOff].map(([next, names]) => ({ next, names })),
    notYet: [...notYet].map(([at, names]) => ({ at, names })),
    noChat: decision.undeliverable.map((u) => ({ name: name(u.personId), items: u.items })),
    waiting: decision.waiting.map((w) => ({ name: name(w.personId), reason: w.reason, items: w.items })),
  };
}

function nextReminder(p: ReminderPerson, today: string, time: string, timeZone: string): string {
  let date = addDays(today, 1);
  while (!isWorkingDay(date, workingDaysOf(p))) date = addDays(date, 1);
  return `${wallClockLabel(zonedToUtc(date, time, timeZone), timeZone)} ${timeZone}`;
}
