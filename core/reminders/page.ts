/**
 * A later page of a reminder or escalation card, rebuilt from what the card carried (its ReminderLog
 * rows), as the actions stand now. Only the card's recipient may page it.
 */
import type { ActionView } from '../actions/view';
import { actionViews } from '../actions/view-loader';
import type { CoreContext } from '../context';
import { cardRow, carriedByCard } from '../store/action-filter';
import { localDate } from '../time';
import { dueLabel } from './occasions';
import { personTimeZone } from './recipients';

export interface CardPageRow {
  action: ActionView;
  label: string;
  /** The away owner a delegated reminder was for. */
  onBehalfOf: string | null;
}

export interface CardPage {
  purpose: 'reminder' | 'escalation';
  recipientName: string;
  rows: CardPageRow[];
}

/**
 * The card and its actions' views are read at once (two statements side by side on PostgreSQL's pool): the
 * views select the actions the card carried by its key, so they need not wait for the card's rows.
 */
export async function reminderCardRows(ctx: CoreContext, cardKey: string, personId: string): Promise<CardPage | null> {
  const [card, views] = await Promise.all([
    sentCard(ctx, cardKey),
    actionViews(ctx, { where: carriedByCard(cardKey), order: 'plan' }),
  ]);
  if (!card || card.recipient.id !== personId || (card.purpose !== 'reminder' && card.purpose !== 'escalation'))
    return null;
  const { purpose, recipient, reminders } = card;
  const today = localDate(ctx.now(), personTimeZone(recipient, ctx.timeZone));
  // Only reminders for someone else (a delegate's card) name an owner.
  const ownerOf = new Map(reminders.map((r) => [r.actionId, r.personId !== personId ? r.ownerName : null]));
  const rows = views.map((action) => ({
    action,
    label: dueLabel(action, today),
    onBehalfOf: purpose === 'reminder' ? (ownerOf.get(action.id) ?? null) : null,
  }));
  return { purpose, recipientName: recipient.displayName, rows };
}

interface SentCard {
  purpose: string;
  recipient: { id: string; displayName: string; timeZone: string | null };
  /** The reminders the card carried, with the owner each was for. */
  reminders: { actionId: string; personId: string; ownerName: string | null }[];
}

/** The card's outbox row, the person whose chat it went to and the reminders it carried, in one statement. */
async function sentCard(ctx: CoreContext, cardKey: string): Promise<SentCard | null> {
  const rows = await ctx.db.store
    .selectFrom('OutboxMessage as m')
    .innerJoin('ConversationRef as c', 'c.id', 'm.conversationId')
    .innerJoin('Person as p', 'p.id', 'c.personId')
    .leftJoin('ReminderLog as l', (join) => join.onRef('l.outboxId', '=', 'm.id').on(cardRow))
    .leftJoin('Person as o', 'o.id', 'l.personId')
    .where('m.idempotencyKey', '=', cardKey)
    .select([
      'm.purpose',
      'p.id',
      'p.displayName',
      'p.timeZone',
      'l.actionId',
      'l.personId',
      'o.displayName as ownerName',
    ])
    .execute();
  if (rows.length === 0) return null;
  const { purpose, id, displayName, timeZone } = rows[0];
  const reminders = rows.flatMap(({ actionId, personId, ownerName }) =>
    actionId !== null && personId !== null ? [{ actionId, personId, ownerName }] : [],
  );
  return { purpose, recipient: { id, displayName, timeZone }, reminders };
}
