/**
 * The daily reminder card: every action of the owner's (and of anyone away who delegated to them) that
 * needs attention today, most urgent first, one row each with ref, text, due as written and as a date,
 * where it stands ("due in 3 days"), effective RAG with its reason and an Update button. Long lists are
 * paged so the card stays far below Teams' message size limit.
 */
import type { ReminderAction } from '../core/reminders/card-action';
import { actionHeading } from './action-list';
import {
  adaptiveCard,
  heading,
  pagerButtons,
  textBlock,
  updateButton,
  type AdaptiveCard,
  type CardElement,
  type CardOrigin,
} from './card';
import { safe } from './text';
import { dueWords } from './voice';

/** 20 rows of ~1.2 KB keep a page near 25 KB (Teams rejects messages over 100 KB). */
export const REMINDER_PAGE_SIZE = 20;

export interface ReminderRow {
  action: ReminderAction;
  /** "due in 3 days", "overdue by 16 days", "no update for 45 days". */
  label: string;
  /** The away owner this row is on behalf of, when the recipient is their delegate. */
  onBehalfOf: string | null;
}

export interface ReminderCardInput {
  recipientName: string;
  rows: ReminderRow[];
  page: number;
  /** The card's idempotency key: the Next button asks for the next page of this card. */
  cardKey: string;
}

/** The recipient's own rows first, then each away owner's; soonest due (most overdue) first, undated last. */
export function byUrgency<T extends { action: Pick<ReminderAction, 'due'>; onBehalfOf?: string | null }>(
  rows: T[],
): T[] {
  const due = (r: T) => r.action.due ?? '9999-12-31';
  return [...rows].sort(
    (a, b) => (a.onBehalfOf ?? '').localeCompare(b.onBehalfOf ?? '') || due(a).localeCompare(due(b)),
  );
}

export function reminderCard(input: ReminderCardInput): AdaptiveCard {
  const { page } = input;
  const rows = byUrgency(input.rows);
  const noun = rows.length === 1 ? 'action needs' : 'actions need';
  const body: CardElement[] = [
    heading(`${rows.length} ${noun} your attention`),
    textBlock(
      `Good morning ${safe(input.recipientName, 80)}. Tap Update to record progress, a new RAG or a completion.`,
      { isSubtle: true, spacing: 'Small' },
    ),
  ];
  const pageRows = rows.slice(page * REMINDER_PAGE_SIZE, (page + 1) * REMINDER_PAGE_SIZE);
  let behalf: string | null = null;
  for (const r of pageRows) {
    if (r.onBehalfOf !== behalf && r.onBehalfOf)
      body.push(textBlock(`On behalf of ${safe(r.onBehalfOf, 80)} (away)`, { weight: 'Bolder', spacing: 'Large' }));
    behalf = r.onBehalfOf;
    body.push(reminderRow(r.action, r.label, null, reminderOrigin(input.cardKey, page)));
  }
  return adaptiveCard(body, pageButtons(input.cardKey, page, rows.length, body));
}

/** A reminder or escalation card's page, as the Update buttons on it come back to. */
export function reminderOrigin(cardKey: string, page: number): CardOrigin {
  return { verb: 'reminder.page', data: { cardKey, page } };
}

/** "Showing 21–40 of 300" with Previous and Next; adds the note to `body`, returns the actions. */
export function pageButtons(cardKey: string, page: number, total: number, body: CardElement[]): CardElement[] {
  if (total <= REMINDER_PAGE_SIZE) return [];
  const shown = Math.min(total, (page + 1) * REMINDER_PAGE_SIZE);
  body.push(
    textBlock(`Showing ${page * REMINDER_PAGE_SIZE + 1}–${shown} of ${total}, most urgent first`, {
      isSubtle: true,
      size: 'Small',
    }),
  );
  const next = `Next ${Math.min(REMINDER_PAGE_SIZE, total - shown)}`;
  return pagerButtons(
    page,
    Math.ceil(total / REMINDER_PAGE_SIZE),
    'reminder.page',
    (p) => ({ cardKey, page: p }),
    next,
  );
}

/** One action: ref, text and RAG; due as written and as a date, its standing and reason; Update. */
export function reminderRow(a: ReminderAction, label: string, extra: string | null, origin: CardOrigin): CardElement {
  const due = `Due ${safe(dueWords(a), 60)}`;
  // "overdue 2 weeks" already says what "overdue since 2 Mar 2015" would.
  const reason = label.startsWith('overdue') && a.reason.startsWith('overdue since') ? [] : [safe(a.reason, 120)];
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      actionHeading(a),
      textBlock([due, label, ...reason, ...(extra ? [safe(extra, 160)] : [])].join(' · '), {
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      }),
      { type: 'ActionSet', actions: [updateButton(a.id, origin)] },
    ],
  };
}
