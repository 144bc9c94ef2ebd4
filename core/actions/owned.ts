/**
 * The actions some posts own, as an action filter. Prisma writes `owners: { some: … }` as a correlated
 * EXISTS, which SQLite answers by probing every open action (an owner of 36 open actions at 50,000:
 * ~60 ms a query, twice for a page and its count). Listing the posts' action ids first reads only their
 * own rows. Each id becomes a bound parameter, so an owner of more than `limit` actions keeps the EXISTS.
 */
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';

const OWNED_LIST_LIMIT = 5_000;

export async function ownedBy(ctx: Pick<CoreContext, 'db'>, postIds: string[], limit = OWNED_LIST_LIMIT): Promise<Prisma.ActionWhereInput> {
  if (postIds.length === 0) return { id: { in: [] } };
  const rows = await ctx.db.prisma.actionOwner.findMany({ where: { postId: { in: postIds } }, select: { actionId: true }, take: limit + 1 });
  if (rows.length > limit) return { owners: { some: { postId: { in: postIds } } } };
  return { id: { in: [...new Set(rows.map((r) => r.actionId))] } };
}
