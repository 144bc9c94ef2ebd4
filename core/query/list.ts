/**
 * Lists actions matching a filter, one page at a time. Every filter, effective RAG included
 * (core/query/rag-where.ts), is exact in SQL, so the count and the page come straight from the database
 * and only the page's rows are loaded with owners.
 */
import type { Prisma } from '../db/client';
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { viewsById } from '../actions/view-loader';
import { dateOnly, localDate } from '../time';
import { dueDateBounds, resolvePeriod, type DateSpan } from './period';
import { quietWhere, ragWhere } from './rag-where';
import { actionScopeWhere, resolveScope, type Asker, type Scope } from './scope';
import type { ListFilter, Query } from './types';

export type ListQuery = Extract<Query, { kind: 'list' }>;

export interface ListResult {
  kind: 'list';
  query: ListQuery;
  labels: Scope['labels'];
  /** The due window as dates, when the filter has one. */
  due?: DateSpan;
  /** The stale threshold applied, when the filter asks for stale actions. */
  staleDays?: number;
  total: number;
  page: number;
  pageSize: number;
  actions: ActionView[];
}

export function filterWhere(filter: ListFilter, scope: Scope, today: string, ctx: Pick<CoreContext, 'ragWindows'>): { where: Prisma.ActionWhereInput; due?: DateSpan; staleDays?: number } {
  const and: Prisma.ActionWhereInput[] = [actionScopeWhere(scope)];
  if (filter.status) and.push({ status: { in: filter.status } });
  // "What does Alex owe?" asks about work still to do: an owner's list is their open actions
  // unless the question names a status or RAG ("what has Alex completed?").
  else if (filter.owner && !filter.rag) and.push({ status: 'open' });
  if (filter.overdue) and.push({ status: 'open', dueDate: { lt: dateOnly(today) } });
  const due = filter.due && resolvePeriod(filter.due, today, 'future');
  if (due) and.push({ status: 'open', dueDate: dueDateBounds(due) });
  const staleDays = filter.stale && (filter.stale.days ?? ctx.ragWindows.staleDays);
  if (staleDays) and.push({ status: 'open', ...quietWhere(today, staleDays) });
  if (filter.rag) and.push({ OR: filter.rag.map((r) => ragWhere(r, today, ctx.ragWindows)) });
  return { where: { AND: and }, due, staleDays };
}

export async function listActions(
  ctx: CoreContext,
  query: ListQuery,
  opts: { page?: number; pageSize: number; asker?: Asker },
): Promise<ListResult> {
  const { filter } = query;
  const page = opts.page ?? 0;
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = await resolveScope(ctx, { plan: filter.plan, board: filter.board, owner: filter.owner }, opts.asker);
  const { where, due, staleDays } = filterWhere(filter, scope, today, ctx);
  const base = { kind: 'list' as const, query, labels: scope.labels, ...(due && { due }), ...(staleDays && { staleDays }), page, pageSize: opts.pageSize };
  const prisma = ctx.db.prisma;

  const [perPlan, planKey] = await Promise.all([prisma.action.groupBy({ by: ['planId'], where, _count: { _all: true } }), planKeys(ctx)]);
  const counts = perPlan.map((g) => ({ planId: g.planId, n: g._count._all })).sort((a, b) => byText(planKey.get(a.planId) ?? '', planKey.get(b.planId) ?? ''));
  const total = counts.reduce((sum, c) => sum + c.n, 0);
  const slices = pageSlices(counts, page * opts.pageSize, opts.pageSize);
  // Each slice is one plan's rows in position order: ordering by the plan's key in SQL would join
  // Plan and sort every matching action (PostgreSQL cannot stop early through that outer join).
  const slice = (s: (typeof slices)[number]) => ({ where: { AND: [where, { planId: s.planId }] }, orderBy: { position: 'asc' as const }, skip: s.skip, take: s.take });
  const ids = await Promise.all(slices.map((s) => prisma.action.findMany({ ...slice(s), select: { id: true } })));
  return { ...base, total, actions: await viewsById(ctx, ids.flat().map((r) => r.id)) };
}

/** Plan keys by id (tens of rows), past Prisma as the views are: its own work was most of this read's time. */
async function planKeys(ctx: CoreContext): Promise<Map<string, string>> {
  const plans = (await ctx.db.queryRows(`SELECT "id", "key" FROM "Plan"`, [])) as [string, string][];
  return new Map(plans);
}

/** Which rows of which plans a page covers, given each plan's matching count in plan order. */
function pageSlices(counts: { planId: string; n: number }[], offset: number, size: number): { planId: string; skip: number; take: number }[] {
  const slices = [];
  for (const { planId, n } of counts) {
    if (size <= 0) break;
    if (offset >= n) {
      offset -= n;
      continue;
    }
    const take = Math.min(n - offset, size);
    slices.push({ planId, skip: offset, take });
    size -= take;
    offset = 0;
  }
  return slices;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
