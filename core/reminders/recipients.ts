/**
 * Who receives a person's reminders and when (pure). A card goes out once a day at the recipient's
 * local reminder time on their working days; a run after that time (the bot was down at 09:00) still
 * sends that day's card. An away owner's reminders go to their delegate, or wait until they are back.
 */
import { DEFAULT_WORKING_DAYS } from '../domain';
import { isValidTimeZone, isWorkingDay, localDate, parseWorkingDays, zonedToUtc } from '../time';

export interface ReminderPerson {
  id: string;
  displayName: string;
  timeZone: string | null;
  workingDays: string;
  awayUntil: Date | null;
  delegateId: string | null;
  remindersPaused: boolean;
  teamsUserId: string | null;
  aadObjectId: string | null;
  tenantId: string | null;
}

export type Route = { to: ReminderPerson; onBehalfOf: ReminderPerson | null } | { wait: 'paused' | 'away' };

export function isAway(p: ReminderPerson, now: Date): boolean {
  return p.awayUntil !== null && p.awayUntil > now;
}

/** Where an owner's reminders go now. A delegate who is away or paused too is no stand-in. */
export function routeReminder(owner: ReminderPerson, people: ReadonlyMap<string, ReminderPerson>, now: Date): Route {
  if (owner.remindersPaused) return { wait: 'paused' };
  if (!isAway(owner, now)) return { to: owner, onBehalfOf: null };
  const delegate = owner.delegateId ? people.get(owner.delegateId) : undefined;
  if (!delegate || delegate.remindersPaused || isAway(delegate, now)) return { wait: 'away' };
  return { to: delegate, onBehalfOf: owner };
}

export interface Slot {
  timeZone: string;
  /** The recipient's local date: part of the card's idempotency key. */
  localDate: string;
  /** REMINDER_TIME, local. */
  localTime: string;
  /** That local time today, as an instant. */
  sendAt: Date;
  /** A working day for them and the time has come. */
  open: boolean;
}

export function personTimeZone(p: Pick<ReminderPerson, 'timeZone'>, fallback: string): string {
  return p.timeZone && isValidTimeZone(p.timeZone) ? p.timeZone : fallback;
}

export function workingDaysOf(p: Pick<ReminderPerson, 'workingDays'>): number[] {
  const days = parseWorkingDays(p.workingDays);
  return days.length ? days : DEFAULT_WORKING_DAYS;
}

export function reminderSlot(p: ReminderPerson, now: Date, reminderTime: string, defaultTimeZone: string): Slot {
  return reminderSlots([p], now, reminderTime, defaultTimeZone).get(p.id)!;
}

/** Each person's slot, by id. A time zone's date and send time are worked out once for all in it: time-zone maths is costly. */
export function reminderSlots(people: Iterable<ReminderPerson>, now: Date, reminderTime: string, defaultTimeZone: string): Map<string, Slot> {
  const zones = new Map<string, Omit<Slot, 'open'>>();
  const slots = new Map<string, Slot>();
  for (const p of people) {
    const timeZone = personTimeZone(p, defaultTimeZone);
    let zone = zones.get(timeZone);
    if (!zone) {
      const date = localDate(now, timeZone);
      zones.set(timeZone, (zone = { timeZone, localDate: date, localTime: reminderTime, sendAt: zonedToUtc(date, reminderTime, timeZone) }));
    }
    slots.set(p.id, { ...zone, open: isWorkingDay(zone.localDate, workingDaysOf(p)) && now >= zone.sendAt });
  }
  return slots;
}
