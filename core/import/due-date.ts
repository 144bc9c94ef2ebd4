/**
 * Dates as plans write them. A due date is stored as the last day its wording allows, so
 * "Dec 03" is due on 31 Dec 2003 and "Spring 2004" on 31 May 2004; how exact it was is kept
 * as the precision, so reminders can say "due in spring" rather than pretend to a day.
 */
import { MONTH_NAMES } from '../time';
import type { ParsedDue } from './types';

const MONTHS: readonly string[] = MONTH_NAMES;

/** 0-11 for "Mar", "March", "Sept"; undefined for anything else ("Smarch"). */
export function monthIndex(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.findIndex((m) => w.length >= 3 && m.startsWith(w));
  return i >= 0 ? i : undefined;
}

/** Plans of this era write "03" for 2003 and "15" for 2015. */
export function fullYear(y: string): number {
  const n = Number(y.replace("'", ''));
  return y.replace("'", '').length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
const monthEnd = (y: number, m: number): Date => utc(y, m + 1, 0);

function validDay(y: number, m: number, d: number): Date | null {
  const date = utc(y, m, d);
  return m >= 0 && m < 12 && date.getUTCDate() === d ? date : null;
}

export const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/**
 * A single day: "01-Mar-15", "17/04/2015", "5.11.2015", "17 Apr 2015", "2015-04-17" (UK order); a month
 * written as a word may come first, as US-made templates write it ("Sept 30 2024", "March 31, 2025").
 */
export function parseDay(text: string): Date | null {
  const t = text.trim().toLowerCase();
  let m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)[\s-]+('?\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthIndex(m[2]);
    return month === undefined ? null : validDay(fullYear(m[3]), month, Number(m[1]));
  }
  m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m) {
    const month = monthIndex(m[1]);
    return month === undefined ? null : validDay(Number(m[3]), month, Number(m[2]));
  }
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) return validDay(fullYear(m[3]), Number(m[2]) - 1, Number(m[1]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return m ? validDay(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

const NUMBER_WORDS = [
  'a',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const countOf = (w: string): number =>
  /^\d+$/.test(w) ? Number(w) : w === 'an' ? 1 : Math.max(NUMBER_WORDS.indexOf(w), 1);

/** End of a season; winter runs into the next year, so "Winter 2004" ends in February 2005. */
const SEASON_END: Record<string, [number, number]> = {
  spring: [0, 4],
  summer: [0, 7],
  autumn: [0, 10],
  fall: [0, 10],
  winter: [1, 1],
};
/** School terms: spring ends by Easter (April at the latest), summer in July, autumn at Christmas. */
const TERM_END: Record<string, number> = { spring: 3, summer: 6, autumn: 11 };
/** "Early 2004" is read as its first third, "mid" as its second; "late"/"end" as the year. */
const PART_OF_YEAR_END: Record<string, number> = { early: 3, mid: 7 };

/** Parts of a year a plan gives as its date, "Q3" and "H1": their length in months, and how exact they are. */
const PERIODS: Record<string, { months: number; precision: ParsedDue['precision'] }> = {
  q: { months: 3, precision: 'quarter' },
  h: { months: 6, precision: 'season' },
};

type Reading = { date: Date | null; precision: ParsedDue['precision'] } | 'needs report date' | null;

function read(t: string, reportDate?: Date): Reading {
  let m: RegExpExecArray | null;
  if (/^(|-+|n\/?a|tbc|tba|on-?going|continuous|continuing|bau|as required)$/.test(t))
    return { date: null, precision: 'none' };
  if (/^(now|immediate(ly)?|asap|with immediate effect|urgent(ly)?)$/.test(t))
    return { date: reportDate ?? null, precision: 'asap' };
  const day = parseDay(t);
  if (day) return { date: day, precision: 'day' };
  if ((m = /^([a-z]+\.?)(?:,? |-)('?\d{2}|\d{4})$/.exec(t)) && monthIndex(m[1]) !== undefined) {
    return { date: monthEnd(fullYear(m[2]), monthIndex(m[1])!), precision: 'month' };
  }
  if ((m = /^(?:([qh])([1-4])(?: ('?\d{2}|\d{4}))?|(\d{4}) ([qh])([1-4]))$/.exec(t))) {
    const { months, precision } = PERIODS[m[1] ?? m[5]];
    const lastMonth = Number(m[2] ?? m[6]) * months - 1;
    const year = m[3] ?? m[4];
    if (lastMonth > 11) return null;
    if (year) return { date: monthEnd(fullYear(year), lastMonth), precision };
    if (!reportDate) return 'needs report date';
    // A bare quarter or half is the next one of that number on or after the plan's date.
    const end = monthEnd(reportDate.getUTCFullYear(), lastMonth);
    return { date: end < reportDate ? monthEnd(reportDate.getUTCFullYear() + 1, lastMonth) : end, precision };
  }
  if ((m = new RegExp(`^(?:([qh])([1-4]) ${FINANCIAL_YEAR}|${FINANCIAL_YEAR} ([qh])([1-4]))$`).exec(t))) {
    // UK financial years run April to March: Q1 of 2024/25 ends in June 2024, Q4 and H2 in March 2025.
    const { months, precision } = PERIODS[m[1] ?? m[7]];
    const lastMonth = Number(m[2] ?? m[8]) * months + 2;
    const [start, end] = [fullYear(m[3] ?? m[5]), fullYear(m[4] ?? m[6])];
    if (end === start + 1 && lastMonth <= 14) return { date: monthEnd(start, lastMonth), precision };
  }
  if ((m = /^(spring|summer|autumn) term ('?\d{2}|\d{4})$/.exec(t))) {
    return { date: monthEnd(fullYear(m[2]), TERM_END[m[1]]), precision: 'season' };
  }
  if ((m = /^(spring|summer|autumn|fall|winter) ('?\d{2}|\d{4})$/.exec(t))) {
    const [extraYear, month] = SEASON_END[m[1]];
    return { date: monthEnd(fullYear(m[2]) + extraYear, month), precision: 'season' };
  }
  if ((m = /^(early|mid|late|end)[ -](\d{4})$/.exec(t))) {
    const month = PART_OF_YEAR_END[m[1]];
    return month === undefined
      ? { date: monthEnd(Number(m[2]), 11), precision: 'year' }
      : { date: monthEnd(Number(m[2]), month), precision: 'season' };
  }
  if ((m = /^(\d{4})$/.exec(t))) return { date: monthEnd(Number(m[1]), 11), precision: 'year' };
  if ((m = /^(?:fy ?)?(\d{4})[/-](\d{2}|\d{4})$/.exec(t)) && fullYear(m[2]) === Number(m[1]) + 1)
    return { date: monthEnd(Number(m[1]) + 1, 2), precision: 'year' };
  if (
    (m =
      /^(?:within )?(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (day|week|month|year)s?$/.exec(
        t,
      ))
  ) {
    if (!reportDate) return 'needs report date';
    const n = countOf(m[1]);
    const [y, mo, d] = [reportDate.getUTCFullYear(), reportDate.getUTCMonth(), reportDate.getUTCDate()];
    const date = {
      day: utc(y, mo, d + n),
      week: utc(y, mo, d + 7 * n),
      month: utc(y, mo + n, d),
      year: utc(y + n, mo, d),
    }[m[2] as 'day'];
    return { date, precision: 'day' };
  }
  // A span is due by its end: "Jan–Mar 2025", "Oct 2024 - Mar 2025".
  if ((m = /^(.+?)\s*(?:[–—]|\s-\s|-(?=[a-z]))\s*(.+)$/.exec(t))) {
    const from = read(m[1], reportDate);
    if (monthIndex(m[1]) !== undefined || (from && from !== 'needs report date' && from.date))
      return read(m[2], reportDate);
  }
  return null;
}

/** A UK financial year as plans write it: "2024/25", "2024-25", "24/25", "FY25/26". */
const FINANCIAL_YEAR = '(?:fy ?)?(\\d{2}|\\d{4})[/-](\\d{2}|\\d{4})';

const PREFIX = /^(?:(?:by|before|no later than|(?:the )?end(?: of)?|within|w\/e|week ending) )+/;
const clip = (text: string): string =>
  text
    .toLowerCase()
    .replace(PREFIX, '')
    .replace(/^quarter (?=[1-4]\b)/, 'q')
    // A date exported with its time of day, as lists and databases write one: "2024-09-30 00:00:00".
    .replace(/(?<=\d)[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?$/, '')
    .replace(/[.,;*]+$/, '');
/** A date ending a longer sentence: "Training delivered to all staff by March 2025." */
const TRAILING_DATE = new RegExp(
  `(?:^|\\s)((?:\\d{1,2}(?:st|nd|rd|th)? )?${MONTH_WORD}[ -]('?\\d{2}|\\d{4})|${MONTH_WORD} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|[qh][1-4] \\d{4}(?:/\\d{2,4})?)\\W*$`,
  'i',
);
/** "March 2025 (revised from Dec 2024)": the due date, then the one it replaced. */
const REVISED_FROM =
  /^(.*?)\s*\((?:revised|moved|changed|extended)?\s*(?:from|was|originally|previously)\s*:?\s*([^()]+)\)$/i;

/** A due date cell -> the date it allows; wording it cannot read is kept as text with a warning. */
export function parseDue(text: string, reportDate?: Date): { due: ParsedDue; warning?: string; original?: ParsedDue } {
  const clean = text.replace(/\s+/g, ' ').trim();
  const revised = REVISED_FROM.exec(clean);
  if (revised) {
    const now = parseDue(revised[1], reportDate);
    const before = parseDue(revised[2], reportDate);
    if (now.due.date && before.due.date) return { due: { ...now.due, text: clean }, original: before.due };
  }
  let reading = read(clip(clean), reportDate);
  // A note in brackets after the date: "June 2025 (revised)", "31/03/2025 (agreed by the committee)".
  const noted = /^(.*\S)\s*\([^()]*\)$/.exec(clean);
  if (!reading && noted) reading = read(clip(noted[1]), reportDate);
  if (!reading && clean.split(' ').length > 3) {
    // A results cell ends with its timescale: a date, or a last sentence of its own ("… in April. Within 3 months").
    const tail = TRAILING_DATE.exec(clean);
    const lastSentence = clean.split(/(?<=[.;!?])\s+/).at(-1)!;
    if (tail) reading = read(clip(tail[1]), reportDate);
    else if (lastSentence !== clean) reading = read(clip(lastSentence), reportDate);
  }
  if (reading && reading !== 'needs report date') return { due: { text: clean, ...reading } };
  const why = reading ? "needs the plan's report date" : 'not understood';
  return {
    due: { text: clean, date: null, precision: 'none' },
    warning: `due date '${clean}' ${why} — kept as text, no date`,
  };
}
