/**
 * A due date as every reader sees it: "1 Mar 2015", with the plan's own words in brackets only where they
 * say more than the day ("30 Sep 2015 (Sep 15)", "31 Mar 2016 (by end of the financial year)"); the words
 * alone when there is no date. Cards and the digest both write due dates this way.
 */
import { parseDay } from './import/due-date';
import { formatDate } from './time';

export function dueWords(a: { due: string | null; dueText: string | null }): string {
  if (!a.due) return a.dueText?.trim() || 'Not set';
  const date = formatDate(a.due);
  const written = a.dueText?.trim();
  if (!written || written === date) return date;
  const day = parseDay(written);
  return day && day.toISOString().slice(0, 10) === a.due ? date : `${date} (${written})`;
}
