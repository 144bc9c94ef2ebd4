/**
 * What a reminder run reads: people, plans' policies, the open unsnoozed actions that can be owed
 * something today (narrow rows), views of those that are owed, 1:1 conversations, and which reminders
 * and daily cards already exist.
 */
import type { CoreContext } from '../context';
import { actionViewInclude, toActionView, type ActionView } from '../actions/view';
import type { Prisma } from '../db/client';
import { addDays, dateOnly, isoDate } from '../time';
import type { OwedWindow } from './occasions';
import type { ReminderPerson } from './recipients';

// Bounded IN lists: Prisma refuses a query binding more parameters than it allows the database (a
// 2,000-id list failed on SQLite), and an include binds its parents' ids again for each relation.
const CHUNK = 500;

/** What deciding needs of an open action; its view is loaded afterwards, for what is owed (loadActionViews). */
export interface OpenAction {
  id: string;
  planKey: string;
  due: string | null;
  lastActivity: string;
  planPolicy: string | null;
  planOwnerPostId: string | null;
  /** Current holders of its owners' posts. */
  ownerIds: string[];
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
 * verification or complete need no chasing; snoozed ones wait. Narrow rows and flat queries only, so a
 * sweep over a hundred thousand actions binds no long id lists.
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
    ctx.db.prisma.action.findMany({ where, select: { id: true, planId: true, dueDate: true, lastUpdateAt: true, createdAt: true }, orderBy: [{ plan: { key: 'asc' } }, { position: 'asc' }] }),
    ctx.db.prisma.actionOwner.findMany({ where: { action: where }, select: { actionId: true, postId: true }, orderBy: { position: 'asc' } }),
  ]);
  const holders = await loadPostHolders(ctx, [...new Set(owners.map((o) => o.postId))]);
  const ownerIds = new Map<string, string[]>();
  for (const o of owners) ownerIds.set(o.actionId, [...(ownerIds.get(o.actionId) ?? []), ...(holders.get(o.postId) ?? [])]);
  return rows.map((row) => {
    const plan = plans.get(row.planId)!;
    return {
      id: row.id,
      planKey: plan.key,
      due: row.dueDate ? isoDate(row.dueDate) : null,
      lastActivity: isoDate(row.lastUpdateAt ?? row.createdAt),
      planPolicy: plan.reminderPolicy,
      planOwnerPostId: plan.ownerPostId,
      ownerIds: [...new Set(ownerIds.get(row.id) ?? [])],
    };
  });
}

/** Views of the given actions as of `now`, keyed by id; loaded in bounded chunks. */
export async function loadActionViews(ctx: CoreContext, ids: string[], now: Date): Promise<Map<string, ActionView>> {
  const at = { ...ctx, now: () => now };
  const rows = await chunked(ids, (chunk) => ctx.db.prisma.action.findMany({ where: { id: { in: chunk } }, include: actionViewInclude }));
  return new Map(rows.map((row) => [row.id, toActionView(row, at)]));
}

/** Current holders of each post. */
export async function loadPostHolders(ctx: CoreContext, postIds: string[]): Promise<Map<string, string[]>> {
  const rows = await chunked(postIds, (chunk) => ctx.db.prisma.postHolding.findMany({ where: { postId: { in: chunk }, to: null }, select: { postId: true, personId: true }, orderBy: { personId: 'asc' } }));
  const holders = new Map<string, string[]>();
  for (const r of rows) holders.set(r.postId, [...(holders.get(r.postId) ?? []), r.personId]);
  return holders;
}

/** Everyone: owners, plan owners and delegates are all among them, and each sweep needs their clocks first. */
export async function loadPeople(ctx: CoreContext): Promise<Map<string, ReminderPerson>> {
  const rows = await ctx.db.prisma.person.findMany({ select: personSelect });
  return new Map(rows.map((r) => [r.id, r]));
}

/** Each person's active 1:1 conversation (the most recently used when there are several). */
export async function loadPersonalConversations(ctx: CoreContext, personIds: string[]): Promise<Map<string, string>> {
  const rows = await chunked(personIds, (chunk) =>
    ctx.db.prisma.conversationRef.findMany({ where: { personId: { in: chunk }, scope: 'personal', state: 'active' }, select: { id: true, personId: true }, orderBy: { updatedAt: 'asc' } }),
  );
  return new Map(rows.map((r) => [r.personId!, r.id]));
}

/** The subset of `keys` already in ReminderLog. */
export async function existingReminderKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  const rows = await chunked(keys, (chunk) => ctx.db.prisma.reminderLog.findMany({ where: { key: { in: chunk } }, select: { key: true } }));
  return new Set(rows.map((r) => r.key));
}

/** The subset of `keys` already in the outbox (cards already decided today). */
export async function existingOutboxKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  const rows = await chunked(keys, (chunk) => ctx.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { in: chunk } }, select: { idempotencyKey: true } }));
  return new Set(rows.map((r) => r.idempotencyKey));
}

/** Runs `fetch` over bounded slices of `ids` (each id's rows come back in one slice, in its order). */
async function chunked<T>(ids: string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) rows.push(...(await fetch(ids.slice(i, i + CHUNK))));
  return rows;
}
