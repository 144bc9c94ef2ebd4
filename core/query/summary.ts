/**
 * "How are we doing on BTP-CDI?": counts by effective RAG and by status, % complete and the oldest
 * overdue action, for a plan, a board's plans or everything. Counted in SQL (the RAG rules as conditions,
 * core/store/action-filter.ts), so the cost does not grow with every action rated in memory.
 */
import type { CoreContext } from '../context';
import { ACTION_STATUSES, type ActionStatus, type Rag } from '../domain';
import type { ActionView } from '../actions/view';
import { actionViews } from '../actions/view-loader';
import { allOf, overdueOn } from '../store/action-filter';
import { inScope, summaryCounts, type StatusAndRagCounts } from '../store/summary-counts';
import { localDate } from '../time';
import { completedOnTime, type Measures, measuresOf, percent } from './measures';
import type { Scope } from './scope';
import type { Query } from './types';

export interface SummaryResult {
  kind: 'summary';
  labels: Scope['labels'];
  plans: number;
  total: number;
  byRag: Record<Rag, number>;
  byStatus: Record<ActionStatus, number>;
  /** Share of actions closed (verified complete), 0–100, rounded down so 99.6 % is not "100 %". */
  percentComplete: number;
  overdue: number;
  oldestOverdue: ActionView | null;
  measures: Measures;
}

/** What a summary counts, without the oldest overdue action or the measures: also a board's per-plan tiles. */
export type SummaryTotals = Pick<SummaryResult, 'total' | 'byRag' | 'byStatus' | 'percentComplete' | 'overdue'>;

export async function summarise(ctx: CoreContext, query: Extract<Query, { kind: 'summary' }>): Promise<SummaryResult> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = { plan: query.plan, board: query.board };
  const [counts, oldest] = await Promise.all([
    summaryCounts(ctx.db, scope, today, ctx.ragWindows),
    actionViews(ctx, {
      where: allOf([inScope(scope), overdueOn(today)]),
      order: 'longestOverdue',
      page: { offset: 0, size: 1 },
    }),
  ]);
  const totals = summaryTotals(counts);
  const { total, byStatus, overdue } = totals;
  return {
    kind: 'summary',
    labels: { ...(query.plan && { plan: query.plan }), ...(query.board && { board: query.board }) },
    plans: counts.plans,
    ...totals,
    oldestOverdue: oldest[0] ?? null,
    measures: measuresOf({
      total,
      verified: byStatus.complete,
      verifiedOnTime: counts.surelyOnTime + counts.nearDayEnd.filter((a) => completedOnTime(a, ctx.timeZone)).length,
      overdue,
      overdueDays: counts.overdueDays,
      riskAccepted: counts.riskAccepted,
    }),
  };
}

export function summaryTotals(counts: StatusAndRagCounts): SummaryTotals {
  const byStatus: Record<ActionStatus, number> = {
    open: counts.open,
    awaiting_verification: counts.awaiting_verification,
    complete: counts.complete,
    closed: counts.closed,
  };
  const total = ACTION_STATUSES.reduce((sum, s) => sum + byStatus[s], 0);
  const { red, amber, riskAccepted, overdue } = counts;
  // Open actions are exactly Red, Amber or Green, and closed ones risk accepted or superseded: Green and
  // Superseded need no condition of their own.
  const byRag: Record<Rag, number> = {
    RED: red,
    AMBER: amber,
    GREEN: byStatus.open - red - amber,
    COMPLETE: byStatus.awaiting_verification + byStatus.complete,
    RISK_ACCEPTED: riskAccepted,
    SUPERSEDED: byStatus.closed - riskAccepted,
  };
  return {
    total,
    byRag,
    byStatus,
    percentComplete: percent(byStatus.complete, total) ?? 0,
    overdue,
  };
}
