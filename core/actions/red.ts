/**
 * Red actions: reported Red or past due, and not complete. The SQL filter is the question executor's
 * Red prefilter (core/query/list.ts), exact for Red; the RAG rules still decide, so the answer
 * matches every other view.
 */
import type { CoreContext } from '../context';
import { ragPrefilter } from '../query/list';
import { localDate } from '../time';
import { listActionViews, type ActionView } from './view';

export async function listRedActions(ctx: CoreContext, planIds?: string[]): Promise<ActionView[]> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const views = await listActionViews(ctx, { ...ragPrefilter('RED', today, ctx), ...(planIds ? { planId: { in: planIds } } : {}) });
  return views.filter((v) => v.effectiveRag === 'RED');
}
