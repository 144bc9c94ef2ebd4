/**
 * Time phrases: "this week", "in the next 14 days", "since 1 Nov", "in October", "by Friday".
 * Calendar ranges stay symbolic; dates and weekdays resolve against the injected clock (UTC days).
 */
import { DAY_MS, daysBetween, isoDate } from '../time';
import { MAX_DAYS, type CalendarRange, type Period } from './types';
import type { Cue, Sense } from './vocabulary';

export interface Word {
  text: string;
  sense?: Sense;
  used: boolean;
}

/** Whether a bare "1 Nov" or "Friday" means the next one (due dates) or the last one (changes). */
export type Direction = 'past' | 'future';

/** A UTC midnight, or undefined for 31 February and friends. */
function day(year: number, month: number, date: number): number | undefined {
  const t = Date.UTC(year, month, date);
  return new Date(t).getUTCMonth() === month && date >= 1 ? t : undefined;
}

/** The occurrence of month/date nearest today in the given direction (today itself counts). */
function nearest(today: number, month: number, date: number, dir: Direction): number | undefined {
  const year = new Date(today).getUTCFullYear();
  const t = day(year, month, date) ?? day(year + (dir === 'past' ? -1 : 1), month, date);
  if (t === undefined) return undefined;
  if (dir === 'past' && t > today) return day(year - 1, month, date);
  if (dir === 'future' && t < today) return day(year + 1, month, date);
  return t;
}

const ORDINAL = /^(\d{1,2})(?:st|nd|rd|th)?$/;
const YEAR = /^(?:19|20)\d\d$/;

class Reader {
  constructor(
    private readonly words: Word[],
    readonly today: number,
    readonly dir: Direction,
  ) {}

  cue(i: number): Cue | undefined {
    const w = this.words[i];
    return w && !w.used ? w.sense?.cue : undefined;
  }

  n(i: number): number | undefined {
    return this.words[i]?.sense?.n;
  }

  text(i: number): string {
    const w = this.words[i];
    return w && !w.used ? w.text : '';
  }

  /** "14 days", "a fortnight", "2 weeks" as a day count. */
  duration(i: number): { days: number; length: number } | undefined {
    if (this.cue(i) !== 'number' || this.cue(i + 1) !== 'unit') return undefined;
    const days = (this.n(i) as number) * (this.n(i + 1) as number);
    return days >= 1 && days <= MAX_DAYS ? { days, length: 2 } : undefined;
  }

  /** "this week", "last month" (a lone "week" after "next"/"last"/"this"). */
  range(i: number): { range: CalendarRange; length: number } | undefined {
    const unit = this.cue(i + 1) === 'unit' ? this.n(i + 1) : undefined;
    const which = { this: 'this', next: 'next', last: 'last' }[this.cue(i) as string];
    if (!which || (unit !== 7 && unit !== 30)) return undefined;
    return { range: `${which}-${unit === 7 ? 'week' : 'month'}` as CalendarRange, length: 2 };
  }

  /** A single day: ISO, d/m[/y], "1 Nov", "Nov 1st", "Friday", "today". */
  date(i: number): { t: number; length: number } | undefined {
    const text = this.text(i);
    const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (isoMatch) return this.at(day(+isoMatch[1], +isoMatch[2] - 1, +isoMatch[3]), 1);
    const dmy = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(text);
    if (dmy) return this.dated(+dmy[2] - 1, +dmy[1], dmy[3], 1);
    const cue = this.cue(i);
    if (cue === 'today') return { t: this.today, length: 1 };
    if (cue === 'yesterday') return { t: this.today - DAY_MS, length: 1 };
    if (cue === 'tomorrow') return { t: this.today + DAY_MS, length: 1 };
    if (cue === 'weekday') {
      const todayIso = ((new Date(this.today).getUTCDay() + 6) % 7) + 1;
      const diff = ((this.n(i) as number) - todayIso + 7) % 7;
      return { t: this.today + (this.dir === 'future' ? diff : diff === 0 ? 0 : diff - 7) * DAY_MS, length: 1 };
    }
    const ordinal = ORDINAL.exec(text);
    if (ordinal && this.cue(i + 1) === 'month') {
      const year = this.yearAt(i + 2);
      return this.dated(this.n(i + 1) as number, +ordinal[1], year, year ? 3 : 2);
    }
    const after = ORDINAL.exec(this.text(i + 1));
    if (cue === 'month' && after) {
      const year = this.yearAt(i + 2);
      return this.dated(this.n(i) as number, +after[1], year, year ? 3 : 2);
    }
    return undefined;
  }

