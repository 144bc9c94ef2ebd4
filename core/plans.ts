/** Plans: listing and lookup by key. */
import type { CoreContext } from './context';

export interface PlanSummary {
  key: string;
  title: string;
  issuer: string | null;
  reportDate: string | null;
  owner: string | null;
  recommendations: number;
  actions: number;
  boards: string[];
}

export async function listPlans(ctx: Pick<CoreContext, 'db'>): Promise<PlanSummary[]> {
  const plans = await ctx.db.prisma.plan.findMany({
    orderBy: { key: 'asc' },
    include: {
      ownerPost: { select: { name: true } },
      boards: { include: { board: { select: { key: true } } } },
      _count: { select: { recommendations: true, actions: true } },
    },
  });
  return plans.map((p) => ({
    key: p.key,
    title: p.title,
    issuer: p.issuer,
    reportDate: p.reportDate ? p.reportDate.toISOString().slice(0, 10) : null,
    owner: p.ownerPost?.name ?? null,
    recommendations: p._count.recommendations,
    actions: p._count.actions,
    boards: p.boards.map((b) => b.board.key),
  }));
}

export async function findPlanByKey(ctx: Pick<CoreContext, 'db'>, key: string) {
  // Keys are stored upper-case (importers normalise them), so users may type them in any case.
  return ctx.db.prisma.plan.findUnique({ where: { key: key.toUpperCase() } });
}
