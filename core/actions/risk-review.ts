/**
 * A risk acceptance comes back on its review date: the risk acceptor (the plan's risk acceptor post, else
 * the plan owner, else admins) gets a card to extend the acceptance or reopen the action (close.ts).
 * Once per action and review date, whatever the number of sweeps: the outbox key says so.
 */
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { adminIds, riskAcceptorIds } from '../people/roles';
import { dateOnly, isoDate, localDate } from '../time';
import { loadView } from './change';
import { enqueueToPeople, type OutgoingActivity } from './owner-messages';
import type { ActionView } from './view';

/** Returns how many reviews it queued cards for. */
export async function queueRiskReviews(
  ctx: CoreContext,
  render: (view: ActionView) => OutgoingActivity,
): Promise<number> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const due = await ctx.db.prisma.action.findMany({
    where: { status: 'closed', outcome: 'risk_accepted', reviewDate: { lte: dateOnly(today) } },
    select: { id: true, planId: true, reviewDate: true },
  });
  let queued = 0;
  for (const a of due) {
    const view = await loadView(ctx, a.id);
    if (!view) continue;
    const acceptors = await riskAcceptorIds(ctx, a.planId);
    const to = acceptors.length ? acceptors : await adminIds(ctx);
    const reached = await ctx.db.prisma.$transaction((tx) =>
      enqueueToPeople(tx as Tx, to, {
        key: `risk-review:${a.id}:${isoDate(a.reviewDate!)}`,
        purpose: 'approval',
        activity: render(view),
      }),
    );
    if (reached) queued++;
  }
  return queued;
}
