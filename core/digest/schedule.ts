/**
 * Board digest schedules. Users say "every Monday 08:00", "every weekday 07:30" or "every day 18:00";
 * Board.digestCron stores the cron form ("0 8 * * 1") read in the board's time zone. Only that shape
 * (fixed minute and hour, any month day and month, a weekday list) is accepted, so the slot calculator
 * below can stay a walk over calendar days and handle daylight saving through zonedToUtc.
 */
import { addDays, isoWeekday, localDate, zonedToUtc } from '../time';

export const DEFAULT_DIGEST_CRON = '0 8 * * 1';

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

export interface DigestSchedule {
  hour: number;
  minute: number;
  /** ISO weekdays (1 = Monday … 7 = Sunday), ascending. */
  weekdays: number[];
}

export interface Slot {
  /** The instant the digest is due. */
  at: Date;
  /** The slot on the board's wall clock, "2026-11-23T08:00": Digest.periodKey. */
  periodKey: string;
}

/** "every Monday 08:00", "Mon, Thu 8:30", "weekdays 07:00", "daily 18:00" → schedule, or an error message. */
export function parseScheduleText(text: string): DigestSchedule | { error: string } {
  const m = /^(?:every\s+)?(.+?)\s+(?:at\s+)?(\d{1,2})[:.](\d{2})$/i.exec(text.trim());
  if (!m) return { error: 'Say when, e.g. "digest every Monday 08:00" (a day and a 24-hour time).' };
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (hour > 23 || minute > 59) return { error: `${m[2]}:${m[3]} is not a time of day (use 24-hour HH:MM).` };
  const weekdays = parseDays(m[1]);
  if (!weekdays) return { error: `I don't know the day "${m[1]}": use day names such as Monday, weekdays or day.` };
  return { hour, minute, weekdays };
}

function parseDays(text: string): number[] | null {
  const words = text
    .toLowerCase()
    .split(/\s*(?:,|\band\b|&)\s*|\s+/)
    .filter(Boolean);
  const days = new Set<number>();
  for (const w of words) {
    if (/^(day|days|daily)$/.test(w)) for (const d of [1, 2, 3, 4, 5, 6, 7]) days.add(d);
    else if (/^weekdays?$/.test(w)) for (const d of [1, 2, 3, 4, 5]) days.add(d);
    else {
      const i = w.length >= 3 ? DAY_NAMES.findIndex((n) => n.startsWith(w.replace(/s$/, ''))) : -1;
      if (i < 0) return null;
      days.add(i + 1);
    }
  }
  return days.size ? [...days].sort((a, b) => a - b) : null;
}

export function toCron(s: DigestSchedule): string {
  const days = s.weekdays.length === 7 ? '*' : s.weekdays.map((d) => d % 7).join(',');
  return `${s.minute} ${s.hour} * * ${days}`;
}

/** Reads the stored cron back; throws on any shape this module would not have written. */
export function parseCron(cron: string): DigestSchedule {
  const m = /^(\d{1,2}) (\d{1,2}) \* \* (\*|[0-7](?:-[0-7])?(?:,[0-7](?:-[0-7])?)*)$/.exec(cron.trim());
  if (!m || Number(m[1]) > 59 || Number(m[2]) > 23) throw new Error(`unsupported digest schedule "${cron}"`);
  const weekdays = new Set<number>();
  if (m[3] === '*') for (const d of [1, 2, 3, 4, 5, 6, 7]) weekdays.add(d);
  else {
    for (const part of m[3].split(',')) {
      const [a, b = a] = part.split('-').map(Number);
      for (let d = a; d <= b; d++) weekdays.add(d === 0 ? 7 : d);
    }
  }
  return { minute: Number(m[1]), hour: Number(m[2]), weekdays: [...weekdays].sort((a, b) => a - b) };
}

/** "Mon 08:00", "Mon, Thu 08:30", "every day 18:00", "weekdays 07:00". */
export function describeSchedule(cron: string): string {
  const s = parseCron(cron);
  const days =
    s.weekdays.length === 7
      ? 'every day'
      : s.weekdays.join() === '1,2,3,4,5'
        ? 'weekdays'
        : s.weekdays.map((d) => DAY_LABELS[d - 1]).join(', ');
  return `${days} ${hhmm(s)}`;
}

/** The most recent slot at or before `now` (none within the last 8 days means no weekday matched). */
export function latestSlot(cron: string, timeZone: string, now: Date): Slot | null {
  const s = parseCron(cron);
  const today = localDate(now, timeZone);
  for (let back = 0; back <= 7; back++) {
    const date = addDays(today, -back);
    if (!s.weekdays.includes(isoWeekday(date))) continue;
    const slot = slotOnDate(s, timeZone, date);
    if (slot.at <= now) return slot;
  }
  return null;
}

/** The schedule's time of day on a calendar date ("YYYY-MM-DD") in the board's time zone. */
export function slotOnDate(schedule: DigestSchedule, timeZone: string, date: string): Slot {
  return { at: zonedToUtc(date, hhmm(schedule), timeZone), periodKey: `${date}T${hhmm(schedule)}` };
}

/** "Mon 08:00": the slot on the board's wall clock. */
export function slotLabel(slot: Slot): string {
  return `${DAY_LABELS[isoWeekday(slot.periodKey.slice(0, 10)) - 1]} ${slot.periodKey.slice(11)}`;
}

function hhmm(s: DigestSchedule): string {
  return `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
}
