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
  /** When the plan stopped being followed up ("YYYY-MM-DD"), if it did. */
  archived: string | null;
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
    archived: p.archivedAt ? p.archivedAt.toISOString().slice(0, 10) : null,
  }));
}

/** Every plan's id, in key order: for walking a large database a plan at a time. */
export async function planIdsByKey(ctx: Pick<CoreContext, 'db'>): Promise<string[]> {
  const plans = await ctx.db.prisma.plan.findMany({ select: { id: true }, orderBy: { key: 'asc' } });
  return plans.map((p) => p.id);
}

export async function findPlanByKey(ctx: Pick<CoreContext, 'db'>, key: string) {
  // Keys are stored upper-case (importers normalise them), so users may type them in any case.
  return ctx.db.prisma.plan.findUnique({ where: { key: key.toUpperCase() } });
}

export type ArchiveResult = { ok: true; key: string; archivedAt: Date | null } | { ok: false; error: string };

/**
 * Archives a plan, or (`archived` false) follows it again. An archived plan keeps everything (its
 * history is the record, and history rows cannot be deleted) and can still be exported, but leaves
 * questions, reminders, digests and the board tab.
 */
export async function setPlanArchived(
  ctx: Pick<CoreContext, 'db' | 'now'>,
  key: string,
  archived: boolean,
): Promise<ArchiveResult> {
  const plan = await findPlanByKey(ctx, key);
  if (!plan) return { ok: false, error: `There is no plan ${key.toUpperCase()}.` };
  const archivedAt = archived ? (plan.archivedAt ?? ctx.now()) : null;
  await ctx.db.prisma.plan.update({ where: { id: plan.id }, data: { archivedAt } });
  return { ok: true, key: plan.key, archivedAt };
}
