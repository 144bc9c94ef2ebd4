/**
 * What a person sets for themselves in the personal chat: away until a date, a delegate who gets their
 * reminders and may update for them, reminders paused, and snoozing one action's reminders. Dates in
 * these commands read relative to the injected clock, in the organisation's time zone.
 */
import type { CoreContext } from '../context';
import { may } from './permissions';
import { addDays, dateOnly, formatDate, isoDate, localDate } from '../time';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Snoozes and absences further out than this are more likely typos than plans. */
export const MAX_DAYS_AHEAD = 366;

/**
 * A day in plain words, on or after `today` ("YYYY-MM-DD"): "2 Dec", "Dec 2nd 2015", "2015-12-02",
 * "2/12/2015" (day first, as in the UK), "tomorrow", "Friday", "3 days", "2 weeks". Null when unreadable.
 */
export function parseDay(text: string, today: string): string | null {
  const t = text.trim().toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ');
  const thisYear = Number(today.slice(0, 4));
  const real = (y: number, m: number, d: number) => {
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    return m >= 1 && m <= 12 && isoDate(dateOnly(iso)) === iso ? iso : null;
  };
  /** Without a year: the next such date, today included. */
  const next = (m: number, d: number, y?: number) => {
    if (y !== undefined) return real(y < 100 ? 2000 + y : y, m, d);
    const date = real(thisYear, m, d);
    return date && date >= today ? date : real(thisYear + 1, m, d);
  };
  const month = (w: string) => MONTHS.indexOf(w.slice(0, 3)) + 1 || 0;
  let m: RegExpExecArray | null;
  if (t === 'today') return today;
  if (t === 'tomorrow') return addDays(today, 1);
  if ((m = /^(\d+) (day|days|week|weeks)$/.exec(t))) {
    // Past the furthest a command accepts, the exact day no longer matters (and 99999999999 days is no date).
    const days = Math.min(Number(m[1]) * (m[2].startsWith('week') ? 7 : 1), MAX_DAYS_AHEAD + 1);
    return addDays(today, days);
  }
  if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(t))) return real(+m[1], +m[2], +m[3]);
  if ((m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(t))) return next(+m[2], +m[1], m[3] ? +m[3] : undefined);
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})(?: (\d{4}))?$/.exec(t)) && month(m[2]))
    return next(month(m[2]), +m[1], m[3] ? +m[3] : undefined);
  if ((m = /^([a-z]{3,9}) (\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(t)) && month(m[1]))
    return next(month(m[1]), +m[2], m[3] ? +m[3] : undefined);
  const wd = WEEKDAYS.findIndex((w) => w === t.replace(/^next /, '') || w.slice(0, 3) === t.replace(/^next /, ''));
  if (wd >= 0) {
    const todayWd = ((dateOnly(today).getUTCDay() + 6) % 7) + 1;
    return addDays(today, ((wd + 1 - todayWd + 6) % 7) + 1); // the coming one, never today
  }
  return null;
}

/** Not usable, and why; `perhaps` is the date the person may have meant, in words they can send back. */
export type DayCheck = { ok: true; date: string } | { ok: false; message: string; perhaps?: string };

/** A date without a year this far ahead is more likely this year's, already past, than next year's. */
const YEARLESS_AHEAD_DAYS = 270;

/** A day the command can use: readable, after today, not absurdly far, not a year ahead by guesswork. */
export function futureDay(ctx: Pick<CoreContext, 'now' | 'timeZone'>, text: string): DayCheck {
  const today = localDate(ctx.now(), ctx.timeZone);
  const date = parseDay(text, today);
  if (!date)
    return {
      ok: false,
      message: `I couldn't read "${text.trim()}" as a date. Try "2 Dec", "2015-12-02", "Friday" or "3 days".`,
    };
  if (date <= today) return { ok: false, message: `${formatDate(date)} is not in the future.` };
  const yearless = !/\b\d{4}\b|\d+\/\d+\/\d+|\b(days?|weeks?)\b/i.test(text);
  if (yearless && date > addDays(today, YEARLESS_AHEAD_DAYS)) {
    const yearBefore = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
    const passed =
      yearBefore < today && isoDate(dateOnly(yearBefore)) === yearBefore
        ? `${formatDate(yearBefore)} has passed. `
        : '';
    return { ok: false, message: `${passed}Did you mean ${formatDate(date)}?`, perhaps: formatDate(date) };
  }
  if (date > addDays(today, MAX_DAYS_AHEAD))
    return { ok: false, message: `${formatDate(date)} is more than a year away.` };
  return { ok: true, date };
}