  /** "October", "Oct 2024": the whole month; without a year, the latest (or next) one, this month included. */
  month(i: number): { from: number; to: number; length: number } | undefined {
    if (this.cue(i) !== 'month') return undefined;
    const month = this.n(i) as number;
    const given = this.yearAt(i + 1);
    const now = new Date(this.today);
    const [y, m] = [now.getUTCFullYear(), now.getUTCMonth()];
    const year = given ? +given : this.dir === 'past' ? (month <= m ? y : y - 1) : month >= m ? y : y + 1;
    return { from: Date.UTC(year, month, 1), to: Date.UTC(year, month + 1, 0), length: given ? 2 : 1 };
  }

  /** The first day of "this week" (Monday), "last month" and so on, for "since last week". */
  rangeStart(range: CalendarRange): number {
    const d = new Date(this.today);
    const monday = this.today - ((d.getUTCDay() + 6) % 7) * DAY_MS;
    const first = (offset: number) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
    const starts: Record<CalendarRange, number> = {
      today: this.today,
      yesterday: this.today - DAY_MS,
      'this-week': monday,
      'last-week': monday - 7 * DAY_MS,
      'next-week': monday + 7 * DAY_MS,
      'this-month': first(0),
      'last-month': first(-1),
      'next-month': first(1),
    };
    return starts[range];
  }

  private yearAt(i: number): string | undefined {
    const text = this.text(i);
    return YEAR.test(text) ? text : undefined;
  }

  /** `length` counts every word read, the year's included. */
  private dated(month: number, date: number, year: string | undefined, length: number) {
    const full = year && year.length === 2 ? `20${year}` : year;
    return this.at(full ? day(+full, month, date) : nearest(this.today, month, date, this.dir), length);
  }

  private at(t: number | undefined, length: number) {
    return t === undefined ? undefined : { t, length };
  }
}

/** Reads one time phrase starting at word i. */
function periodAt(r: Reader, i: number): { period: Period; length: number } | undefined {
  const cue = r.cue(i);
  const lead = cue === 'in' || cue === 'since' || cue === 'before' || cue === 'after' || cue === 'on' ? 1 : 0;
  const j = i + lead;
  const done = (period: Period, length: number) => ({ period, length: lead + length });

  if (cue === 'since' || cue === 'after') {
    const range = r.range(j);
    if (range) return done({ from: isoDate(r.rangeStart(range.range)) }, range.length);
    const date = r.date(j);
    if (date) return done({ from: isoDate(date.t) }, date.length);
    const month = r.month(j);
    return month && done({ from: isoDate(month.from) }, month.length);
  }
  if (cue === 'before') {
    const date = r.date(j);
    if (date) return done({ to: isoDate(date.t) }, date.length);
  }
  // "next 14 days", "in the last 2 weeks", "for 30 days", "past week".
  const rolling = r.cue(j) === 'next' || r.cue(j) === 'last' || r.cue(j) === 'past' ? 1 : 0;
  const duration = r.duration(j + rolling);
  if (duration) return done({ days: duration.days }, rolling + duration.length);
  if (r.cue(j) === 'past' && r.cue(j + 1) === 'unit') return done({ days: r.n(j + 1) as number }, 2);
  const range = r.range(j);
  if (range) return done({ range: range.range }, range.length);
  // "by end of month", "end of next week": the rest of that calendar period.
  if (r.cue(j) === 'end') {
    const of = r.text(j + 1) === 'of' ? 1 : 0;
    const unit = r.cue(j + 1 + of) === 'unit' ? r.n(j + 1 + of) : undefined;
    const ahead = r.range(j + 1 + of);
    if (ahead) return done({ range: ahead.range }, 1 + of + ahead.length);
    if (unit === 7 || unit === 30) return done({ range: unit === 7 ? 'this-week' : 'this-month' }, 2 + of);
  }
  const single = r.cue(j);
  if (single === 'today' || single === 'yesterday') return done({ range: single }, 1);
  const month = r.month(j);
  if (month && lead) return done({ from: isoDate(month.from), to: isoDate(month.to) }, month.length);
  const date = r.date(j);
  return date && done({ from: isoDate(date.t), to: isoDate(date.t) }, date.length);
}

/** Every time phrase in the words, in order; their words are marked used. */
export function findPeriods(words: Word[], now: Date, dir: Direction): Period[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const reader = new Reader(words, today, dir);
  const found: Period[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = periodAt(reader, i);
    if (!hit) continue;
    found.push(hit.period);
    for (let k = i; k < i + hit.length; k++) words[k].used = true;
    i += hit.length - 1;
  }
  return found;
}

/** Whole days from a date to the clock's today, for "no update since 1 October". */
export function daysSince(date: string, now: Date): number {
  return daysBetween(date, isoDate(now));
}
