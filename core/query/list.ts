/**
 * Lists actions matching a filter, one page at a time. Every filter, effective RAG included
 * (core/store/action-filter.ts), is exact in SQL, so the count and the page come straight from the
 * database and only the page's rows are loaded with owners.
 */
import type { CoreContext } from '../context';
import type { ActionOutcome } from '../domain';
import type { ActionView } from '../actions/view';
import { actionPage } from '../actions/view-loader';
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
  reviewDueBy,
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
  /** Only risk acceptances to review on or before this day. */
  reviewDueBy?: string;
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

export function filterWhere(
  filter: ListFilter,
  scope: Scope,
  today: string,
  ctx: Pick<CoreContext, 'ragWindows'>,
): { where: ActionFilter; due?: DateSpan; staleDays?: number } {
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

function narrowed({
  section,
  priority,
  dueRevised: revised,
  outcome,
  reviewDueBy: review,
  ids,
}: ListNarrowing): ActionFilter[] {
  return [
    ...(section ? [inSection(section)] : []),
    ...(priority ? [withPriority(priority)] : []),
    ...(revised ? [dueRevised] : []),
    ...(outcome ? [withOutcome(outcome)] : []),
    ...(review ? [reviewDueBy(review)] : []),
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
  const base = {
    kind: 'list' as const,
    query,
    labels: scope.labels,
    ...(due && { due }),
    ...(staleDays && { staleDays }),
    page,
    pageSize: opts.pageSize,
  };
  const offset = page * opts.pageSize;
  // Written into the page's SQL, so checked here whatever the caller checked.
  if (![offset, opts.pageSize].every((x) => Number.isSafeInteger(x) && x >= 0))
    throw new RangeError(`a page is whole rows (offset ${offset}, size ${opts.pageSize})`);
  return { ...base, ...(await actionPage(ctx, { where, order: 'plan', offset, size: opts.pageSize })) };
}
