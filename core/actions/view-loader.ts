/**
 * Action views for pages and lists, read past Prisma's relation queries (ARCHITECTURE "Reads go through
 * Prisma"): the view's `include` is eight queries, each with ~0.25 ms of ORM work on top of its SQL, which
 * was most of what answering "what's red?" cost beyond its SQL. Here the filter, order and page go
 * through Prisma for the ids alone (or, for a list on PostgreSQL, as SQL in the views' own statement), and
 * the driver (Db.queryRows) builds the views: one statement on PostgreSQL, three on SQLite. They run
 * outside any transaction: inside one, read with loadView (core/actions/change.ts).
 */
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import { append } from '../groups';
import { localDate } from '../time';
import { toActionView, type ActionView, type ViewRow } from './view';

/** Plan order: the plan's key, then the action's place in it. */
export const PLAN_ORDER = [{ plan: { key: 'asc' } }, { position: 'asc' }] satisfies Prisma.ActionOrderByWithRelationInput[];

/** Plan order in SQL over Action a and Plan p; the id breaks ties in position, so a page is the same page each time it is read. */
export const PLAN_ORDER_SQL = `p."key", a."position", a."id"`;

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
  if (ctx.db.provider === 'postgresql') return viewsInOneStatement(ctx, `SELECT * FROM unnest($1::text[]) WITH ORDINALITY AS k("id", n)`, [ids], 'k.n');
  // SQLite runs in process, where a statement costs no round trip: three plain ones. The ids go as one
  // JSON array, so each statement is one text, prepared once, for any number of ids (one parameter an
  // id stopped at SQLite's 32,766).
  const list = `SELECT value FROM json_each($1)`;
  const idsJson = [JSON.stringify(ids)];
  const [actions, owners, notes] = await Promise.all([
    ctx.db.queryRows(`SELECT ${ACTION_COLUMNS} FROM "Action" a ${ACTION_JOINS} WHERE a."id" IN (${list})`, idsJson),
    ctx.db.queryRows(`SELECT o."actionId", ${OWNER_COLUMNS} FROM ${SQLITE_OWNERS} WHERE o."actionId" IN (${list}) ORDER BY o."actionId", ${OWNER_ORDER}`, idsJson),
    ctx.db.queryRows(`SELECT u."actionId", u."at", u."text", u."authorName" FROM "Update" u WHERE ${NOTES} AND u."actionId" IN (${list}) ORDER BY ${NOTE_ORDER}`, idsJson),
  ]);
  const ownersOf = new Map<string, OwnerTuple[]>();
  for (const [actionId, ...owner] of owners as [string, ...OwnerTuple][]) append(ownersOf, actionId, owner);
  const notesOf = new Map<string, NoteTuple[]>();
  for (const [actionId, ...note] of notes as [string, ...NoteTuple][]) append(notesOf, actionId, note);
  const byId = new Map<string, ActionView>();
  const today = localDate(ctx.now(), ctx.timeZone);
  for (const row of actions as ActionRow[]) byId.set(row[0], toActionView(viewRow(row, ownersOf.get(row[0]), notesOf.get(row[0])), ctx, today));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * PostgreSQL: the views of the actions a page query selects (`pageSql`: `SELECT a."id" FROM "Action" a
 * JOIN "Plan" p …` in PLAN_ORDER_SQL with its own LIMIT and OFFSET), in that order, in the page's own
 * statement: a question's views need not wait a round trip for the page's ids.
 */
export function viewsOfPlanOrderPage(ctx: CoreContext, pageSql: string, args: unknown[]): Promise<ActionView[]> {
  return viewsInOneStatement(ctx, pageSql, args, PLAN_ORDER_SQL);
}

/**
 * The views of the actions `source` selects (a column "id"), ordered by `order`, in one statement:
 * owners and progress notes come as JSON arrays, one per action. One round trip, where three queries
 * in parallel each waited for a connection and a core, and one snapshot for the page and its views.
 */
async function viewsInOneStatement(ctx: CoreContext, source: string, args: unknown[], order: string): Promise<ActionView[]> {
  const rows = await ctx.db.queryRows(
    `SELECT ${ACTION_COLUMNS},
       (SELECT json_agg(json_build_array(${OWNER_COLUMNS}) ORDER BY ${OWNER_ORDER}) FROM ${POSTGRES_OWNERS} WHERE o."actionId" = a."id"),
       (SELECT json_agg(json_build_array(to_char(u."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), u."text", u."authorName") ORDER BY ${NOTE_ORDER}) FROM "Update" u WHERE ${NOTES} AND u."actionId" = a."id")
     FROM (${source}) k JOIN "Action" a ON a."id" = k."id" ${ACTION_JOINS} ORDER BY ${order}`,
    args,
  );
  const today = localDate(ctx.now(), ctx.timeZone);
  return (rows as [...ActionRow, string | null, string | null][]).map((row) => {
    const [owners, notes] = row.slice(-2) as (string | null)[];
    return toActionView(viewRow(row as unknown as ActionRow, owners === null ? undefined : JSON.parse(owners), notes === null ? undefined : JSON.parse(notes)), ctx, today);
  });
}

