/**
 * What a reminder run reads: people, open unsnoozed actions as views (with their plan's policy and owner
 * post), 1:1 conversations, and which reminders and daily cards already exist.
 */
import type { CoreContext } from '../context';
import { actionViewInclude, toActionView, type ActionView } from '../actions/view';
import type { Prisma } from '../db/client';
import { isoDate } from '../time';
import type { ReminderPerson } from './recipients';

export interface LoadedAction {
  view: ActionView;
  lastActivity: string;
  planPolicy: string | null;
  planOwnerPostId: string | null;
  ownerIds: string[];
}

const include = {
  ...actionViewInclude,
  plan: { select: { key: true, title: true, reminderPolicy: true, ownerPostId: true } },
} satisfies Prisma.ActionInclude;

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

/** Only open actions: awaiting verification or complete need no chasing; snoozed ones wait. */
export async function loadOpenActions(ctx: CoreContext, now: Date): Promise<LoadedAction[]> {
  const rows = await ctx.db.prisma.action.findMany({
    where: { status: 'open', OR: [{ snoozedUntil: null }, { snoozedUntil: { lte: now } }] },
    include,
    orderBy: [{ plan: { key: 'asc' } }, { position: 'asc' }],
  });
  const at = { ...ctx, now: () => now };
  return rows.map((row) => {
    const view = toActionView(row, at);
    return {
      view,
      lastActivity: isoDate(row.lastUpdateAt ?? row.createdAt),
      planPolicy: row.plan.reminderPolicy,
      planOwnerPostId: row.plan.ownerPostId,
      ownerIds: [...new Set(view.owners.flatMap((o) => o.holders.map((h) => h.personId)))],
    };
  });
}

/** Current holders of each post. */
export async function loadPostHolders(ctx: CoreContext, postIds: string[]): Promise<Map<string, string[]>> {
  const rows = postIds.length
    ? await ctx.db.prisma.postHolding.findMany({ where: { postId: { in: postIds }, to: null }, select: { postId: true, personId: true }, orderBy: { personId: 'asc' } })
    : [];
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
  const rows = personIds.length
    ? await ctx.db.prisma.conversationRef.findMany({
        where: { personId: { in: personIds }, scope: 'personal', state: 'active' },
        select: { id: true, personId: true },
        orderBy: { updatedAt: 'asc' },
      })
    : [];
  return new Map(rows.map((r) => [r.personId!, r.id]));
}

/** The subset of `keys` already in ReminderLog. */
export function existingReminderKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  return inChunks(keys, async (chunk) => (await ctx.db.prisma.reminderLog.findMany({ where: { key: { in: chunk } }, select: { key: true } })).map((r) => r.key));
}

/** The subset of `keys` already in the outbox (cards already decided today). */
export function existingOutboxKeys(ctx: CoreContext, keys: string[]): Promise<Set<string>> {
  return inChunks(keys, async (chunk) =>
    (await ctx.db.prisma.outboxMessage.findMany({ where: { idempotencyKey: { in: chunk } }, select: { idempotencyKey: true } })).map((r) => r.idempotencyKey),
  );
}

// Bounded IN lists: databases cap bound parameters (SQLite at 32k, PostgreSQL at 65k).
async function inChunks(keys: string[], fetch: (chunk: string[]) => Promise<string[]>): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) for (const k of await fetch(keys.slice(i, i + 500))) found.add(k);
  return found;
}
