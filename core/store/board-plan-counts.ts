/**
 * A board's plans with what each plan's tile counts, in one statement: actions by status, Red, Amber,
 * overdue and risk accepted (the summary's conditions, action-filter.ts), and by outcome. A board follows
 * a few plans of a few hundred actions each, so one pass over their actions, grouped by plan, does it.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { ACTION_OUTCOMES, type ActionOutcome } from '../domain';
import type { RagWindows } from '../rag';
import { overdueOn, ragIs, statusIs, withOutcome } from './action-filter';
import type { Store } from '.';

export interface PlanTileCounts {
  id: string;
  key: string;
  title: string;
  open: number;
  awaiting_verification: number;
  complete: number;
  closed: number;
  red: number;
  amber: number;
  riskAccepted: number;
  overdue: number;
  byOutcome: Partial<Record<ActionOutcome, number>>;
}

/** The board's plans still followed (not archived), in key order, a plan with no actions included. */
export async function boardPlanCounts(
  store: Store,
  boardId: string,
  today: string,
  windows: RagWindows,
): Promise<PlanTileCounts[]> {
  const counted = (condition: Expression<SqlBool>) =>
    sql<number>`coalesce(sum(case when ${condition} then 1 else 0 end), 0)`;
  const rows = await store
    .selectFrom('BoardPlan as bp')
    .innerJoin('Plan as pl', 'pl.id', 'bp.planId')
    .leftJoin('Action as a', 'a.planId', 'pl.id')
    .where('bp.boardId', '=', boardId)
    .where('pl.archivedAt', 'is', null)
    .groupBy(['pl.id', 'pl.key', 'pl.title'])
    .orderBy('pl.key')
    .select([
      'pl.id',
      'pl.key',
      'pl.title',
      counted(statusIs('open')).as('open'),
      counted(statusIs('awaiting_verification')).as('awaiting_verification'),
      counted(statusIs('complete')).as('complete'),
      counted(statusIs('closed')).as('closed'),
      counted(ragIs('RED', today, windows)).as('red'),
      counted(ragIs('AMBER', today, windows)).as('amber'),
      counted(ragIs('RISK_ACCEPTED', today, windows)).as('riskAccepted'),
      counted(overdueOn(today)).as('overdue'),
      ...ACTION_OUTCOMES.map((outcome) => counted(withOutcome(outcome)).as(outcome)),
    ])
    .execute();
  // PostgreSQL's sums are bigints, which pg gives as text.
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    title: r.title,
    open: Number(r.open),
    awaiting_verification: Number(r.awaiting_verification),
    complete: Number(r.complete),
    closed: Number(r.closed),
    red: Number(r.red),
    amber: Number(r.amber),
    riskAccepted: Number(r.riskAccepted),
    overdue: Number(r.overdue),
    byOutcome: Object.fromEntries(
      ACTION_OUTCOMES.map((o) => [o, Number((r as Record<ActionOutcome, unknown>)[o])]).filter(([, n]) => n),
    ),
  }));
}
