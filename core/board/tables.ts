/**
 * A board's tables for its tab and its meetings: each is a list question's answer (what's red, what's
 * overdue, ...) narrowed by the tab's filters, so the board reads exactly what the bot says.
 */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { extensionState, type ExtensionState } from '../actions/extension';
import type { BoardRow } from '../digest/boards';
import type { BoardTable, Priority } from '../domain';
import { listActions, type ListNarrowing } from '../query/list';
import type { ListFilter } from '../query/types';

export interface BoardTableQuery {
  table: BoardTable;
  page: number;
  pageSize: number;
  plan?: string;
  section?: string;
  post?: string;
  priority?: Priority;
}

export interface BoardTablePage {
  total: number;
  page: number;
  pageSize: number;
  /** On the extensions table, each action's pending request. */
  actions: (ActionView & { request?: ExtensionState })[];
}

/** Each table as a list question's filter, plus what a question cannot say. */
function tableFilter(table: BoardTable): { filter: ListFilter; also?: ListNarrowing } {
  switch (table) {
    case 'red':
      return { filter: { rag: ['RED'] } };
    case 'overdue':
      return { filter: { overdue: true } };
    case 'awaiting':
      return { filter: { status: ['awaiting_verification'] } };
    case 'slipped':
      return { filter: { status: ['open'] }, also: { dueRevised: true } };
    case 'riskAccepted':
      return { filter: { status: ['closed'] }, also: { outcome: 'risk_accepted' } };
    case 'extensions':
      return { filter: {} };
  }
}

/** `more` narrows a table further than the tab's filters can (the meeting's reviews due). */
export async function boardTable(
  ctx: CoreContext,
  board: BoardRow,
  q: BoardTableQuery,
  more: ListNarrowing = {},
): Promise<BoardTablePage> {
  const { filter, also } = tableFilter(q.table);
  const requests = q.table === 'extensions' ? await pendingRequests(ctx, board) : null;
  const narrowing: ListNarrowing = {
    ...also,
    ...more,
    ...(q.section && { section: q.section }),
    ...(q.priority && { priority: q.priority }),
    ...(requests && { ids: [...requests.keys()] }),
  };
  const result = await listActions(
    ctx,
    {
      kind: 'list',
      filter: {
        ...filter,
        board: board.key,
        ...(q.plan && { plan: q.plan.toUpperCase() }),
        ...(q.post && { owner: { post: q.post } }),
      },
      tagOwners: false,
    },
    { page: q.page, pageSize: q.pageSize, narrowing },
  );
  const withRequest = async (a: ActionView) => {
    const id = requests?.get(a.id);
    return id ? { ...a, request: await extensionState(ctx, id) } : a;
  };
  return {
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
    actions: await Promise.all(result.actions.map(withRequest)),
  };
}

/** Pending requests by action (the oldest, when an owner asked twice). */
async function pendingRequests(ctx: CoreContext, board: BoardRow): Promise<Map<string, string>> {
  const rows = await ctx.db.prisma.extensionRequest.findMany({
    where: { status: 'pending', action: { plan: { boards: { some: { boardId: board.id } } } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, actionId: true },
  });
  return new Map(rows.map((r) => [r.actionId, r.id]));
}
