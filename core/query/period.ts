/**
 * Turns a parsed Period into calendar dates in the organisation's time zone, and those into instants.
 * Rolling day counts look forward for due dates (today … today + n, as the RAG "due soon" window does)
 * and back for changes (today − n … today).
 */
import type { CalendarRange, Period } from './types';
import { addDays, isoWeekday, zonedToUtc } from '../time';

/** Inclusive calendar dates ("YYYY-MM-DD"); a missing end is open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

export type Direction = 'past' | 'future';

function monthSpan(today: string, offset: number): DateSpan {
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + offset, 1));
  const last = new Date(Date.UTC(y, m + offset, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

function rangeSpan(range: CalendarRange, today: string): DateSpan {
  const monday = addDays(today, 1 - isoWeekday(today));
  const week = (offset: number) => ({ from: addDays(monday, 7 * offset), to: addDays(monday, 7 * offset + 6) });
  switch (range) {
    case 'today':
      return { from: today, to: today };
    case 'yesterday':
      return { from: addDays(today, -1), to: addDays(today, -1) };
    case 'this-week':
      return week(0);
    case 'last-week':
      return week(-1);
    case 'next-week':
      return week(1);
    case 'this-month':
      return monthSpan(today, 0);
    case 'last-month':
      return monthSpan(today, -1);
    case 'next-month':
      return monthSpan(today, 1);
  }
}

export function resolvePeriod(period: Period, today: string, direction: Direction): DateSpan {
  if ('range' in period) return rangeSpan(period.range, today);
  if ('days' in period) {
    return direction === 'future'
      ? { from: today, to: addDays(today, period.days) }
      : { from: addDays(today, -period.days), to: today };
  }
  if ('from' in period) return { from: period.from, to: period.to ?? (direction === 'past' ? today : undefined) };
  // "by Friday": from today for due dates, everything before for changes.
  return direction === 'future' ? { from: today, to: period.to } : { to: period.to };
}

/** Instants from the start of `from` to the end of `to` in the time zone (end exclusive). */
export function instantBounds(span: DateSpan, timeZone: string): { gte?: Date; lt?: Date } {
  return {
    ...(span.from && { gte: zonedToUtc(span.from, '00:00', timeZone) }),
    ...(span.to && { lt: zonedToUtc(addDays(span.to, 1), '00:00', timeZone) }),
  };
}
