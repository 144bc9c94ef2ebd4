/** "Who is behind?": owners (posts) ranked by overdue, then red, actions; counted in SQL per post. */
import type { CoreContext } from '../context';
import type { OwnerView } from '../actions/view';
import { dateOnly, localDate } from '../time';
import { allOf, inActivePlan, inPlans, ragIs } from '../store/action-filter';
import { resolveScope, type Scope } from './scope';
import type { Query } from './types';

export type Holder = OwnerView['holders'][number];

export interface BehindRow {
  post: string;
  holders: Holder[];
  overdue: number;
  red: number;
}

export interface BehindResult {
  kind: 'behind';
  labels: Scope['labels'];
  owners: BehindRow[];
  /** Owners with anything red, shown or not. */
  total: number;
}

export const BEHIND_LIMIT = 10;

export async function whoIsBehind(ctx: CoreContext, query: Extract<Query, { kind: 'behind' }>): Promise<BehindResult> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = await resolveScope(ctx, query);
  // Per post, its red actions and, of those, the overdue ones (overdue actions are red too, core/rag.ts).
  // CROSS JOIN keeps SQLite on the red actions first (SQLite does not reorder it), rather than one action
  // lookup per owner row; PostgreSQL plans it as any join. A scope's plans (a few) are bound one by one,
  // so both planners reach the actions through the planId index.
  if (scope.planIds?.length === 0) return { kind: 'behind', labels: scope.labels, owners: [], total: 0 };
  const red = allOf([
    inActivePlan,
    ragIs('RED', today, ctx.ragWindows),
    ...(scope.planIds ? [inPlans(scope.planIds)] : []),
  ]);
  const rows = await ctx.db.store
    .selectFrom('Action as a')
    .crossJoin('ActionOwner as o')
    .whereRef('o.actionId', '=', 'a.id')
    .where(red)
    .groupBy('o.postId')
    .select((eb) => [
      'o.postId',
      eb.fn.countAll().as('red'),
      eb.fn.sum(eb.case().when('a.dueDate', '<', dateOnly(today)).then(1).else(0).end()).as('overdue'),
    ])
    .execute();
  const ranked = rows
    .map(({ postId, red, overdue }) => ({ postId, red: Number(red), overdue: Number(overdue) }))
    .sort((a, b) => b.overdue - a.overdue || b.red - a.red)
    .slice(0, BEHIND_LIMIT);
  const holders = await postsWithHolders(
    ctx,
    ranked.map((r) => r.postId),
  );
  const owners = ranked.flatMap((r) => {
    const post = holders.get(r.postId);
    return post ? [{ post: post.name, holders: post.holders, overdue: r.overdue, red: r.red }] : [];
  });
  owners.sort((a, b) => b.overdue - a.overdue || b.red - a.red || (a.post < b.post ? -1 : 1));
  return { kind: 'behind', labels: scope.labels, owners, total: rows.length };
}

/** Each post's name and current holders, in one statement. */
async function postsWithHolders(
  ctx: CoreContext,
  postIds: string[],
): Promise<Map<string, { name: string; holders: Holder[] }>> {
  const posts = new Map<string, { name: string; holders: Holder[] }>();
  if (postIds.length === 0) return posts;
  const rows = await ctx.db.store
    .selectFrom('Post as p')
    .leftJoin('PostHolding as h', (join) => join.onRef('h.postId', '=', 'p.id').on('h.to', 'is', null))
    .leftJoin('Person as pe', 'pe.id', 'h.personId')
    .where('p.id', 'in', postIds)
    .orderBy('p.id')
    .orderBy('h.from')
    .orderBy('h.id')
    .select(['p.id', 'p.name', 'pe.id as personId', 'pe.displayName', 'pe.teamsUserId', 'pe.aadObjectId'])
    .execute();
  for (const { id, name, personId, displayName, teamsUserId, aadObjectId } of rows) {
    let post = posts.get(id);
    if (!post) posts.set(id, (post = { name, holders: [] }));
    if (personId !== null && displayName !== null)
      post.holders.push({ personId, displayName, teamsUserId, aadObjectId });
  }
  return posts;
}
