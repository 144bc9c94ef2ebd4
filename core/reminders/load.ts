/**
 * What a reminder run reads: people, plans' policies, posts with their current holders, the open
 * unsnoozed actions that can be owed something today (narrow rows, with what their card row shows),
 * 1:1 conversations, and which reminders and daily cards already exist.
 */
import type { CoreContext } from '../context';
import { ragColumns, type RagColumns } from '../actions/view';
import type { Prisma } from '../db/client';
import { existingKeys } from '../db/existing';
import { addDays, dateOnly, isoDate } from '../time';
import type { OwedWindow } from './occasions';
import type { ReminderPerson } from './recipients';

/** What deciding needs of an open action, and what its card row shows once owed (card-action.ts). */
export interface OpenAction {
  id: string;
  planKey: string;
  ref: string;
  text: string;
  due: string | null;
  dueText: string | null;
  lastActivity: string;
  planPolicy: string | null;
  planOwnerPostId: string | null;
  /** Owning posts, in order. */
  owners: { postId: string; roleLabel: string | null }[];
  rag: RagColumns;
}

const personSelect = {
  id: true,
  displayName: true,
  timeZone: true,
  workingDays: true,
  awayUntil: true,
  delegateId: true,
  remindersPaused: true,
  teamsUserId: true,
  aadObjectId: true,
  tenantId: true,
} satisfies Prisma.PersonSelect;

export type PlansById = Map<string, { key: string; reminderPolicy: string | null; ownerPostId: string | null }>;

/** Every plan's policy and owner post (tens of rows), keyed by plan id. */
export async function loadPlans(ctx: CoreContext): Promise<PlansById> {
  const rows = await ctx.db.prisma.plan.findMany({ select: { id: true, key: true, reminderPolicy: true, ownerPostId: true } });
  return new Map(rows.map(({ id, ...plan }) => [id, plan]));
}

/**
 * Open, unsnoozed actions that can be owed a reminder today (inside `window`), in plan order: awaiting
 * verification or complete need no chasing; snoozed ones wait. Two flat queries (actions, their owner
 * posts), so a sweep over a hundred thousand actions binds no id lists.
 */
export async function loadOpenActions(ctx: CoreContext, now: Date, window: OwedWindow, plans: PlansById): Promise<OpenAction[]> {
  const quietBefore = dateOnly(addDays(window.quietSince, 1));
  const where: Prisma.ActionWhereInput = {
    status: 'open',
    AND: [
      { OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }] },
      { OR: [{ dueDate: { lte: dateOnly(window.dueBy) } }, { dueDate: null, OR: [{ lastUpdateAt: { lt: quietBefore } }, { lastUpdateAt: null, createdAt: { lt: quietBefore } }] }] },
    ],
  };
  const [rows, owners] = await Promise.all([
    ctx.db.prisma.action.findMany({ where, select: { id: true, planId: true, ref: true, text: true, dueText: true, ...ragColumns }, orderBy: [{ plan: { key: 'asc' } }, { position: 'asc' }] }),
    ctx.db.prisma.actionOwner.findMany({ where: { action: where }, select: { actionId: true, postId: true, roleLabel: true }, orderBy: { position: 'asc' } }),
  ]);
  const ownersOf = groupBy(owners, (o) => o.actionId);
  return rows.map((row) => {
    const plan = plans.get(row.planId)!;
    return {
      id: row.id,
      planKey: plan.key,
      ref: row.ref,
      text: row.text,
      due: row.dueDate ? isoDate(row.dueDate) : null,
      dueText: row.dueText,
      lastActivity: isoDate(row.lastUpdateAt ?? row.createdAt),
      planPolicy: plan.reminderPolicy,
      planOwnerPostId: plan.ownerPostId,
      owners: ownersOf.get(row.id) ?? [],
      rag: row,
    };
  });
}

export type Posts = Map<string, { name: string; holders: ReminderPerson[] }>;

/** Every post with its current holders (from `people`): about one post per person, so one flat read beats id lists. */
export async function loadPosts(ctx: CoreContext, people: ReadonlyMap<string, ReminderPerson>): Promise<Posts> {
  const [posts, holdings] = await Promise.all([
    ctx.db.prisma.post.findMany({ select: { id: true, name: true } }),
    ctx.db.prisma.postHolding.findMany({ where: { to: null }, select: { postId: true, personId: true }, orderBy: { personId: 'asc' } }),
  ]);
  const holders = groupBy(holdings, (h) => h.postId);
  return new Map(posts.map((p) => [p.id, { name: p.name, holders: (holders.get(p.id) ?? []).flatMap((h) => people.get(h.personId) ?? []) }]));
}

/** Everyone: owners, plan owners and delegates are all among them, and each sweep needs their clocks first. */
export async function loadPeople(ctx: CoreContext): Promise<Map<string, ReminderPerson>> {
  const rows = await ctx.db.prisma.person.findMany({ select: personSelect });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each person's active 1:1 conversation (the most recently used when there are several). */
export async function loadPersonalConversations(ctx: CoreContext): Promise<Map<string, string>> {
  const rows = await ctx.db.prisma.conversationRef.findMany({ where: { personId: { not: null }, scope: 'personal', state: 'active' }, select: { id: true, personId: true }, orderBy: { updatedAt: 'asc' } });
  return new Map(rows.map((r) => [r.personId!, r.id]));
}

/** The subset of `keys` already in ReminderLog. */
export function existingReminderKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  return existingKeys(ctx.db, 'ReminderLog', 'key', keys);
}

/** The subset of `keys` already in the outbox (cards already decided today). */
export function existingOutboxKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  return existingKeys(ctx.db, 'OutboxMessage', 'idempotencyKey', keys);
}

/** Rows grouped by key, each group in the rows' order. */
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}
