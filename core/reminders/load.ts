/**
 * What a reminder run reads: people, plans' policies, posts with their current holders, the open
 * unsnoozed actions that can be owed something today (narrow rows, with what their card row shows),
 * 1:1 conversations, and which reminders and daily cards already exist. All of it through the store
 * (ARCHITECTURE "Reads"), narrow rows only: a sweep reads every open action.
 */
import { holderView, type OwnerView } from '../actions/view';
import type { CoreContext } from '../context';
import { existingKeys } from '../store/existing-keys';
import { inActivePlan } from '../store/action-filter';
import { fromJson } from '../store/action-views';
import { jsonArrayFrom, sql, utcDay, type DB, type Expression, type ExpressionBuilder, type SqlBool } from '../store';
import { addDays, DAY_MS, dateOnly } from '../time';
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
  priority: string | null;
  planPolicy: string | null;
  planOwnerPostId: string | null;
  /** Owning posts, in order. */
  owners: { postId: string; roleLabel: string | null }[];
}
export type PlansById = Map<string, { key: string; reminderPolicy: string | null; ownerPostId: string | null }>;

/** Every plan's policy and owner post (tens of rows), keyed by plan id. */
export async function loadPlans(ctx: CoreContext): Promise<PlansById> {
  const rows = await ctx.db.store.selectFrom('Plan').select(['id', 'key', 'reminderPolicy', 'ownerPostId']).execute();
  return new Map(rows.map(({ id, ...plan }) => [id, plan]));
}

/** Open, unsnoozed actions that can be owed a reminder today: due by `dueBy`, or undated and quiet since before `quietBefore`. */
function owed(now: Date, dueBy: Date, quietBefore: Date) {
  return (eb: ExpressionBuilder<DB & { a: DB['Action'] }, 'a'>): Expression<SqlBool> =>
    eb.and([
      eb('a.status', '=', sql.lit('open')),
      inActivePlan,
      eb.or([eb('a.snoozedUntil', 'is', null), eb('a.snoozedUntil', '<=', now)]),
      eb.or([
        eb('a.dueDate', '<=', dueBy),
        eb.and([eb('a.dueDate', 'is', null), eb(eb.fn.coalesce('a.lastUpdateAt', 'a.createdAt'), '<', quietBefore)]),
      ]),
    ]);
}

/**
 * Open, unsnoozed actions that can be owed a reminder today (inside `window`), in plan order, each with its
 * owning posts as a JSON array: one statement, so a sweep over a hundred thousand actions reaches them once
 * and binds no id lists.
 */
export async function loadOpenActions(
  ctx: CoreContext,
  now: Date,
  window: OwedWindow,
  plans: PlansById,
): Promise<OpenAction[]> {
  const { store, provider } = ctx.db;
  const rows = await store
    .selectFrom('Action as a')
    .where(owed(now, dateOnly(window.dueBy), dateOnly(addDays(window.quietSince, 1))))
    .select((eb) => [
      'a.id',
      'a.planId',
      'a.position',
      'a.ref',
      'a.text',
      'a.dueText',
      'a.reportedRag',
      'a.priority',
      utcDay(provider, eb.ref('a.reportedRagAt')).as('reportedRagOn'),
      utcDay(provider, eb.ref('a.dueDate')).as('due'),
      utcDay(provider, eb.fn.coalesce('a.lastUpdateAt', 'a.createdAt')).as('lastActivity'),
      eb('a.lastUpdateAt', 'is not', null).as('hasUpdates'),
      jsonArrayFrom(provider)(
        eb
          .selectFrom('ActionOwner as o')
          .whereRef('o.actionId', '=', 'a.id')
          .orderBy('o.position')
          .select(['o.postId', 'o.roleLabel']),
      ).as('owners'),
    ])
    .execute();
  const actions = rows.map((row) => {
    const plan = plans.get(row.planId)!;
    const action: OpenAction & { position: number } = {
      id: row.id,
      planKey: plan.key,
      ref: row.ref,
      text: row.text,
      due: row.due,
      dueText: row.dueText,
      lastActivity: row.lastActivity,
      // SQLite's booleans are 0 and 1.
      hasUpdates: Boolean(row.hasUpdates),
      reportedRag: row.reportedRag,
      reportedRagOn: row.reportedRagOn,
      priority: row.priority,
      planPolicy: plan.reminderPolicy,
      planOwnerPostId: plan.ownerPostId,
      owners: fromJson(row.owners),
      position: row.position,
    };
    return action;
  });
  return actions.sort((x, y) => (x.planKey < y.planKey ? -1 : x.planKey > y.planKey ? 1 : x.position - y.position));
}

/** Each post's name and current holders, and the post as card rows show it with no role label (one object shared by every such row). */
export type Posts = Map<string, { name: string; holders: ReminderPerson[]; view: OwnerView }>;

/** Every post with its current holders (from `people`): about one post per person, so one flat read beats id lists. */
export async function loadPosts(ctx: CoreContext, people: ReadonlyMap<string, ReminderPerson>): Promise<Posts> {
  // One row per post and current holder (a post nobody holds: one row, no holder), holders in id order.
  const rows = await ctx.db.store
    .selectFrom('Post as p')
    .leftJoin('PostHolding as h', (join) => join.onRef('h.postId', '=', 'p.id').on('h.to', 'is', null))
    .orderBy('p.id')
    .orderBy('h.personId')
    .select(['p.id', 'p.name', 'h.personId'])
    .execute();
  const posts: Posts = new Map();
  for (const { id: postId, name, personId } of rows) {
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
  const rows = await ctx.db.store
    .selectFrom('Person')
    .select([
      'id',
      'displayName',
      'timeZone',
      'workingDays',
      'awayUntil',
      'delegateId',
      'remindersPaused',
      'teamsUserId',
      'aadObjectId',
      'tenantId',
    ])
    .execute();
  return new Map(rows.map((person) => [person.id, person]));
}

/** Each person's active 1:1 conversation (the most recently used when there are several). */
export async function loadPersonalConversations(ctx: CoreContext): Promise<Map<string, string>> {
  const rows = await ctx.db.store
    .selectFrom('ConversationRef')
    .where('personId', 'is not', null)
    .where('scope', '=', sql.lit('personal'))
    .where('state', '=', sql.lit('active'))
    .orderBy('updatedAt')
    .select(['personId', 'id'])
    .$narrowType<{ personId: string }>()
    .execute();
  return new Map(rows.map((r) => [r.personId, r.id]));
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
  const rows = await ctx.db.store
    .selectFrom('OutboxMessage')
    .where('purpose', 'in', [sql.lit('reminder'), sql.lit('escalation')])
    .where('notBefore', '>=', new Date(now.getTime() - 2 * DAY_MS))
    .select('idempotencyKey')
    .execute();
  return new Set(rows.map((r) => r.idempotencyKey));
}
