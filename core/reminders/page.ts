/**
 * A later page of a reminder or escalation card, rebuilt from what the card carried (its ReminderLog
 * rows), as the actions stand now. Only the card's recipient may page it.
 */
import type { ActionView } from '../actions/view';
import { viewsById } from '../actions/view-loader';
import type { CoreContext } from '../context';
import { isoDate, localDate } from '../time';
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
  const views = await viewsById(ctx, [...new Set(logs.map((l) => l.actionId))]);
  // Only undated rows read their last activity, and only reminders for someone else name an owner.
  const undated = views.filter((v) => !v.due).map((v) => v.id);
  const others = logs.filter((l) => l.personId !== personId).map((l) => l.personId);
  const [activity, owners] = await Promise.all([
    undated.length ? prisma.action.findMany({ where: { id: { in: undated } }, select: { id: true, lastUpdateAt: true, createdAt: true } }) : [],
    others.length ? prisma.person.findMany({ where: { id: { in: others } }, select: { id: true, displayName: true } }) : [],
  ]);
  const today = localDate(ctx.now(), personTimeZone(recipient, ctx.timeZone));
  const lastActivity = new Map(activity.map((a) => [a.id, isoDate(a.lastUpdateAt ?? a.createdAt)]));
  const ownerOf = new Map(logs.map((l) => [l.actionId, owners.find((o) => o.id === l.personId)]));
  const rows = views.map((action) => {
    const owner = ownerOf.get(action.id);
    return {
      action,
      label: dueLabel({ due: action.due, lastActivity: lastActivity.get(action.id) ?? '' }, today),
      onBehalfOf: owner && owner.id !== personId && purpose === 'reminder' ? owner.displayName : null,
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
