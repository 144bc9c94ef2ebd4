/**
 * Red actions: reported Red or past due, and not complete. The SQL filter narrows to the candidates
 * (indexed on status and due date); the RAG rules then decide, so the answer matches every other view.
 */
import type { CoreContext } from '../context';
import { dateOnly, localDate } from '../time';
import { listActionViews, type ActionView } from './view';

export async function listRedActions(ctx: CoreContext, planIds?: string[]): Promise<ActionView[]> {
  const today = dateOnly(localDate(ctx.now(), ctx.timeZone));
  const views = await listActionViews(ctx, {
    status: 'open',
    ...(planIds ? { planId: { in: planIds } } : {}),
    OR: [{ reportedRag: 'RED' }, { dueDate: { lt: today } }],
  });
  return views.filter((v) => v.effectiveRag === 'RED');
}
