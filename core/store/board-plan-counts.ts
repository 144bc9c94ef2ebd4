/**
 * A board's plans with what each plan's tile counts, in one statement: actions by status, Red, Amber,
 * overdue and risk accepted (the summary's conditions, action-filter.ts), and by outcome. A board follows
 * a few plans of a few hundred actions each, so one pass over their actions, grouped by plan, does it.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { ACTION_OUTCOMES, type ActionOutcome } from '../domain';
import type { RagWindows } from '../rag';
import { withOutcome } from './action-filter';
import { statusAndRagConditions, type StatusAndRagCounts } from './summary-counts';
import type { Store } from '.';

export interface PlanTileCounts extends StatusAndRagCounts {
  id: string;
  key: string;
  title: string;
  byOutcome: Partial<Record<ActionOutcome, number>>;
}

/** The board's plans still followed (not archived), in key order, a plan with no actions included. */
export async function boardPlanCounts(
  store: Store,
  boardId: string,
  today: string,
  windows: RagWindows,
): Promise<PlanTileCounts[]> {
  const conditions = statusAndRagConditions(today, windows);
  const counted = (condition: Expression<SqlBool>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const rows = await store
    .selectFrom('BoardPlan as bp')
    .innerJoin('Plan as pl', 'pl.id', 'bp.planId')
    .leftJoin('Action as a', 'a.planId', 'pl.id')
    .where('bp.boardId', '=', boardId)
    .where('pl.archivedAt', 'is', null)
    .groupBy(['pl.id', 'pl.key', 'pl.title'])
    .orderBy('pl.key')
    .select([
      'pl.id',
      'pl.key',
      'pl.title',
      ...conditions.map(([name, condition]) => counted(condition).as(name)),
      ...ACTION_OUTCOMES.map((outcome) => counted(withOutcome(outcome)).as(outcome)),
    ])
    .execute();
  // PostgreSQL's sums are bigints, which pg gives as text.
  const countsOf = (r: Record<keyof StatusAndRagCounts, unknown>) => {
    const counts = {} as StatusAndRagCounts;
    for (const [name] of conditions) counts[name] = Number(r[name]);
    return counts;
  };
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    ...countsOf(r),
    byOutcome: Object.fromEntries(
      ACTION_OUTCOMES.map((o) => [o, Number((r as Record<ActionOutcome, unknown>)[o])]).filter(([, n]) => n),
    ),
  }));
}