/** Away until `date` (back that day); null clears it. Reminders skip people while they are away. */
export async function setAway(ctx: Pick<CoreContext, 'db'>, personId: string, date: string | null): Promise<void> {
  await ctx.db.prisma.person.update({ where: { id: personId }, data: { awayUntil: date ? dateOnly(date) : null } });
}

export async function setRemindersPaused(
  ctx: Pick<CoreContext, 'db'>,
  personId: string,
  paused: boolean,
): Promise<void> {
  await ctx.db.prisma.person.update({ where: { id: personId }, data: { remindersPaused: paused } });
}

/** Someone a command names: a Teams mention (ids) or a display name as typed. */
export interface PersonRef {
  teamsUserId?: string;
  aadObjectId?: string;
  name?: string;
}

export type DelegateResult =
  | { kind: 'set'; delegate: { id: string; displayName: string } }
  | { kind: 'cleared' }
  | { kind: 'self' }
  | { kind: 'unknown' }
  | { kind: 'ambiguous'; names: string[] };

/** Sets (or with null clears) who stands in for this person. */
export async function setDelegate(
  ctx: Pick<CoreContext, 'db'>,
  personId: string,
  who: PersonRef | null,
): Promise<DelegateResult> {
  const prisma = ctx.db.prisma;
  if (!who) {
    await prisma.person.update({ where: { id: personId }, data: { delegateId: null } });
    return { kind: 'cleared' };
  }
  const ids = [
    who.teamsUserId && { teamsUserId: who.teamsUserId },
    who.aadObjectId && { aadObjectId: who.aadObjectId },
  ].filter(Boolean) as object[];
  let matches = ids.length
    ? await prisma.person.findMany({ where: { OR: ids }, select: { id: true, displayName: true } })
    : [];
  if (!matches.length && who.name) {
    // Display names are compared case-insensitively in memory: SQLite and PostgreSQL differ on collation.
    const wanted = who.name.trim().toLowerCase();
    const all = await prisma.person.findMany({ select: { id: true, displayName: true } });
    matches = all.filter((p) => p.displayName.trim().toLowerCase() === wanted);
  }
  if (!matches.length) return { kind: 'unknown' };
  if (matches.length > 1) return { kind: 'ambiguous', names: matches.map((p) => p.displayName) };
  const delegate = matches[0];
  if (delegate.id === personId) return { kind: 'self' };
  await prisma.person.update({ where: { id: personId }, data: { delegateId: delegate.id } });
  return { kind: 'set', delegate };
}

export type SnoozeResult =
  | { kind: 'snoozed'; displayRef: string; until: string }
  | { kind: 'not-found' }
  | { kind: 'forbidden'; displayRef: string };

/** "BTP-CDI-7": plan keys contain hyphens, so try each split into key and action ref. */
export async function findActionByRef(ctx: Pick<CoreContext, 'db'>, displayRef: string) {
  const parts = displayRef.trim().split('-');
  const candidates = parts
    .slice(1)
    .map((_, i) => ({ key: parts.slice(0, i + 1).join('-'), ref: parts.slice(i + 1).join('-') }));
  if (!candidates.length) return null;
  const found = await ctx.db.prisma.action.findMany({
    where: { OR: candidates.map((c) => ({ ref: { equals: c.ref }, plan: { key: c.key.toUpperCase() } })) },
    select: { id: true, ref: true, plan: { select: { key: true } } },
    take: 1,
  });
  return found[0] ? { id: found[0].id, displayRef: `${found[0].plan.key}-${found[0].ref}` } : null;
}

/** No reminders about this action until `date`; only someone who may update it can snooze it. */
export async function snoozeAction(
  ctx: Pick<CoreContext, 'db' | 'adminAadIds'>,
  personId: string,
  displayRef: string,
  date: string,
): Promise<SnoozeResult> {
  const action = await findActionByRef(ctx, displayRef);
  if (!action) return { kind: 'not-found' };
  if (!(await may(ctx, personId, 'action.update', { actionId: action.id })))
    return { kind: 'forbidden', displayRef: action.displayRef };
  await ctx.db.prisma.action.update({ where: { id: action.id }, data: { snoozedUntil: dateOnly(date) } });
  return { kind: 'snoozed', displayRef: action.displayRef, until: date };
}
