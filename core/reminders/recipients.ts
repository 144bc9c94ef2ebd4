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

/**
 * Each person's slot, by id. Everyone with the same time zone and working week has the same slot, worked
 * out once: time-zone maths is costly, and a sweep asks for thousands of people.
 */
export function reminderSlots(
  people: Iterable<ReminderPerson>,
  now: Date,
  reminderTime: string,
  defaultTimeZone: string,
): Map<string, Slot> {
  const shared = new Map<string, Slot>();
  const slots = new Map<string, Slot>();
  for (const p of people) {
    const timeZone = personTimeZone(p, defaultTimeZone);
    const key = `${timeZone} ${p.workingDays}`;
    let slot = shared.get(key);
    if (!slot) {
      const date = localDate(now, timeZone);
      const sendAt = zonedToUtc(date, reminderTime, timeZone);
      shared.set(
        key,
        (slot = {
          timeZone,
          localDate: date,
          localTime: reminderTime,
          sendAt,
          open: isWorkingDay(date, workingDaysOf(p)) && now >= sendAt,
        }),
      );
    }
    slots.set(p.id, slot);
  }
  return slots;
}
