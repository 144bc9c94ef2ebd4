/** "Who is behind?": owners (posts) ranked by overdue, then red, actions; counted in SQL per post. */
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import type { OwnerView } from '../actions/view';
import { dateOnly, localDate } from '../time';
import { ragWhere } from './rag-where';
import { actionScopeWhere, resolveScope, type Scope } from './scope';
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
  const inScope = actionScopeWhere(scope);
  const countByPost = async (action: Prisma.ActionWhereInput) => {
    const groups = await ctx.db.prisma.actionOwner.groupBy({ by: ['postId'], where: { action: { AND: [inScope, action] } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.postId, g._count._all]));
  };
  // Overdue actions are red too (core/rag.ts), so every owner with an overdue action is in `red`.
  const [red, overdue] = await Promise.all([
    countByPost(ragWhere('RED', today, ctx.ragWindows)),
    countByPost({ status: 'open', dueDate: { lt: dateOnly(today) } }),
  ]);
  const ranked = [...red.keys()]
    .map((postId) => ({ postId, red: red.get(postId) ?? 0, overdue: overdue.get(postId) ?? 0 }))
    .sort((a, b) => b.overdue - a.overdue || b.red - a.red)
    .slice(0, BEHIND_LIMIT);
  const posts = await ctx.db.prisma.post.findMany({
    where: { id: { in: ranked.map((r) => r.postId) } },
    select: {
      id: true,
      name: true,
      holdings: { where: { to: null }, select: { person: { select: { id: true, displayName: true, teamsUserId: true, aadObjectId: true } } } },
    },
  });
  const byId = new Map(posts.map((p) => [p.id, p]));
  const owners = ranked.flatMap((r) => {
    const post = byId.get(r.postId);
    if (!post) return [];
    const holders = post.holdings.map(({ person: p }) => ({ personId: p.id, displayName: p.displayName, teamsUserId: p.teamsUserId, aadObjectId: p.aadObjectId }));
    return [{ post: post.name, holders, overdue: r.overdue, red: r.red }];
  });
  owners.sort((a, b) => b.overdue - a.overdue || b.red - a.red || (a.post < b.post ? -1 : 1));
  return { kind: 'behind', labels: scope.labels, owners, total: red.size };
}
