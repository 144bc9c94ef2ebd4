/**
 * What "how are we doing?" counts, in one statement: actions by status and by effective RAG, overdue ones
 * and their days past due, and the plans in scope. Each count is a conditional sum over the same rows,
 * so the database reads them once.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Provider } from '../db/client';
import type { RagWindows } from '../rag';
import { allOf, inActivePlan, inPlanKeyed, onBoardKeyed, overdueOn, ragIs, statusIs } from './action-filter';
import type { Store } from '.';

export interface SummaryCounts {
  open: number;
  awaiting_verification: number;
  complete: number;
  closed: number;
  red: number;
  amber: number;
  riskAccepted: number;
  overdue: number;
  /** Days past due, summed over the overdue actions. */
  overdueDays: number;
  plans: number;
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
  const overdue = overdueOn(today);
  const row = await db.store
    .selectFrom('Action as a')
    .where(inScope(scope))
    .select((eb) => {
      const tally = (condition: Expression<SqlBool>) =>
        eb.fn.coalesce(eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end()), sql.lit(0));
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
        tally(statusIs('open')).as('open'),
        tally(statusIs('awaiting_verification')).as('awaiting_verification'),
        tally(statusIs('complete')).as('complete'),
        tally(statusIs('closed')).as('closed'),
        tally(ragIs('RED', today, windows)).as('red'),
        tally(ragIs('AMBER', today, windows)).as('amber'),
        tally(ragIs('RISK_ACCEPTED', today, windows)).as('riskAccepted'),
        tally(overdue).as('overdue'),
        eb.fn
          .coalesce(eb.fn.sum<number>(eb.case().when(overdue).then(daysPast(db.provider, today)).end()), sql.lit(0))
          .as('overdueDays'),
        planCount.$asScalar().as('plans'),
      ];
    })
    .executeTakeFirstOrThrow();
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as SummaryCounts;
}

/** Whole days from an action's due date to `today`: date arithmetic is spelt differently on each database. */
function daysPast(provider: Provider, today: string) {
  return provider === 'postgresql'
    ? sql<number>`(${today}::date - ${sql.ref('a.dueDate')}::date)`
    : sql<number>`CAST(julianday(${today}) - julianday(${sql.ref('a.dueDate')}) AS INTEGER)`;
}
