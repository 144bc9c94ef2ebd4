/**
 * A later page of a reminder or escalation card, rebuilt from what the card carried (its ReminderLog
 * rows), as the actions stand now. Only the card's recipient may page it.
 */
import type { ActionView } from '../actions/view';
import { viewsById } from '../actions/view-loader';
import type { CoreContext } from '../context';
import { sql } from '../store';
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

export async function reminderCardRows(ctx: CoreContext, cardKey: string, personId: string): Promise<CardPage | null> {
  const card = await sentCard(ctx, cardKey);
  if (!card || card.recipient.id !== personId || (card.purpose !== 'reminder' && card.purpose !== 'escalation'))
    return null;
  const { purpose, recipient, reminders } = card;
  const views = await viewsById(ctx, [...new Set(reminders.map((r) => r.actionId))]);
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
  /** The reminders the card carried, in plan order, with the owner each was for. */
  reminders: { actionId: string; personId: string; ownerName: string | null }[];
}

/**
 * The card's outbox row, the person whose chat it went to and the reminders it carried, in one
 * statement through the store (ARCHITECTURE "Reads"): as a nested include and a findMany ordered through
 * two relations it was four queries, most of what a page cost beyond its SQL. An escalation card's other
 * rows are unreachable owners' reminders, shown on its first page only. The joins stay flat: SQLite
 * builds a parenthesised join whole before joining it (a log's action and plan, under a LEFT JOIN, read
 * all of ReminderLog).
 */
async function sentCard(ctx: CoreContext, cardKey: string): Promise<SentCard | null> {
  const rows = await ctx.db.store
    .selectFrom('OutboxMessage as m')
    .innerJoin('ConversationRef as c', 'c.id', 'm.conversationId')
    .innerJoin('Person as p', 'p.id', 'c.personId')
    .leftJoin('ReminderLog as l', (join) =>
      join
        .onRef('l.outboxId', '=', 'm.id')
        .on((eb) => eb.or([eb('m.purpose', '<>', sql.lit('escalation')), eb('l.kind', '=', sql.lit('escalation'))])),
    )
    .leftJoin('Action as a', 'a.id', 'l.actionId')
    .leftJoin('Plan as pl', 'pl.id', 'a.planId')
    .leftJoin('Person as o', 'o.id', 'l.personId')
    .where('m.idempotencyKey', '=', cardKey)
    .orderBy('pl.key')
    .orderBy('a.position')
    .orderBy('a.id')
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
