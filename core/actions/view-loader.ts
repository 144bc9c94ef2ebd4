/**
 * Action views for pages and lists, read past Prisma's relation queries (ARCHITECTURE "Reads go through
 * Prisma"): the view's `include` is eight queries, each with ~0.25 ms of ORM work on top of its SQL, which
 * was most of what answering "what's red?" cost beyond its SQL. Here the filter, order and page still go
 * through Prisma, for the ids alone, and three queries through the driver (Db.queryRows) build the views.
 * They run outside any transaction: inside one, read with loadView (core/actions/change.ts).
 */
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import { append } from '../groups';
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
  const list = ids.map((_, i) => `$${i + 1}`).join(', ');
  const [actions, owners, notes] = await Promise.all([
    ctx.db.queryRows(
      `SELECT a."id", a."planId", a."ref", a."text", a."dueDate", a."dueText", a."duePrecision", a."status", a."reportedRag", a."reportedRagAt", a."completedAt",
         a."lastUpdateAt", a."createdAt", a."version", p."key", p."title", r."ref", r."text", r."section"
       FROM "Action" a JOIN "Plan" p ON p."id" = a."planId" JOIN "Recommendation" r ON r."id" = a."recommendationId"
       WHERE a."id" IN (${list})`,
      ids,
    ),
    ctx.db.queryRows(
      // The post's name as a subquery and the holders as one nested join, so that PostgreSQL looks each up
      // by index: as plain joins it hashed every post and holding (~1 ms a page at 50,000 actions, growing).
      `SELECT o."actionId", o."postId", o."roleLabel", (SELECT po."name" FROM "Post" po WHERE po."id" = o."postId"), pe."id", pe."displayName", pe."aadObjectId", pe."teamsUserId"
       FROM "ActionOwner" o LEFT JOIN ("PostHolding" h JOIN "Person" pe ON pe."id" = h."personId") ON h."postId" = o."postId" AND h."to" IS NULL
       WHERE o."actionId" IN (${list}) ORDER BY o."actionId", o."position", h."from", h."id"`,
      ids,
    ),
    ctx.db.queryRows(`SELECT u."actionId", u."at", u."text", u."authorName" FROM "Update" u WHERE u."kind" = 'progress' AND u."actionId" IN (${list}) ORDER BY u."at" DESC, u."createdAt" DESC`, ids),
  ]);
  const ownersOf = new Map<string, ViewRow['owners']>();
  for (const [actionId, postId, roleLabel, name, personId, displayName, aadObjectId, teamsUserId] of owners as OwnerRow[]) {
    // One row per holder: a job share's second holder joins the owner its first made.
    let owner = ownersOf.get(actionId)?.at(-1);
    if (owner?.postId !== postId) append(ownersOf, actionId, (owner = { postId, roleLabel, post: { name, holdings: [] } }));
    if (personId !== null) owner.post.holdings.push({ person: { id: personId, displayName: displayName!, aadObjectId, teamsUserId } });
  }
  const notesOf = new Map<string, ViewRow['updates']>();
  for (const [actionId, at, text, authorName] of notes as NoteRow[]) append(notesOf, actionId, { at: new Date(at), text, authorName });
  const byId = new Map<string, ActionView>();
  const today = localDate(ctx.now(), ctx.timeZone);
  for (const [id, planId, ref, text, dueDate, dueText, duePrecision, status, reportedRag, reportedRagAt, completedAt, lastUpdateAt, createdAt, version, planKey, planTitle, recRef, recText, section] of actions as ActionRow[]) {
    const row: ViewRow = {
      id,
      planId,
      ref,
      text,
      dueDate: date(dueDate),
      dueText,
      duePrecision,
      status,
      reportedRag,
      reportedRagAt: date(reportedRagAt),
      completedAt: date(completedAt),
      lastUpdateAt: date(lastUpdateAt),
      createdAt: new Date(createdAt),
      version: Number(version),
      plan: { key: planKey, title: planTitle },
      recommendation: { ref: recRef, text: recText, section },
      owners: ownersOf.get(id) ?? [],
      updates: notesOf.get(id) ?? [],
    };
    byId.set(id, toActionView(row, ctx, today));
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Timestamps come from the driver as UTC text. */
const date = (text: string | null) => (text === null ? null : new Date(text));

type ActionRow = [string, string, string, string, string | null, string | null, string, string, string | null, string | null, string | null, string | null, string, number | bigint, string, string, string, string, string | null];
type OwnerRow = [string, string, string | null, string, string | null, string | null, string | null, string | null];
type NoteRow = [string, string, string | null, string | null];
