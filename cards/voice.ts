/**
 * The one voice every card speaks in: how owners, due dates and statuses are written, so a reader sees
 * the same words for the same thing on every card. Dates read "1 Mar 2015" (core/time `formatDate`),
 * spans of time "overdue 11 years" (core/time `spanWords`).
 */
import type { ActionView, OwnerView } from '../core/actions/view';
import type { ActionStatus } from '../core/domain';
import { parseDay } from '../core/import/due-date';
import { formatDate } from '../core/time';

type Holder = Pick<OwnerView['holders'][number], 'displayName'>;
/** An owner as the bot's views and the tab's API both carry it. */
interface Owner<H extends Holder> {
  post: string;
  role?: string | null;
  holders: H[];
}

/**
 * "Head of Audit (Megan Bowen)"; the plan's qualifier after a comma ("Cdr Foy, Metcall (Dana Offline)");
 * `name` writes each holder (plain, or an @mention), `text` the post (escaped for a card).
 */
export function ownerWords<H extends Holder>(
  o: Owner<H>,
  name: (h: H) => string = (h) => h.displayName,
  text: (s: string) => string = (s) => s,
): string {
  const post = text(o.role ? `${o.post}, ${o.role}` : o.post);
  return o.holders.length ? `${post} (${o.holders.map(name).join(', ')})` : post;
}

/** Every owner of an action, "; " between them, or "No owner". */
export function ownersWords<H extends Holder>(
  a: { owners: Owner<H>[] },
  name?: (h: H) => string,
  text?: (s: string) => string,
): string {
  return a.owners.map((o) => ownerWords(o, name, text)).join('; ') || 'No owner';
}

/**
 * "1 Mar 2015"; the plan's own words in brackets only where they say more than the day ("30 Sep 2015
 * (Sep 15)", "31 Mar 2016 (by end of the financial year)"); the words alone when there is no date.
 */
export function dueWords(a: Pick<ActionView, 'due' | 'dueText'>): string {
  if (!a.due) return a.dueText?.trim() || 'Not set';
  const date = formatDate(a.due);
  const written = a.dueText?.trim();
  if (!written || written === date) return date;
  const day = parseDay(written);
  return day && day.toISOString().slice(0, 10) === a.due ? date : `${date} (${written})`;
}

const STATUS: Record<ActionStatus, string> = {
  open: 'Open',
  awaiting_verification: 'Awaiting verification',
  complete: 'Complete',
  closed: 'Closed',
};

export function statusWords(status: ActionStatus | string): string {
  return STATUS[status as ActionStatus] ?? status;
}
