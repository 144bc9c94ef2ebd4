/**
 * Action views for pages and lists, read through the store (core/store/action-views.ts) in one
 * statement on either database. They run outside any transaction: inside one, read with loadView
 * (core/actions/change.ts), which stays on Prisma, whose transaction the store cannot join.
 */
import type { CoreContext } from '../context';
import type { ActionFilter } from '../store/action-filter';
import {
  actionViewPage,
  actionViewRows,
  idIn,
  type ActionViewRow,
  type ViewOrder,
  type ViewSelection,
} from '../store/action-views';
import { localDate } from '../time';
import { toActionView, type ActionView, type ViewRow } from './view';

export type { ViewOrder } from '../store/action-views';

/** The actions `where` selects as views, in `order`, one page of them when asked. */
export async function actionViews(ctx: CoreContext, selection: ViewSelection): Promise<ActionView[]> {
  const today = localDate(ctx.now(), ctx.timeZone);
  return (await actionViewRows(ctx.db, selection)).map((row) => toActionView(viewRow(row), ctx, today));
}

/** A page of the actions `where` selects, as views in `order`, and how many it selects in all. */
export async function actionPage(
  ctx: CoreContext,
  selection: { where: ActionFilter; order: ViewOrder; offset: number; size: number },
): Promise<{ total: number; actions: ActionView[] }> {
  const { where, order, offset, size } = selection;
  const today = localDate(ctx.now(), ctx.timeZone);
  const page = await actionViewPage(ctx.db, { where, order, page: { offset, size } });
  const actions = page.rows.map((row) => toActionView(viewRow(row), ctx, today));
  // A page past the end has no row to carry the count.
  return { total: page.total ?? (offset ? await countActions(ctx, where) : 0), actions };
}

/** How many actions `where` selects. */
export async function countActions(ctx: Pick<CoreContext, 'db'>, where: ActionFilter): Promise<number> {
  const { n } = await ctx.db.store
    .selectFrom('Action as a')
    .where(where)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The views of these actions, in the order of `ids` (ids of no action are left out). */
export async function viewsById(ctx: CoreContext, ids: readonly string[]): Promise<ActionView[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await actionViews(ctx, { where: idIn(ctx.db, ids) })).map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The store's row in the shape Prisma's include gives, which toActionView reads; field by field, since
 * rest and spread over a list's rows cost more than naming them.
 */
function viewRow(row: ActionViewRow): ViewRow {
  return {
    id: row.id,
    planId: row.planId,
    ref: row.ref,
    text: row.text,
    dueDate: row.dueDate,
    dueText: row.dueText,
    duePrecision: row.duePrecision,
    status: row.status,
    reportedRag: row.reportedRag,
    reportedRagAt: row.reportedRagAt,
    completedAt: row.completedAt,
    lastUpdateAt: row.lastUpdateAt,
    createdAt: row.createdAt,
    version: row.version,
    originalDueDate: row.originalDueDate,
    originalDueText: row.originalDueText,
    dueRevisions: row.dueRevisions,
    priority: row.priority,
    outcome: row.outcome,
    outcomeReason: row.outcomeReason,
    reviewDate: row.reviewDate,
    updateDueBy: row.updateDueBy,
    completedById: row.completedById,
    plan: { key: row.planKey, title: row.planTitle },
    recommendation: { ref: row.recommendationRef, text: row.recommendationText, section: row.section },
    owners: row.owners.map((o) => ({
      postId: o.postId,
      roleLabel: o.roleLabel,
      post: { name: o.post, holdings: o.holders.map((person) => ({ person })) },
    })),
    updates: row.notes,
  };
}