const ACTION_COLUMNS = `a."id", a."planId", a."ref", a."text", a."dueDate", a."dueText", a."duePrecision", a."status", a."reportedRag", a."reportedRagAt", a."completedAt",
  a."lastUpdateAt", a."createdAt", a."version", p."key", p."title", r."ref", r."text", r."section",
  a."originalDueDate", a."originalDueText", a."dueRevisions", a."priority", a."outcome", a."outcomeReason", a."reviewDate", a."completedById"`;
const ACTION_JOINS = `JOIN "Plan" p ON p."id" = a."planId" JOIN "Recommendation" r ON r."id" = a."recommendationId"`;
// The post's name as a subquery, so that PostgreSQL looks it up by index: as a plain join it hashed
// every post (~1 ms a page at 50,000 actions, growing).
const OWNER_COLUMNS = `o."postId", o."roleLabel", (SELECT po."name" FROM "Post" po WHERE po."id" = o."postId"), pe."id", pe."displayName", pe."aadObjectId", pe."teamsUserId"`;
// Each owner's current holders. PostgreSQL takes them as one nested join, which it looks up by index
// (as plain joins it hashed every holding); SQLite builds a nested join whole, every current holding,
// before joining it (~0.2 ms a page at 10,000 actions, growing), so it takes plain joins, which it looks
// up by index. A holding's person always exists (a foreign key), so both read the same rows.
const POSTGRES_OWNERS = `"ActionOwner" o LEFT JOIN ("PostHolding" h JOIN "Person" pe ON pe."id" = h."personId") ON h."postId" = o."postId" AND h."to" IS NULL`;
const SQLITE_OWNERS = `"ActionOwner" o LEFT JOIN "PostHolding" h ON h."postId" = o."postId" AND h."to" IS NULL LEFT JOIN "Person" pe ON pe."id" = h."personId"`;
const OWNER_ORDER = `o."position", h."from", h."id"`;
const NOTES = `u."kind" = 'progress'`;
const NOTE_ORDER = `u."at" DESC, u."createdAt" DESC`;

/** An action's row with its owner rows (one per holder, in owner order) and progress notes (newest first). */
function viewRow(
  [
    id, planId, ref, text, dueDate, dueText, duePrecision, status, reportedRag, reportedRagAt, completedAt, lastUpdateAt, createdAt, version,
    planKey, planTitle, recRef, recText, section,
    originalDueDate, originalDueText, dueRevisions, priority, outcome, outcomeReason, reviewDate, completedById,
  ]: ActionRow,
  ownerRows: OwnerTuple[] = [],
  noteRows: NoteTuple[] = [],
): ViewRow {
  const owners: ViewRow['owners'] = [];
  for (const [postId, roleLabel, name, personId, displayName, aadObjectId, teamsUserId] of ownerRows) {
    // One row per holder: a job share's second holder joins the owner its first made.
    let owner = owners.at(-1);
    if (owner?.postId !== postId) owners.push((owner = { postId, roleLabel, post: { name, holdings: [] } }));
    if (personId !== null) owner.post.holdings.push({ person: { id: personId, displayName: displayName!, aadObjectId, teamsUserId } });
  }
  return {
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
    originalDueDate: date(originalDueDate),
    originalDueText,
    dueRevisions: Number(dueRevisions),
    priority,
    outcome,
    outcomeReason,
    reviewDate: date(reviewDate),
    completedById,
    plan: { key: planKey, title: planTitle },
    recommendation: { ref: recRef, text: recText, section },
    owners,
    updates: noteRows.map(([at, text, authorName]) => ({ at: new Date(at), text, authorName })),
  };
}

/** Timestamps come from the driver as UTC text. */
const date = (text: string | null) => (text === null ? null : new Date(text));

type ActionRow = [
  string, string, string, string, string | null, string | null, string, string, string | null, string | null, string | null, string | null, string, number | bigint,
  string, string, string, string, string | null,
  string | null, string | null, number | bigint, string | null, string | null, string | null, string | null, string | null,
];
/** postId, roleLabel, post name, then the holder (all null for a post nobody holds): id, displayName, aadObjectId, teamsUserId. */
type OwnerTuple = [string, string | null, string, string | null, string | null, string | null, string | null];
/** at, text, authorName. */
type NoteTuple = [string, string | null, string | null];
