/** One recommendation ("show recommendation 3 of the NCRS plan") with its actions. */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { actionViews } from '../actions/view-loader';
import { inRecommendation } from '../store/action-filter';
import { displayRef, refSpellings } from './refs';
import type { Query } from './types';

export interface RecommendationResult {
  kind: 'recommendation';
  asked: string;
  recommendation: {
    planKey: string;
    planTitle: string;
    ref: string;
    text: string;
    section: string | null;
    context: string | null;
  } | null;
  /** Plans that have this ref, when no plan was named and several do. */
  candidates: string[];
  actions: ActionView[];
}

/** Plans write "3", "R3" or "Recommendation 3" for what users type as "3". */
const PREFIXES = ['R', 'Rec ', 'Recommendation '];

export async function findRecommendation(
  ctx: CoreContext,
  query: Extract<Query, { kind: 'recommendation' }>,
): Promise<RecommendationResult> {
  const asked = displayRef(query.plan, query.ref);
  const recs = await ctx.db.prisma.recommendation.findMany({
    where: { ref: { in: refSpellings(query.ref, PREFIXES) }, ...(query.plan && { plan: { key: query.plan } }) },
    include: { plan: { select: { key: true, title: true } } },
    orderBy: [{ plan: { key: 'asc' } }, { position: 'asc' }],
    take: 5,
  });
  if (recs.length !== 1) {
    return {
      kind: 'recommendation',
      asked,
      recommendation: null,
      candidates: recs.map((r) => displayRef(r.plan.key, r.ref)),
      actions: [],
    };
  }
  const [rec] = recs;
  return {
    kind: 'recommendation',
    asked,
    recommendation: {
      planKey: rec.plan.key,
      planTitle: rec.plan.title,
      ref: rec.ref,
      text: rec.text,
      section: rec.section,
      context: rec.context,
    },
    candidates: [],
    actions: await actionViews(ctx, { where: inRecommendation(rec.id), order: 'plan' }),
  };
}
