/**
 * "my actions": open actions this person owns, through posts they hold or as the delegate of someone
 * who holds them, most urgent due date first.
 */
import type { CoreContext } from '../context';
import { ownedBy } from './owned';
import type { ActionView } from './view';
import { findActionViews } from './view-loader';

export async function listMyActions(ctx: CoreContext, personId: string, page: number, pageSize: number): Promise<{ actions: ActionView[]; total: number }> {
  const prisma = ctx.db.prisma;
  const delegators = await prisma.person.findMany({ where: { delegateId: personId }, select: { id: true } });
  const holdings = await prisma.postHolding.findMany({
    where: { personId: { in: [personId, ...delegators.map((d) => d.id)] }, to: null },
    select: { postId: true },
  });
  const where = { status: 'open', ...(await ownedBy(ctx, holdings.map((h) => h.postId))) };
  const [total, actions] = await Promise.all([
    prisma.action.count({ where }),
    findActionViews(ctx, {
      where,
      // Undated ("Ongoing") actions last: nulls sort differently on SQLite and PostgreSQL, so say so. The
      // id breaks ties, so that each page is read the same way and none repeats or skips an action.
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { plan: { key: 'asc' } }, { position: 'asc' }, { id: 'asc' }],
      skip: page * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, actions };
}
