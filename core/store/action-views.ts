/**
 * The rows action views are made of (core/actions/view.ts), in one statement on both databases: the
 * action with its plan and recommendation, its owners with the people holding their posts and its
 * progress notes as JSON arrays, one of each per action. Callers narrow the statement (which actions,
 * in which order, which page); the owners and notes are read only for the rows it returns.
 */
import { expressionBuilder, sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Provider } from '../db/client';
import { jsonArrayFrom, type DB, type Store } from '.';
import type { ActionFilter } from './action-filter';

/** The database a statement reads and which one it is: its JSON is spelt differently on each. */
export interface StoreDb {
  store: Store;
  provider: Provider;
}

type ViewTables = DB & { a: DB['Action']; p: DB['Plan']; r: DB['Recommendation'] };

/** What a view is built from: the action's columns, and its owners and notes already read from JSON. */
export type ActionViewRow = Awaited<ReturnType<typeof actionViewRows>>[number];

/**
 * How views are listed: in plan order (the plan's key, then the action's place in it); by due date,
 * undated last (an owner's actions, most urgent first); longest overdue first; latest completed first.
 * The id breaks ties, so every page is read the same way and none repeats or skips an action.
 */
export type ViewOrder = 'plan' | 'due' | 'longestOverdue' | 'latestCompleted';

export interface ViewSelection {
  /** A condition on the action `a` (core/store/action-filter.ts). */
  where: ActionFilter;
  order?: ViewOrder;
  /** A page of the ordered rows; all of them when absent. */
  page?: { offset: number; size: number };
}

/** The rows of the actions `where` selects, in `order`, one page of them when asked. */
export async function actionViewRows(db: StoreDb, selection: ViewSelection) {
  return readRows(await selectedViews(db, selection).execute());
}

/**
 * A page of the rows and how many actions `where` selects in all, in one statement: the count is a
 * subquery of its own (run once, whatever the page), so a list costs one round trip.
 */
export async function actionViewPage(
  db: StoreDb,
  selection: ViewSelection & { page: { offset: number; size: number } },
) {
  const rows = await selectedViews(db, selection)
    .select((eb) =>
      eb
        .selectFrom('Action as a')
        .where(selection.where)
        .select((count) => count.fn.countAll().as('n'))
        .$asScalar()
        .as('total'),
    )
    .execute();
  return { total: rows.length ? Number(rows[0].total) : undefined, rows: readRows(rows) };
}

function selectedViews(db: StoreDb, { where, order, page }: ViewSelection) {
  // A page's ids first, in a subquery, so the owners and notes are built for the page's rows alone.
  // LIMIT and OFFSET are written into the SQL: as parameters, the generic plan PostgreSQL keeps for a
  // prepared statement cannot know a page is ten rows.
  const selected = page
    ? (eb: ExpressionBuilder<ViewTables, 'a'>) =>
        eb(
          'a.id',
          'in',
          ordered(db.store.selectFrom('Action as a').innerJoin('Plan as p', 'p.id', 'a.planId').where(where), order)
            .limit(sql.lit(page.size))
            .offset(sql.lit(page.offset))
            .select('a.id'),
        )
    : where;
  return ordered(viewQuery(db).where(selected), order);
}

/** A statement over the action `a` and its plan `p`, ordered. */
function ordered<Q extends SelectQueryBuilder<ViewTables, 'a' | 'p', object>>(
  query: Q,
  order: ViewOrder | undefined,
): Q {
  const by = (q: SelectQueryBuilder<ViewTables, 'a' | 'p', object>) => {
    switch (order) {
      case undefined:
        return q;
      case 'plan':
        return q.orderBy('p.key').orderBy('a.position').orderBy('a.id');
      case 'due':
        return q
          .orderBy(sql`${sql.ref('a.dueDate')} IS NULL`)
          .orderBy('a.dueDate')
          .orderBy('p.key')
          .orderBy('a.position')
          .orderBy('a.id');
      case 'longestOverdue':
        return q.orderBy('a.dueDate').orderBy('p.key').orderBy('a.position').orderBy('a.id');
      case 'latestCompleted':
        return q.orderBy('a.completedAt', 'desc').orderBy('a.id');
    }
  };
  return by(query) as Q;
}

type RawViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['execute']>>[number];

function readRows<R extends RawViewRow>(rows: R[]) {
  return rows.map((row) => ({
    ...row,
    owners: fromJson(row.owners).map((owner) => ({ ...owner, holders: fromJson(owner.holders) })),
    notes: fromJson(row.notes).map((note) => ({ ...note, at: utc(note.at) })),
  }));
}

/** The statement without its condition and order, built once per store: building it cost more than running it. */
const built = new WeakMap<Store, ReturnType<typeof buildViewQuery>>();

function viewQuery(db: StoreDb) {
  let query = built.get(db.store);
  if (!query) built.set(db.store, (query = buildViewQuery(db)));
  return query;
}

function buildViewQuery(db: StoreDb) {
  const jsonArray = jsonArrayFrom(db.provider);
  return db.store
    .selectFrom('Action as a')
    .innerJoin('Plan as p', 'p.id', 'a.planId')
    .innerJoin('Recommendation as r', 'r.id', 'a.recommendationId')
    .select((eb) => [
      'a.id',
      'a.planId',
      'a.ref',
      'a.text',
      'a.dueDate',
      'a.dueText',
      'a.duePrecision',
      'a.status',
      'a.reportedRag',
      'a.reportedRagAt',
      'a.completedAt',
      'a.lastUpdateAt',
      'a.createdAt',
      'a.version',
      'a.originalDueDate',
      'a.originalDueText',
      'a.dueRevisions',
      'a.priority',
      'a.outcome',
      'a.outcomeReason',
      'a.reviewDate',
      'a.updateDueBy',
      'a.completedById',
      'p.key as planKey',
      'p.title as planTitle',
      'r.ref as recommendationRef',
      'r.text as recommendationText',
      'r.section',
      jsonArray(
        eb
          .selectFrom('ActionOwner as o')
          .whereRef('o.actionId', '=', 'a.id')
          .orderBy('o.position')
          .select((owner) => [
            'o.postId',
            'o.roleLabel',
            // The post's name as a subquery, so that PostgreSQL looks it up by index: as a join it hashed every post.
            owner
              .selectFrom('Post as po')
              .whereRef('po.id', '=', 'o.postId')
              .select('po.name')
              .$asScalar()
              .$notNull()
              .as('post'),
            jsonArray(
              owner
                .selectFrom('PostHolding as h')
                .innerJoin('Person as pe', 'pe.id', 'h.personId')
                .whereRef('h.postId', '=', 'o.postId')
                .where('h.to', 'is', null)
                .orderBy('h.from')
                .orderBy('h.id')
                .select(['pe.id', 'pe.displayName', 'pe.aadObjectId', 'pe.teamsUserId']),
            ).as('holders'),
          ]),
      ).as('owners'),
      // Progress notes are what "last update" means; field-change records are history, not progress.
      jsonArray(
        eb
          .selectFrom('Update as u')
          .whereRef('u.actionId', '=', 'a.id')
          .where('u.kind', '=', sql.lit('progress'))
          .orderBy('u.at', 'desc')
          .orderBy('u.createdAt', 'desc')
          .select(['u.at', 'u.text', 'u.authorName']),
      ).as('notes'),
    ]);
}

/**
 * The JSON arrays as they arrive, in the shape the statement gives them: parsed by pg, text from SQLite
 * (where an array nested in another is text too).
 */
export const fromJson = <T>(value: T | string): T => (typeof value === 'string' ? JSON.parse(value) : value);

/** A timestamp in the JSON as each database writes it, PostgreSQL's without a zone though UTC. */
export const utc = (value: Date | string): Date =>
  value instanceof Date ? value : new Date(/(Z|[+-]\d\d:\d\d)$/.test(value) ? value : `${value}Z`);

/** `ids` as a condition on the action, one parameter however many there are (SQLite binds at most 32,766). */
export function idIn(db: StoreDb, ids: readonly string[]): ActionFilter {
  const list = JSON.stringify(ids);
  const source =
    db.provider === 'postgresql'
      ? sql<string>`SELECT json_array_elements_text(${list}::json)`
      : sql<string>`SELECT value FROM json_each(${list})`;
  return expressionBuilder<ViewTables, 'a'>()('a.id', 'in', sql<string>`(${source})`);
}
