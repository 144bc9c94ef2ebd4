/**
 * "my actions": open actions this person owns, through posts they hold or as the delegate of someone
 * who holds them, most urgent due date first.
 */
import type { CoreContext } from '../context';
import { allOf, ownedByPosts, statusIs } from '../store/action-filter';
import type { ActionView } from './view';
import { actionPage } from './view-loader';

export async function listMyActions(
  ctx: CoreContext,
  personId: string,
  page: number,
  pageSize: number,
): Promise<{ actions: ActionView[]; total: number }> {
  const prisma = ctx.db.prisma;
  const delegators = await prisma.person.findMany({ where: { delegateId: personId }, select: { id: true } });
  const holdings = await prisma.postHolding.findMany({
    where: { personId: { in: [personId, ...delegators.map((d) => d.id)] }, to: null },
    select: { postId: true },
  });
  const where = allOf([statusIs('open'), ownedByPosts(holdings.map((h) => h.postId))]);
  return actionPage(ctx, { where, order: 'due', offset: page * pageSize, size: pageSize });
}
