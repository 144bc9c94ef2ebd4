/**
 * "How are we doing on BTP-CDI?": counts by effective RAG and by status, % complete and the oldest
 * overdue action, for a plan, a board's plans or everything. Counted in SQL (the RAG rules as conditions,
 * core/store/action-filter.ts), so the cost does not grow with every action rated in memory.
 */
import type { CoreContext } from '../context';
import { ACTION_STATUSES, type ActionStatus, type Rag } from '../domain';
import type { ActionView } from '../actions/view';
import { actionViews } from '../actions/view-loader';
import { allOf, overdueOn, statusIs, type ActionFilter } from '../store/action-filter';
import { inScope, summaryCounts } from '../store/summary-counts';
import { isoDate, localDate } from '../time';
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

/** What a committee measures a plan by. Percentages are 0–100, rounded down; null where nothing counts. */
export interface Measures {
  /** Implemented and verified, of all actions. */
  verifiedPercent: number;
  /** Of those verified, completed on or before the date first promised. */
  onTimePercent: number | null;
  /** Open and past their due date, of all actions. */
  overduePercent: number;
  /** Mean days past due of the overdue actions. */
  averageDaysOverdue: number | null;
  riskAccepted: number;
}

export async function summarise(ctx: CoreContext, query: Extract<Query, { kind: 'summary' }>): Promise<SummaryResult> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = { plan: query.plan, board: query.board };
  const where = inScope(scope);
  const [counts, oldest, verified] = await Promise.all([
    summaryCounts(ctx.db, scope, today, ctx.ragWindows),
    actionViews(ctx, {
      where: allOf([where, overdueOn(today)]),
      order: 'longestOverdue',
      page: { offset: 0, size: 1 },
    }),
    verifiedDates(ctx, allOf([where, statusIs('complete')])),
  ]);
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
    kind: 'summary',
    labels: { ...(query.plan && { plan: query.plan }), ...(query.board && { board: query.board }) },
    plans: counts.plans,
    total,
    byRag,
    byStatus,
    percentComplete: percent(byStatus.complete, total) ?? 0,
    overdue,
    oldestOverdue: oldest[0] ?? null,
    measures: {
      verifiedPercent: percent(byStatus.complete, total) ?? 0,
      onTimePercent: percent(verified.filter((a) => onTime(a, ctx.timeZone)).length, verified.length),
      overduePercent: percent(overdue, total) ?? 0,
      averageDaysOverdue: overdue ? Math.round(counts.overdueDays / overdue) : null,
      riskAccepted,
    },
  };
}

function percent(part: number, whole: number): number | null {
  return whole ? Math.floor((100 * part) / whole) : null;
}

/** Completed on or before the first promised date (the due date when it never moved); no date, no promise broken. */
function onTime(
  a: { completedAt: Date | null; dueDate: Date | null; originalDueDate: Date | null },
  timeZone: string,
): boolean {
  const promised = a.originalDueDate ?? a.dueDate;
  if (!promised || !a.completedAt) return !promised;
  return localDate(a.completedAt, timeZone) <= isoDate(promised);
}

/** What on-time needs of each verified action: the promise is a day in the organisation's time zone. */
function verifiedDates(ctx: CoreContext, where: ActionFilter) {
  return ctx.db.store
    .selectFrom('Action as a')
    .where(where)
    .select(['a.completedAt', 'a.dueDate', 'a.originalDueDate'])
    .execute();
}
