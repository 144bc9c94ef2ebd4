/**
 * Calendar and time-zone maths. Every function takes the moment it works from (`now`) instead of
 * reading the clock, so jobs and rules are testable with a fixed clock.
 * Calendar dates (due dates) are stored as UTC midnight of the date and handled as "YYYY-MM-DD".
 */

/** Where "now" comes from: the system clock in production, a fixed or stepped one in tests. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

export const DAY_MS = 86_400_000;
/** Month names in full, lower case, January first: how importers and questions recognise them. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;
const MONTHS = MONTH_NAMES.map((m) => m[0].toUpperCase() + m.slice(1, 3));

export interface ZonedParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  weekday: number; // ISO: 1 = Monday … 7 = Sunday
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock fields of an instant in a time zone (IANA name). */
export function zonedParts(instant: Date, timeZone: string): ZonedParts {
  let fmt = partsFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, fmt);
  }
  const p: Record<string, string> = {};
  for (const { type, value } of fmt.formatToParts(instant)) p[type] = value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1,
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  // Building a formatter is the costly part: one already built proves the name.
  if (partsFormatters.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date ("YYYY-MM-DD") an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return isoDate(Date.UTC(p.year, p.month - 1, p.day));
}

/** The instant at which the wall clock in `timeZone` shows `date` `time` (DST-aware). */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes converge across a DST change: guess, measure the zone's offset there, correct.
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/** The last moment of a calendar day on the time zone's clock: what "as at 30 Jun 2015" means. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  return new Date(zonedToUtc(date, '23:59', timeZone).getTime() + 59_999);
}

export function isoDate(ms: number | Date): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  // A reminder sweep formats a few dates per open action; toISOString costs several times this. It still
  // formats (or refuses) what is unusual.
  if (!(year >= 1000 && year <= 9999)) return d.toISOString().slice(0, 10);
  return `${year}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/** UTC midnight of a "YYYY-MM-DD" date: how due dates are stored. */
export function dateOnly(date: string): Date {
  return new Date(midnightMs(date));
}

/** dateOnly as a number: NaN for what Date rejects; what it rolls over ("2015-02-30") rolls over. */
function midnightMs(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

export function addDays(date: string, days: number): string {
  return isoDate(midnightMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return Math.round((midnightMs(b) - midnightMs(a)) / DAY_MS);
}

export function isoWeekday(date: string): number {
  return weekdayOf(dateOnly(date));
}

function weekdayOf(d: Date): number {
  return d.getUTCDay() || 7;
}

export function isWorkingDay(date: string, workingDays: readonly number[]): boolean {
  return workingDays.includes(isoWeekday(date));
}

/** Moves `n` working days (negative: back); 0 stays put. */
export function addWorkingDays(date: string, n: number, workingDays: readonly number[]): string {
  let week = 0;
  for (const d of workingDays) if (d >= 1 && d <= 7) week |= 1 << d;
  const perWeek = [1, 2, 3, 4, 5, 6, 7].filter((d) => week & (1 << d)).length;
  if (perWeek === 0) throw new Error('a week needs at least one working day');
  let day = Math.round(midnightMs(date) / DAY_MS);
  if (Number.isNaN(day)) throw new RangeError(`not a date: ${date}`);
  // Whole days as integers, not Dates: a reminder sweep does this for every action due soon. Every 7
  // days hold each working day once, so whole weeks are skipped, keeping at least one working day to
  // walk (the walk lands on a working day), and at most a week is walked.
  const step = Math.sign(n);
  let left = Math.abs(n);
  const weeks = left > 0 ? Math.floor((left - 1) / perWeek) : 0;
  day += step * 7 * weeks;
  left -= weeks * perWeek;
  while (left > 0) {
    day += step;
    // 1 Jan 1970, day 0, was a Thursday (ISO weekday 4).
    if (week & (1 << ((((day % 7) + 10) % 7) + 1))) left--;
  }
  return isoDate(day * DAY_MS);
}

/** A number of days as people say it: "3 days", "2 weeks", "5 months", "11 years" (rounded down). */
export function spanWords(days: number): string {
  const n = Math.abs(days);
  const [count, unit] =
    n < 14
      ? [n, 'day']
      : n < 63
        ? [Math.floor(n / 7), 'week']
        : n < 730
          ? [Math.floor(n / 30.44), 'month']
          : [Math.floor(n / 365.25), 'year'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "1 Jun 2015": how dates read in cards and reasons. */
export function formatDate(date: Date | string): string {
  const day = typeof date === 'string' ? dateOnly(date) : date;
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

export function parseWorkingDays(text: string): number[] {
  return text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 7);
}

/** "Mon 23 Nov 2026 08:00" on a time zone's wall clock. */
export function wallClockLabel(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][p.weekday - 1];
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${day} ${formatDate(localDate(at, timeZone))} ${hm}`;
}
