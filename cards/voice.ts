/**
 * The one voice every card speaks in: how owners, due dates and statuses are written, so a reader sees
 * the same words for the same thing on every card. Dates read "1 Mar 2015" (core/time `formatDate`), due
 * dates as core/due-words says, spans of time "overdue 11 years" (core/time `spanWords`).
 */
import type { ActionView, OwnerView } from '../core/actions/view';
import { dueWords } from '../core/due-words';
import { statusText, type ActionStatus } from '../core/domain';

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

export { dueWords } from '../core/due-words';

/**
 * The due date with its slippage, as committees judge it: "31 Mar 2027 (first promised 1 Mar 2015, revised
 * twice)"; just the date while it has never moved.
 */
export function dueWithSlip(
  a: Pick<ActionView, 'due' | 'dueText' | 'originalDue' | 'originalDueText' | 'dueRevisions'>,
): string {
  const now = dueWords(a);
  if (!a.dueRevisions) return now;
  const first = dueWords({ due: a.originalDue, dueText: a.originalDueText });
  const times = a.dueRevisions === 1 ? 'once' : a.dueRevisions === 2 ? 'twice' : `${a.dueRevisions} times`;
  return `${now} (first promised ${first}, revised ${times})`;
}

/** "Awaiting verification": a status on its own, capitalised. */
export function statusWords(status: ActionStatus | string): string {
  const text = statusText(status);
  return text ? text[0].toUpperCase() + text.slice(1) : status;
}
