/**
 * A moment typed on the command line, read the way people in the organisation mean it: a date alone is
 * the command's usual time that day (`atDate`), a date and time without a zone is wall-clock time in
 * `timeZone`, and an ISO instant with `Z` or an offset is taken as written. Null for anything else,
 * including dates that do not exist and years no plan lives in.
 */
import { dateOnly, isoDate, zonedToUtc } from '../../core/time';

export const MOMENT_FORMS = '2026-12-07, 2026-12-07T09:30 (local time) or 2026-12-07T09:30:00Z';

export function parseMoment(text: string, timeZone: string, atDate: (date: string) => Date): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text.trim());
  if (!m) return null;
  const [, date, time, seconds, zone] = m;
  const year = Number(date.slice(0, 4));
  if (year < 1990 || year > 2199 || isoDate(dateOnly(date)) !== date) return null;
  const at = !time
    ? atDate(date)
    : zone
      ? new Date(`${date}T${time}${seconds ?? ':00'}${zone}`)
      : zonedToUtc(date, time, timeZone);
  return Number.isNaN(at.getTime()) ? null : at;
}
