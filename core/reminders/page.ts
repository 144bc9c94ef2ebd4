/**
 * A later page of a reminder or escalation card, rebuilt from what the card carried (its ReminderLog
 * rows), as the actions stand now. Only the card's recipient may page it.
 */
import type { ActionView } from '../actions/view';
import { viewsById } from '../actions/view-loader';
import type { CoreContext } from '../context';
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
  const prisma = ctx.db.prisma;
  const card = await sentCard(ctx, cardKey);
  if (!card || card.recipient.id !== personId || (card.purpose !== 'reminder' && card.purpose !== 'escalation')) return null;
  const { id, purpose, recipient } = card;
  // An escalation card's other rows are unreachable owners' reminders: shown on its first page only.
  const logs = await prisma.reminderLog.findMany({
    where: { outboxId: id, ...(purpose === 'escalation' ? { kind: 'escalation' } : {}) },
    select: { actionId: true, personId: true },
    orderBy: [{ action: { plan: { key: 'asc' } } }, { action: { position: 'asc' } }],
  });
  // Only reminders for someone else (a delegate's card) name an owner.
  const others = logs.filter((l) => l.personId !== personId).map((l) => l.personId);
  const [views, owners] = await Promise.all([
    viewsById(ctx, [...new Set(logs.map((l) => l.actionId))]),
    others.length ? prisma.person.findMany({ where: { id: { in: others } }, select: { id: true, displayName: true } }) : [],
  ]);
  const today = localDate(ctx.now(), personTimeZone(recipient, ctx.timeZone));
  const ownerOf = new Map(logs.map((l) => [l.actionId, owners.find((o) => o.id === l.personId)]));
  const rows = views.map((action) => {
    const owner = ownerOf.get(action.id);
    return {
      action,
      label: dueLabel(action, today),
      onBehalfOf: owner && purpose === 'reminder' ? owner.displayName : null,
    };
  });
  return { purpose, recipientName: recipient.displayName, rows };
}

/**
 * The card's outbox row and the person whose chat it went to, in one statement through the driver
 * (ARCHITECTURE "Reads go through Prisma"): as a nested include it was three queries, most of what a
 * page cost beyond its SQL.
 */
async function sentCard(ctx: CoreContext, cardKey: string): Promise<{ id: string; purpose: string; recipient: { id: string; displayName: string; timeZone: string | null } } | null> {
  const rows = await ctx.db.queryRows(
    `SELECT m."id", m."purpose", p."id", p."displayName", p."timeZone" FROM "OutboxMessage" m
     JOIN "ConversationRef" c ON c."id" = m."conversationId" JOIN "Person" p ON p."id" = c."personId" WHERE m."idempotencyKey" = $1`,
    [cardKey],
  );
  if (rows.length === 0) return null;
  const [id, purpose, personId, displayName, timeZone] = rows[0] as [string, string, string, string, string | null];
  return { id, purpose, recipient: { id: personId, displayName, timeZone } };
}
