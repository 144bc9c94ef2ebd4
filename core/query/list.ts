/**
 * Lists actions matching a filter, one page at a time. Every filter, effective RAG included
 * (core/store/action-filter.ts), is exact in SQL, so the count and the page come straight from the
 * database and only the page's rows are loaded with owners.
 */
import type { CoreContext } from '../context';
import type { ActionOutcome } from '../domain';
import type { ActionView } from '../actions/view';
import { actionViews, countActions, viewsById } from '../actions/view-loader';
import {
  allOf,
  anyOf,
  dueOnDays,
  dueRevised,
  inSection,
  overdueOn,
  quietFor,
  ragIs,
  statusIs,
  withIds,
  withOutcome,
  withPriority,
  type ActionFilter,
} from '../store/action-filter';
import { localDate } from '../time';
import { resolvePeriod, type DateSpan } from './period';
import { resolveScope, scopeFilter, type Asker, type Scope } from './scope';
import type { ListFilter, Query } from './types';

export type ListQuery = Extract<Query, { kind: 'list' }>;

/** What a list may be narrowed by beyond what a question can say (the board tab's tables and filters). */
export interface ListNarrowing {
  section?: string;
  priority?: string;
  /** Only actions whose due date was moved. */
  dueRevised?: boolean;
  outcome?: ActionOutcome;
  /** Only these actions. */
  ids?: readonly string[];
}

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

export function filterWhere(filter: ListFilter, scope: Scope, today: string, ctx: Pick<CoreContext, 'ragWindows'>): { where: ActionFilter; due?: DateSpan; staleDays?: number } {
  const and: ActionFilter[] = [scopeFilter(scope)];
  if (filter.status) and.push(statusIs(...filter.status));
  // "What does Alex owe?" asks about work still to do: an owner's list is their open actions
  // unless the question names a status or RAG ("what has Alex completed?").
  else if (filter.owner && !filter.rag) and.push(statusIs('open'));
  if (filter.overdue) and.push(overdueOn(today));
  const due = filter.due && resolvePeriod(filter.due, today, 'future');
  if (due) and.push(statusIs('open'), dueOnDays(due.from, due.to));
  const staleDays = filter.stale && (filter.stale.days ?? ctx.ragWindows.staleDays);
  if (staleDays) and.push(statusIs('open'), quietFor(today, staleDays));
  if (filter.rag) and.push(anyOf(filter.rag.map((r) => ragIs(r, today, ctx.ragWindows))));
  return { where: allOf(and), due, staleDays };
}

function narrowed({ section, priority, dueRevised: revised, outcome, ids }: ListNarrowing): ActionFilter[] {
  return [
    ...(section ? [inSection(section)] : []),
    ...(priority ? [withPriority(priority)] : []),
    ...(revised ? [dueRevised] : []),
    ...(outcome ? [withOutcome(outcome)] : []),
    ...(ids ? [withIds(ids)] : []),
  ];
}

export async function listActions(
  ctx: CoreContext,
  query: ListQuery,
  opts: { page?: number; pageSize: number; asker?: Asker; narrowing?: ListNarrowing },
): Promise<ListResult> {
  const { filter } = query;
  const page = opts.page ?? 0;
  const today = localDate(ctx.now(), ctx.timeZone);
  const scope = await resolveScope(ctx, { plan: filter.plan, board: filter.board, owner: filter.owner }, opts.asker);
  const filtered = filterWhere(filter, scope, today, ctx);
  const { due, staleDays } = filtered;
  const where = allOf([filtered.where, ...narrowed(opts.narrowing ?? {})]);
  const base = { kind: 'list' as const, query, labels: scope.labels, ...(due && { due }), ...(staleDays && { staleDays }), page, pageSize: opts.pageSize };
  const offset = page * opts.pageSize;
  // Written into the page's SQL, so checked here whatever the caller checked.
  if (![offset, opts.pageSize].every((x) => Number.isSafeInteger(x) && x >= 0)) throw new RangeError(`a page is whole rows (offset ${offset}, size ${opts.pageSize})`);
  if (ctx.db.provider === 'postgresql') {
    const [total, actions] = await Promise.all([countActions(ctx, where), actionViews(ctx, { where, order: 'plan', page: { offset, size: opts.pageSize } })]);
    return { ...base, total, actions };
  }
  const { total, ids } = await pageByPlan(ctx, where, offset, opts.pageSize);
  return { ...base, total, actions: await viewsById(ctx, ids) };
}

/**
 * A page in plan order on SQLite, which would sort every matching action to order them by their plan's
 * key: per-plan counts (which are also the total) first, then each plan's slice of the page in position
 * order. SQLite runs in process, so the second round costs little.
 */
async function pageByPlan(ctx: CoreContext, condition: ActionFilter, offset: number, size: number): Promise<Page> {
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
