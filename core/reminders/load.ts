/**
 * What a reminder run reads: people, plans' policies, posts with their current holders, the open
 * unsnoozed actions that can be owed something today (narrow rows, with what their card row shows),
 * 1:1 conversations, and which reminders and daily cards already exist. All of it as the driver's rows
 * (Db.queryRows): a sweep reads tens of thousands of rows, and Prisma's mapping of each value was most
 * of what a sweep cost beyond the SQL.
 */
import { holderView, type OwnerView } from '../actions/view';
import type { CoreContext } from '../context';
import { existingKeys } from '../db/existing';
import { append } from '../groups';
import { addDays, dateOnly, DAY_MS } from '../time';
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
  /** The day of the last update, or of creation when there is none. */
  lastActivity: string;
  hasUpdates: boolean;
  reportedRag: string | null;
  reportedRagOn: string | null;
  planPolicy: string | null;
  planOwnerPostId: string | null;
  /** Owning posts, in order. */
  owners: { postId: string; roleLabel: string | null }[];
}
export type PlansById = Map<string, { key: string; reminderPolicy: string | null; ownerPostId: string | null }>;

/** Every plan's policy and owner post (tens of rows), keyed by plan id. */
export async function loadPlans(ctx: CoreContext): Promise<PlansById> {
  const rows = await ctx.db.queryRows(`SELECT "id", "key", "reminderPolicy", "ownerPostId" FROM "Plan"`, []);
  return new Map((rows as [string, string, string | null, string | null][]).map(([id, key, reminderPolicy, ownerPostId]) => [id, { key, reminderPolicy, ownerPostId }]));
}

/** Open, unsnoozed actions that can be owed a reminder today: the conditions bind $1 now, $2 the last due day, $3 quiet before. */
const OWED = `a."status" = 'open' AND (a."snoozedUntil" IS NULL OR a."snoozedUntil" <= $1)
  AND (a."dueDate" <= $2 OR (a."dueDate" IS NULL AND COALESCE(a."lastUpdateAt", a."createdAt") < $3))`;

/**
 * Open, unsnoozed actions that can be owed a reminder today (inside `window`), in plan order: awaiting
 * verification or complete need no chasing; snoozed ones wait. Two flat queries (actions, their owner
 * posts), so a sweep over a hundred thousand actions binds no id lists. Their rows come as the driver's
 * arrays: through Prisma's row mapping this read was a third of a sweep on PostgreSQL.
 */
export async function loadOpenActions(ctx: CoreContext, now: Date, window: OwedWindow, plans: PlansById): Promise<OpenAction[]> {
  const args = [now, dateOnly(window.dueBy), dateOnly(addDays(window.quietSince, 1))];
  // Timestamps as their UTC day: the sweep compares days, and each database cuts them cheaper than JS.
  const day = (column: string) => (ctx.db.provider === 'sqlite' ? `substr(${column}, 1, 10)` : `(${column})::date`);
  const columns = `a."id", a."planId", a."position", a."ref", a."text", a."dueText", a."reportedRag", ${day('a."reportedRagAt"')}, ${day('a."dueDate"')}, ${day('COALESCE(a."lastUpdateAt", a."createdAt")')}, a."lastUpdateAt" IS NOT NULL`;
  const [rows, owners] = await Promise.all([
    ctx.db.queryRows(`SELECT ${columns} FROM "Action" a WHERE ${OWED}`, args),
    ctx.db.queryRows(`SELECT o."actionId", o."postId", o."roleLabel" FROM "ActionOwner" o JOIN "Action" a ON a."id" = o."actionId" WHERE ${OWED} ORDER BY o."position"`, args),
  ]);
  const ownersOf = new Map<string, OpenAction['owners']>();
  for (const [actionId, postId, roleLabel] of owners as [string, string, string | null][]) append(ownersOf, actionId, { postId, roleLabel });
  const actions = (rows as OpenActionRow[]).map(([id, planId, position, ref, text, dueText, reportedRag, reportedRagOn, due, lastActivity, hasUpdates]) => {
    const plan = plans.get(planId)!;
    const action: OpenAction & { position: number } = {
      id,
      planKey: plan.key,
      ref,
      text,
      due,
      dueText,
      lastActivity,
      // SQLite's booleans are 0 and 1.
      hasUpdates: Boolean(hasUpdates),
      reportedRag,
      reportedRagOn,
      planPolicy: plan.reminderPolicy,
      planOwnerPostId: plan.ownerPostId,
      owners: ownersOf.get(id) ?? [],
      position,
    };
    return action;
  });
  return actions.sort((x, y) => (x.planKey < y.planKey ? -1 : x.planKey > y.planKey ? 1 : x.position - y.position));
}

