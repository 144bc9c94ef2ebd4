/**
 * Lists actions matching a filter, one page at a time. Every filter, effective RAG included
 * (core/query/rag-where.ts), is exact in SQL, so the count and the page come straight from the database
 * and only the page's rows are loaded with owners.
 */
import type { RawBuilder, SqlBool } from '../store';
import type { Prisma } from '../db/client';
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { viewsById, viewsOfPlanOrderPage } from '../actions/view-loader';
import { dateOnly, localDate } from '../time';
import { dueDateBounds, resolvePeriod, type DateSpan } from './period';
import { quietWhere, ragWhere } from './rag-where';
import { actionScopeWhere, resolveScope, type Asker, type Scope } from './scope';
import { actionWhere } from './where-sql';
import type { ListFilter, Query } from './types';

export type ListQuery = Extract<Query, { kind: 'list' }>;

type Condition = RawBuilder<SqlBool>;

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
  opts: { page?: number; pageSize: number; asker?: Asker; also?: Prisma.ActionWhereInput },
): Promise<ListResult> {
  const { filter } = query;
  const page = opts.page ?? 0;
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = await resolveScope(ctx, { plan: filter.plan, board: filter.board, owner: filter.owner }, opts.asker);
  const filtered = filterWhere(filter, scope, today, ctx);
  const { due, staleDays } = filtered;
  // `also`: conditions a caller adds beyond what a question can say (the board tab's section and priority).
  const where = opts.also ? { AND: [filtered.where, opts.also] } : filtered.where;
  const base = { kind: 'list' as const, query, labels: scope.labels, ...(due && { due }), ...(staleDays && { staleDays }), page, pageSize: opts.pageSize };
  const condition = actionWhere(where);
  const offset = page * opts.pageSize;
  // Written into PostgreSQL's page SQL (pageInPlanOrder), so checked here whatever the caller checked.
  if (![offset, opts.pageSize].every((x) => Number.isSafeInteger(x) && x >= 0)) throw new RangeError(`a page is whole rows (offset ${offset}, size ${opts.pageSize})`);
  if (ctx.db.provider === 'postgresql') return { ...base, ...(await pageInPlanOrder(ctx, condition, offset, opts.pageSize)) };
  const { total, ids } = await pageByPlan(ctx, condition, offset, opts.pageSize);
  return { ...base, total, actions: await viewsById(ctx, ids) };
}

/**
 * A page of matching actions in plan order, as views, and their count, through the store (ARCHITECTURE
 * "Reads"): each Prisma call cost ~0.3 ms of its own, and Prisma orders by the plan's key through an
 * outer join, which PostgreSQL cannot stop early through. Through the inner join it walks the plans in key
 * order and stops at the page's end, so the count and the page go at once, and the page's views in the
 * page's own statement (viewsOfPlanOrderPage).
 */
async function pageInPlanOrder(ctx: CoreContext, condition: Condition, offset: number, size: number): Promise<{ total: number; actions: ActionView[] }> {
  const [{ n }, actions] = await Promise.all([
    ctx.db.store.selectFrom('Action as a').where(condition).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    viewsOfPlanOrderPage(ctx, condition, offset, size),
  ]);
  return { total: Number(n), actions };
}

/**
 * The same for SQLite, which sorts every matching action for that join (6.7 ms at 50,000 actions against
 * 0.07 ms for one plan's rows): per-plan counts (which are also the total) first, then each plan's slice of
 * the page in position order. SQLite runs in process, so the second round costs little.
 */
async function pageByPlan(ctx: CoreContext, condition: Condition, offset: number, size: number): Promise<Page> {
  const { store } = ctx.db;
  const [perPlan, planKey] = await Promise.all([
    store.selectFrom('Action as a').where(condition).groupBy('a.planId').select((eb) => ['a.planId', eb.fn.countAll().as('n')]).execute(),
    planKeys(ctx),
  ]);
  const counts = perPlan.map(({ planId, n }) => ({ planId, n: Number(n) })).sort((a, b) => byText(planKey.get(a.planId) ?? '', planKey.get(b.planId) ?? ''));
  const slice = (s: Slice) =>
    store
      .selectFrom('Action as a')
      .where(condition)
      .where('a.planId', '=', s.planId)
      .orderBy('a.position')
      .orderBy('a.id')
      .limit(s.take)
      .offset(s.skip)
      .select('a.id')
      .execute();
  const slices = await Promise.all(pageSlices(counts, offset, size).map(slice));
  return { total: counts.reduce((sum, c) => sum + c.n, 0), ids: slices.flat().map(({ id }) => id) };
}

interface Page {
  total: number;
  ids: string[];
}

/** Plan keys by id (tens of rows). */
async function planKeys(ctx: CoreContext): Promise<Map<string, string>> {
  return new Map((await ctx.db.store.selectFrom('Plan').select(['id', 'key']).execute()).map((p) => [p.id, p.key]));
}

interface Slice {
  planId: string;
  skip: number;
  take: number;
}

/** Which rows of which plans a page covers, given each plan's matching count in plan order. */
function pageSlices(counts: { planId: string; n: number }[], offset: number, size: number): Slice[] {
  const slices: Slice[] = [];
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
