/** Red actions: reported Red or past due, and not complete (the RAG rules as SQL, core/query/rag-where.ts). */
import type { CoreContext } from '../context';
import { ragWhere } from '../query/rag-where';
import { localDate } from '../time';
import { listActionViews, type ActionView } from './view';

export function listRedActions(ctx: CoreContext, planIds?: string[]): Promise<ActionView[]> {
  const today = localDate(ctx.now(), ctx.timeZone);
  return listActionViews(ctx, { ...ragWhere('RED', today, ctx.ragWindows), ...(planIds ? { planId: { in: planIds } } : {}) });
}
