/**
 * Action views for pages and lists, read through the store (core/store/action-views.ts) rather than
 * Prisma's relation queries: the view's `include` is eight queries, each with ORM work on top of its SQL,
 * which was most of what answering "what's red?" cost beyond its SQL. Here the filter, order and page go
 * through Prisma for the ids alone (or, for a list on PostgreSQL, in the views' own statement), and
 * one statement builds the views on either database. They run outside any transaction: inside one, read
 * with loadView (core/actions/change.ts), which stays on Prisma, whose transaction the store cannot join.
 */
import { sql, type Expression, type SqlBool } from '../store';
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import { actionViewRows, idIn, type ActionViewRow, type ViewSelection } from '../store/action-views';
import { localDate } from '../time';
import { toActionView, type ActionView, type ViewRow } from './view';

/** Plan order: the plan's key, then the action's place in it. */
export const PLAN_ORDER = [{ plan: { key: 'asc' } }, { position: 'asc' }] satisfies Prisma.ActionOrderByWithRelationInput[];

/** Actions matching a Prisma query (filter, order, page) as views, in its order. */
export async function findActionViews(ctx: CoreContext, query: Pick<Prisma.ActionFindManyArgs, 'where' | 'orderBy' | 'skip' | 'take'>): Promise<ActionView[]> {
  const rows = await ctx.db.prisma.action.findMany({ ...query, select: { id: true } });
  return viewsById(ctx, rows.map((r) => r.id));
}

/** Actions matching a Prisma filter, in plan order, as views. */
export function listActionViews(ctx: CoreContext, where: Prisma.ActionWhereInput, take?: number): Promise<ActionView[]> {
  return findActionViews(ctx, { where, orderBy: PLAN_ORDER, take });
}

/** The views of these actions, in the order of `ids` (ids of no action are left out). */
export async function viewsById(ctx: CoreContext, ids: readonly string[]): Promise<ActionView[]> {
  if (ids.length === 0) return [];
  const byId = new Map((await views(ctx, { where: idIn(ctx.db, ids) })).map((v) => [v.id, v]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * PostgreSQL: the views of a page of the actions `condition` selects, in plan order, in the page's own
 * statement: a question's views need not wait a round trip for the page's ids. LIMIT and OFFSET are
 * written into the SQL: as parameters, the generic plan PostgreSQL keeps for a prepared statement cannot
 * know a page is ten rows, and scanned and sorted every match.
 */
export function viewsOfPlanOrderPage(ctx: CoreContext, condition: Expression<SqlBool>, offset: number, size: number): Promise<ActionView[]> {
  const page = ctx.db.store
    .selectFrom('Action as a')
    .innerJoin('Plan as p', 'p.id', 'a.planId')
    .where(condition)
    .orderBy('p.key')
    .orderBy('a.position')
    .orderBy('a.id')
    .limit(sql.lit(size))
    .offset(sql.lit(offset))
    .select('a.id');
  return views(ctx, { where: (eb) => eb('a.id', 'in', page), planOrder: true });
}

async function views(ctx: CoreContext, selection: ViewSelection): Promise<ActionView[]> {
  const today = localDate(ctx.now(), ctx.timeZone);
  return (await actionViewRows(ctx.db, selection)).map((row) => toActionView(viewRow(row), ctx, today));
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
