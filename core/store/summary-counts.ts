/**
 * What "how are we doing?" counts, in one statement: actions by status and by effective RAG, overdue ones
 * and their days past due, what on-time needs, and the plans in scope.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { fromJson, utc } from './action-views';
import type { Provider } from '../db/client';
import type { RagWindows } from '../rag';
import { allOf, inActivePlan, inPlanKeyed, onBoardKeyed, overdueOn, ragIs, statusIs } from './action-filter';
import { jsonArrayFrom, type Store } from '.';

/** Actions by status, and the Red, Amber, risk accepted and overdue among them. */
export interface StatusAndRagCounts {
  open: number;
  awaiting_verification: number;
  complete: number;
  closed: number;
  red: number;
  amber: number;
  riskAccepted: number;
  overdue: number;
}

/** What each of StatusAndRagCounts counts, as a condition on the action. */
export function statusAndRagConditions(
  today: string,
  windows: RagWindows,
): [keyof StatusAndRagCounts, Expression<SqlBool>][] {
  return [
    ['open', statusIs('open')],
    ['awaiting_verification', statusIs('awaiting_verification')],
    ['complete', statusIs('complete')],
    ['closed', statusIs('closed')],
    ['red', ragIs('RED', today, windows)],
    ['amber', ragIs('AMBER', today, windows)],
    ['riskAccepted', ragIs('RISK_ACCEPTED', today, windows)],
    ['overdue', overdueOn(today)],
  ];
}

export interface SummaryCounts extends StatusAndRagCounts {
  /** Days past due, summed over the overdue actions. */
  overdueDays: number;
  plans: number;
  /** Verified actions surely completed by the date first promised, whatever the time zone. */
  surelyOnTime: number;
  /** Verified actions completed too near the end of their promised day to tell in SQL: told by the caller. */
  nearDayEnd: { completedAt: Date | null; dueDate: Date | null; originalDueDate: Date | null }[];
}

/** The plans a summary covers: one by key, a board's by its key, both, or (neither) every plan. */
export interface PlanScope {
  plan?: string;
  board?: string;
}

/** The actions of the plans in `scope` still followed (not archived). */
export function inScope({ plan, board }: PlanScope) {
  return allOf([inActivePlan, ...(plan ? [inPlanKeyed(plan)] : []), ...(board ? [onBoardKeyed(board)] : [])]);
}

export async function summaryCounts(
  db: { store: Store; provider: Provider },
  scope: PlanScope,
  today: string,
  windows: RagWindows,
): Promise<SummaryCounts> {
  const inPlans = inScope(scope);
  const overdue = overdueOn(today);
  const jsonArray = jsonArrayFrom(db.provider);
  // Each figure a subquery of its own, so each reaches its rows through the index that suits it (most
  // are answered from an index alone), in one round trip.
  const row = await db.store
    .selectNoFrom((eb) => {
      const actions = (condition: Expression<SqlBool>) =>
        eb.selectFrom('Action as a').where(allOf([inPlans, condition]));
      const count = (condition: Expression<SqlBool>) =>
        actions(condition)
          .select((c) => c.fn.countAll().as('n'))
          .$asScalar();
      let planCount = eb
        .selectFrom('Plan as pl')
        .where('pl.archivedAt', 'is', null)
        .select((c) => c.fn.countAll().as('n'));
      if (scope.plan) planCount = planCount.where('pl.key', '=', scope.plan);
      if (scope.board) {
        const board = scope.board;
        planCount = planCount.where('pl.id', 'in', (p) =>
          p
            .selectFrom('BoardPlan as bp')
            .innerJoin('Board as b', 'b.id', 'bp.boardId')
            .where('b.key', '=', board)
            .select('bp.planId'),
        );
      }
      return [
        ...statusAndRagConditions(today, windows).map(([name, condition]) => count(condition).as(name)),
        actions(overdue)
          .select((c) => c.fn.coalesce(c.fn.sum<number>(daysPast(db.provider, today)), sql.lit(0)).as('n'))
          .$asScalar()
          .as('overdueDays'),
        count(allOf([statusIs('complete'), surelyOnTime(db.provider)])).as('surelyOnTime'),
        jsonArray(
          actions(allOf([statusIs('complete'), nearPromisedDayEnd(db.provider)])).select([
            'a.completedAt',
            'a.dueDate',
            'a.originalDueDate',
          ]),
        ).as('band'),
        planCount.$asScalar().as('plans'),
      ];
    })
    .executeTakeFirstOrThrow();
  const { band, ...counts } = row;
  const asDate = (v: Date | string | null) => (v === null ? null : utc(v));
  return {
    ...(Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)])) as Omit<
      SummaryCounts,
      'nearDayEnd'
    >),
    nearDayEnd: fromJson(band).map((r) => ({
      completedAt: asDate(r.completedAt),
      dueDate: asDate(r.dueDate),
      originalDueDate: asDate(r.originalDueDate),
    })),
  };
}

/** Whole days from an action's due date to `today`: date arithmetic is spelt differently on each database. */
function daysPast(provider: Provider, today: string) {
  return provider === 'postgresql'
    ? sql<number>`(${today}::date - ${sql.ref('a.dueDate')}::date)`
    : sql<number>`CAST(julianday(${today}) - julianday(${sql.ref('a.dueDate')}) AS INTEGER)`;
}

/**
 * A promise is a day: kept when the work was completed by the end of that day on the organisation's
 * calendar, which is 10 to 38 hours after the day's UTC midnight (UTC offsets run from −12 to +14 hours).
 * Completions before the earliest end are surely on time and counted in SQL; those before the latest
 * could go either way and are returned for the exact local date; later ones are late.
 */
const EARLIEST_DAY_END_HOURS = 10;
const LATEST_DAY_END_HOURS = 38;

const promised = sql`coalesce(${sql.ref('a.originalDueDate')}, ${sql.ref('a.dueDate')})`;

/** Completed before `hours` after the promised day's UTC midnight: date arithmetic differs per database. */
function completedWithinHours(provider: Provider, hours: number): Expression<SqlBool> {
  return provider === 'postgresql'
    ? sql<SqlBool>`${sql.ref('a.completedAt')} < ${promised} + make_interval(hours => ${sql.lit(hours)})`
    : sql<SqlBool>`julianday(${sql.ref('a.completedAt')}) < julianday(${promised}) + ${sql.lit(hours / 24)}`;
}

function surelyOnTime(provider: Provider): Expression<SqlBool> {
  return sql<SqlBool>`(${promised} IS NULL OR (${sql.ref('a.completedAt')} IS NOT NULL AND ${completedWithinHours(provider, EARLIEST_DAY_END_HOURS)}))`;
}

function nearPromisedDayEnd(provider: Provider): Expression<SqlBool> {
  return sql<SqlBool>`(${promised} IS NOT NULL AND ${sql.ref('a.completedAt')} IS NOT NULL AND NOT ${completedWithinHours(provider, EARLIEST_DAY_END_HOURS)} AND ${completedWithinHours(provider, LATEST_DAY_END_HOURS)})`;
}
