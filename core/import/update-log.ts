/**
 * Comment cells are running logs: "Jan 2015 - ... 18 Apr 2015 - ... 5/11/2015: ...". Each dated
 * entry becomes one update so that Chaser can tell when an action last moved. A date only counts
 * as an entry's start at the beginning of the text or of a sentence, so dates inside sentences
 * ("published on 16 January 2015") stay text.
 */
import { fullYear, monthIndex, MONTH_WORD, parseDay, utc } from './due-date';
import type { ParsedUpdate } from './types';

const DAY_MONTH = `(\\d{1,2})(?:st|nd|rd|th)? (${MONTH_WORD})(?: ('?\\d{2}|\\d{4}))?`;
const MONTH_YEAR = `(${MONTH_WORD}) ('?\\d{2}|\\d{4})`;
const NUMERIC = `(\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2}))`;
/** Entries are "<date> -" or "<date>:"; a full day date may also lead straight into a sentence. */
const MARKER = new RegExp(
  `(?<=^|[.;!?)]\\s+|\\n)(?:update )?(?:${DAY_MONTH}|${MONTH_YEAR}|${NUMERIC})(\\s*[-–—:]+\\s*|\\s+|\\s*$)`,
  'gi',
);

/**
 * With no "-" or ":" after it, only a full day date starts an entry, and only when a capitalised
 * sentence follows ("17 Aug 15 The FCR …"); "November 2014 the results …" is prose. (The pattern is
 * case-insensitive for month names, so the capital is checked here.)
 */
function isEntryStart(m: RegExpMatchArray, text: string): boolean {
  const [whole, day, , year, , , numeric, separator] = m;
  if (/[-–—:]/.test(separator) || m.index! + whole.length === text.length) return true;
  const next = text[m.index! + whole.length];
  return Boolean(numeric || (day && year)) && next !== undefined && next !== next.toLowerCase();
}

/** The entry's date; a day without a year ("26 April") takes the year of the entry before it. */
function markerDate(m: RegExpExecArray, lastYear: number | undefined): Date | null {
  const [, day, month, year, month2, year2, numeric] = m;
  if (numeric) return parseDay(numeric);
  if (month2) return utc(fullYear(year2), monthIndex(month2)!, 1); // "Jan 2015": when in that month is unknown, so its start
  const y = year ? fullYear(year) : lastYear;
  const mi = monthIndex(month);
  return y === undefined || mi === undefined ? null : utc(y, mi, Number(day));
}

/**
 * A log cell -> updates in the order written; text before the first date is an undated entry.
 * A date closing the cell ("... published on the website. 12/08/2015") stamps the entry before it.
 */
function splitCell(text: string): ParsedUpdate[] {
  const updates: ParsedUpdate[] = [];
  const markers = [...text.matchAll(MARKER)].filter((m) => isEntryStart(m, text));
  const closing =
    markers.length &&
    markers[markers.length - 1].index! > 0 &&
    markers[markers.length - 1].index! + markers[markers.length - 1][0].length === text.length;
  const stamp = closing ? markers.pop()! : undefined;
  let lastYear: number | undefined;
  const head = text.slice(0, markers[0]?.index ?? stamp?.index ?? text.length).trim();
  if (head) updates.push({ at: null, text: head });
  markers.forEach((m, i) => {
    const at = markerDate(m as RegExpExecArray, lastYear);
    if (at) lastYear = at.getUTCFullYear();
    const body = text.slice(m.index! + m[0].length, markers[i + 1]?.index ?? stamp?.index ?? text.length).trim();
    if (body || at) updates.push({ at, text: body });
  });
  const last = updates[updates.length - 1];
  if (stamp && last && !last.at) last.at = markerDate(stamp as RegExpExecArray, lastYear);
  return updates;
}

/**
 * Updates from the comment cells of one action, oldest first. Cells come in column order
 * (Initial Response before Latest Update); a log written newest-first is turned round.
 * `updatedOn` (a "Date of Update" column) dates the last entry when it has no date of its own.
 */
export function parseUpdateLog(cells: string[], updatedOn: Date | null): ParsedUpdate[] {
  const updates = cells.flatMap((cell) => {
    const entries = splitCell(cell);
    const dated = entries.filter((u) => u.at).map((u) => u.at!.getTime());
    const newestFirst = dated.length > 1 && dated.every((t, i) => i === 0 || t < dated[i - 1]);
    return newestFirst ? entries.reverse() : entries;
  });
  const last = updates[updates.length - 1];
  if (last && !last.at && updatedOn) last.at = updatedOn;
  return updates;
}
