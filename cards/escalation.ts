/**
 * The plan owner's escalation card: actions overdue beyond the plan's escalation window, with their
 * owners and reasons, and owners Chaser cannot reach (no chat with the bot), with what they were owed.
 */
import type { ReminderAction } from '../core/reminders/card-action';
import { ownersWords } from './voice';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from './card';
import { byUrgency, pageButtons, REMINDER_PAGE_SIZE, reminderOrigin, reminderRow } from './reminder';
import { safe } from './text';

export interface EscalationRow {
  action: ReminderAction;
  label: string;
}

export interface UnreachableOwnerRow {
  name: string;
  /** Known to Teams (ids and tenant) but has not installed the app / never chatted with the bot. */
  knownToTeams: boolean;
  actions: { displayRef: string; label: string }[];
}

export interface EscalationCardInput {
  rows: EscalationRow[];
  unreachable: UnreachableOwnerRow[];
  page: number;
  cardKey: string;
}

/** Refs listed per unreachable owner before "and N more": keeps the section short whatever the plan. */
const UNREACHABLE_REFS = 10;

export function escalationCard(input: EscalationCardInput): AdaptiveCard {
  const { unreachable, page } = input;
  const rows = byUrgency(input.rows);
  const body: CardElement[] = [];
  if (rows.length) {
    body.push(heading(`${rows.length} overdue ${rows.length === 1 ? 'action needs' : 'actions need'} your attention`));
    for (const r of rows.slice(page * REMINDER_PAGE_SIZE, (page + 1) * REMINDER_PAGE_SIZE)) {
      body.push(reminderRow(r.action, r.label, `Owner: ${ownersWords(r.action)}`, reminderOrigin(input.cardKey, page)));
    }
  }
  if (unreachable.length && page === 0) {
    body.push(heading(`Unreachable owners — ${unreachable.length}`));
    body.push(
      textBlock(
        'Chaser could not remind these owners: they have no chat with the bot. Ask them to install Chaser in Teams, or pass on these reminders.',
        { isSubtle: true, spacing: 'Small' },
      ),
    );
    for (const u of unreachable) body.push(unreachableRow(u));
  }
  return adaptiveCard(body, pageButtons(input.cardKey, page, rows.length, body));
}

function unreachableRow(u: UnreachableOwnerRow): CardElement {
  const why = u.knownToTeams ? 'known to Teams, has not installed Chaser' : 'not known to Teams yet';
  const listed = u.actions.slice(0, UNREACHABLE_REFS).map((a) => `${safe(a.displayRef, 40)} (${a.label})`);
  const more = u.actions.length > UNREACHABLE_REFS ? [`and ${u.actions.length - UNREACHABLE_REFS} more`] : [];
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(`**${safe(u.name, 80)}** — ${why}`),
      textBlock([...listed, ...more].join(', '), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
  };
}