/** id, planId, position, ref, text, dueText, reportedRag, the days ("YYYY-MM-DD") reported, due and last active, has updates. */
type OpenActionRow = [string, string, number, string, string, string | null, string | null, string | null, string | null, string, boolean | number];

/** Each post's name and current holders, and the post as card rows show it with no role label (one object shared by every such row). */
export type Posts = Map<string, { name: string; holders: ReminderPerson[]; view: OwnerView }>;

/** Every post with its current holders (from `people`): about one post per person, so one flat read beats id lists. */
export async function loadPosts(ctx: CoreContext, people: ReadonlyMap<string, ReminderPerson>): Promise<Posts> {
  // One row per post and current holder (a post nobody holds: one row, no holder), holders in id order.
  const rows = await ctx.db.queryRows(
    `SELECT p."id", p."name", h."personId" FROM "Post" p LEFT JOIN "PostHolding" h ON h."postId" = p."id" AND h."to" IS NULL ORDER BY p."id", h."personId"`,
    [],
  );
  const posts: Posts = new Map();
  for (const [postId, name, personId] of rows as [string, string, string | null][]) {
    let post = posts.get(postId);
    if (!post) posts.set(postId, (post = { name, holders: [], view: { postId, post: name, role: null, holders: [] } }));
    const holder = personId === null ? undefined : people.get(personId);
    if (holder) {
      post.holders.push(holder);
      post.view.holders.push(holderView(holder));
    }
  }
  return posts;
}

/** Everyone: owners, plan owners and delegates are all among them, and each sweep needs their clocks first. */
export async function loadPeople(ctx: CoreContext): Promise<Map<string, ReminderPerson>> {
  const rows = await ctx.db.queryRows(`SELECT "id", "displayName", "timeZone", "workingDays", "awayUntil", "delegateId", "remindersPaused", "teamsUserId", "aadObjectId", "tenantId" FROM "Person"`, []);
  const people = new Map<string, ReminderPerson>();
  for (const [id, displayName, timeZone, workingDays, awayUntil, delegateId, remindersPaused, teamsUserId, aadObjectId, tenantId] of rows as PersonRow[]) {
    // SQLite keeps booleans as 0 and 1.
    people.set(id, { id, displayName, timeZone, workingDays, awayUntil: awayUntil === null ? null : new Date(awayUntil), delegateId, remindersPaused: Boolean(remindersPaused), teamsUserId, aadObjectId, tenantId });
  }
  return people;
}

type PersonRow = [string, string, string | null, string, string | null, string | null, boolean | number, string | null, string | null, string | null];

/** Each person's active 1:1 conversation (the most recently used when there are several). */
export async function loadPersonalConversations(ctx: CoreContext): Promise<Map<string, string>> {
  const rows = await ctx.db.queryRows(`SELECT "personId", "id" FROM "ConversationRef" WHERE "personId" IS NOT NULL AND "scope" = 'personal' AND "state" = 'active' ORDER BY "updatedAt"`, []);
  return new Map(rows as [string, string][]);
}

/** The positions in `keys` of those already in ReminderLog. */
export function existingReminderKeys(ctx: CoreContext, keys: string[]): Promise<number[]> {
  return existingKeys(ctx.db, 'ReminderLog', 'key', keys);
}

/**
 * The keys of the daily cards (reminder and escalation) decided in the last two days: among them every
 * card of anyone's today, which was decided less than a day ago, in any time zone (a card's notBefore
 * is when it was decided, and retries only move it later). Unlike asking for today's keys, this needs
 * no people first, so a sweep reads it beside them: a round trip less.
 */
export async function recentCardKeys(ctx: CoreContext, now: Date): Promise<Set<string>> {
  const rows = await ctx.db.queryRows(`SELECT "idempotencyKey" FROM "OutboxMessage" WHERE "purpose" IN ('reminder', 'escalation') AND "notBefore" >= $1`, [
    new Date(now.getTime() - 2 * DAY_MS),
  ]);
  return new Set(rows.map(([key]) => key as string));
}
