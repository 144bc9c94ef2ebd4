/**
 * "How are we doing on BTP-CDI?": counts by effective RAG and by status, % complete and the oldest
 * overdue action, for a plan, a board's plans or everything. Reads only the RAG columns of each action.
 */
import type { CoreContext } from '../context';
import { ACTION_STATUSES, RAGS, type ActionStatus, type Rag } from '../domain';
import { actionViewInclude, ragColumns, ragOf, toActionView, type ActionView } from '../actions/view';
import { dateOnly, localDate } from '../time';
import { actionScopeWhere, resolveScope, type Scope } from './scope';
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
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export async function summarise(ctx: CoreContext, query: Extract<Query, { kind: 'summary' }>): Promise<SummaryResult> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = await resolveScope(ctx, query);
  const where = actionScopeWhere(scope);
  const overdueWhere = { ...where, status: 'open', dueDate: { lt: dateOnly(today) } };
  const prisma = ctx.db.prisma;
  const [rows, plans, overdue, oldest] = await Promise.all([
    prisma.action.findMany({ where, select: ragColumns }),
    scope.planIds ? Promise.resolve(scope.planIds.length) : prisma.plan.count(),
    prisma.action.count({ where: overdueWhere }),
    prisma.action.findFirst({ where: overdueWhere, include: actionViewInclude, orderBy: [{ dueDate: 'asc' }, { position: 'asc' }] }),
  ]);
  const byRag = zeroes(RAGS);
  const byStatus = zeroes(ACTION_STATUSES);
  for (const row of rows) {
    byRag[ragOf(row, today, ctx).rag]++;
    if (row.status in byStatus) byStatus[row.status as ActionStatus]++;
  }
  return {
    kind: 'summary',
    labels: scope.labels,
    plans,
    total: rows.length,
    byRag,
    byStatus,
    percentComplete: rows.length ? Math.floor((100 * byStatus.complete) / rows.length) : 0,
    overdue,
    oldestOverdue: oldest && toActionView(oldest, ctx),
  };
}
