/**
 * Conditions on an action, as typed expressions on "Action" aliased `a`: every read that selects actions
 * (lists, counts, pages, views) takes one of these in its WHERE. A renamed column fails the type check here.
 * Relations (owners, a recommendation's section, a plan's key) are `IN` subqueries, so a filter needs no
 * join and fits any statement over `a`.
 */
import { expressionBuilder, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { ActionOutcome, ActionStatus, Rag } from '../domain';
import type { RagWindows } from '../rag';
import { addDays, dateOnly } from '../time';
import type { DB } from '.';

export type ActionFilter = Expression<SqlBool>;

const a = expressionBuilder<DB & { a: DB['Action'] }, 'a'>();

export const everyAction: ActionFilter = sql<SqlBool>`1 = 1`;
const noAction: ActionFilter = sql<SqlBool>`1 = 0`;

/** Every one of `filters` (everything when there are none). */
export function allOf(filters: readonly ActionFilter[]): ActionFilter {
  const some = filters.filter((f) => f !== everyAction);
  return some.length === 0 ? everyAction : some.length === 1 ? some[0] : a.and(some);
}

/** Any one of `filters` (nothing when there are none). */
export function anyOf(filters: readonly ActionFilter[]): ActionFilter {
  return filters.length === 0 ? noAction : filters.length === 1 ? filters[0] : a.or([...filters]);
}

/** A status is a constant of the statement, so PostgreSQL plans for it (core/store/index.ts). */
export function statusIs(...statuses: ActionStatus[]): ActionFilter {
  return statuses.length === 1
    ? a('a.status', '=', sql.lit(statuses[0]))
    : a(
        'a.status',
        'in',
        statuses.map((s) => sql.lit(s)),
      );
}

/** An empty list matches nothing, which SQL cannot write as `IN ()`. */
export const inPlans = (planIds: readonly string[]): ActionFilter =>
  planIds.length ? a('a.planId', 'in', [...planIds]) : noAction;
export const withIds = (ids: readonly string[]): ActionFilter => (ids.length ? a('a.id', 'in', [...ids]) : noAction);
export const withRefs = (refs: readonly string[]): ActionFilter =>
  refs.length ? a('a.ref', 'in', [...refs]) : noAction;
export const inRecommendation = (recommendationId: string): ActionFilter =>
  a('a.recommendationId', '=', recommendationId);
export const withPriority = (priority: string): ActionFilter => a('a.priority', '=', priority);
export const withOutcome = (outcome: ActionOutcome): ActionFilter => a('a.outcome', '=', sql.lit(outcome));
/** A risk acceptance to review on or before `day`. */
export const reviewDueBy = (day: string): ActionFilter => a('a.reviewDate', '<=', dateOnly(day));
/** Actions whose due date was moved at least once. */
export const dueRevised: ActionFilter = a('a.dueRevisions', '>', 0);

/**
 * A ReminderLog row `l` that is one of the rows of the card sent as outbox message `m`: every reminder on a
 * reminder card; on an escalation card, the escalations (its other rows are unreachable owners' reminders,
 * shown on its first page only).
 */
export const cardRow = (eb: ExpressionBuilder<DB & { l: DB['ReminderLog']; m: DB['OutboxMessage'] }, 'l' | 'm'>) =>
  eb.or([eb('m.purpose', '<>', sql.lit('escalation')), eb('l.kind', '=', sql.lit('escalation'))]);

/** The actions a sent reminder or escalation card (by its outbox key) carried as its rows. */
export const carriedByCard = (cardKey: string): ActionFilter =>
  a(
    'a.id',
    'in',
    a
      .selectFrom('ReminderLog as l')
      .innerJoin('OutboxMessage as m', 'm.id', 'l.outboxId')
      .where('m.idempotencyKey', '=', cardKey)
      .where(cardRow)
      .select('l.actionId'),
  );

/**
 * In a plan still followed: archived plans keep their record but leave questions, reminders and digests.
 * Written as an exclusion (archived plans are few) so that it never steers how a query reaches actions.
 */
export const inActivePlan: ActionFilter = a(
  'a.planId',
  'not in',
  a.selectFrom('Plan').where('archivedAt', 'is not', null).select('id'),
);

export function inPlanKeyed(key: string): ActionFilter {
  return a('a.planId', 'in', a.selectFrom('Plan').where('key', '=', key).select('id'));
}

/** In a plan on the board with this key. */
export function onBoardKeyed(key: string): ActionFilter {
  return a(
    'a.planId',
    'in',
    a
      .selectFrom('BoardPlan as bp')
      .innerJoin('Board as b', 'b.id', 'bp.boardId')
      .where('b.key', '=', key)
      .select('bp.planId'),
  );
}

export function inSection(section: string): ActionFilter {
  return a('a.recommendationId', 'in', a.selectFrom('Recommendation').where('section', '=', section).select('id'));
}

/** Owned by any of these posts. */
export function ownedByPosts(postIds: readonly string[]): ActionFilter {
  if (postIds.length === 0) return noAction;
  return a(
    'a.id',
    'in',
    a
      .selectFrom('ActionOwner')
      .where('postId', 'in', [...postIds])
      .select('actionId'),
  );
}

/** Due on a day from `from` to `to` ("YYYY-MM-DD", inclusive; a missing end is open). */
export function dueOnDays(from?: string, to?: string): ActionFilter {
  return allOf([
    ...(from ? [a('a.dueDate', '>=', dateOnly(from))] : []),
    ...(to ? [a('a.dueDate', '<=', dateOnly(to))] : []),
  ]);
}

/** Completed (by its owner) at an instant from `gte` up to, not including, `lt` (a missing end is open). */
export function completedWithin({ gte, lt }: { gte?: Date; lt?: Date }): ActionFilter {
  return a.and([
    a('a.completedAt', 'is not', null),
    ...(gte ? [a('a.completedAt', '>=', gte)] : []),
    ...(lt ? [a('a.completedAt', '<', lt)] : []),
  ]);
}

/** Open and past its due date on `today`. */
export function overdueOn(today: string): ActionFilter {
  return a.and([statusIs('open'), a('a.dueDate', '<', dateOnly(today))]);
}

/** Actions whose last activity (last update, else creation) falls on or before `today − days`. */
export function quietFor(today: string, days: number): ActionFilter {
  const before = dateOnly(addDays(today, 1 - days));
  return a.or([
    a('a.lastUpdateAt', '<', before),
    a.and([a('a.lastUpdateAt', 'is', null), a('a.createdAt', '<', before)]),
  ]);
}

/** Active within the last `days` days: quietFor's complement. */
function activeWithin(today: string, days: number): ActionFilter {
  const before = dateOnly(addDays(today, 1 - days));
  return a.or([
    a('a.lastUpdateAt', '>=', before),
    a.and([a('a.lastUpdateAt', 'is', null), a('a.createdAt', '>=', before)]),
  ]);
}

/** Later than any due date: what an undated action compares as. */
const NO_DUE_DATE = new Date('9999-12-31T00:00:00Z');

/** Not reported as any of `rags` (no report included: SQL's NOT IN is NULL for a NULL column). */
function notReported(...rags: Rag[]): ActionFilter {
  return a.or([
    a('a.reportedRag', 'is', null),
    a(
      'a.reportedRag',
      'not in',
      rags.map((r) => sql.lit(r)),
    ),
  ]);
}

/**
 * The actions whose effective RAG on `today` (the organisation's date) is `rag`: core/rag.ts's rules as
 * SQL, exact for every one (test/core/store/rag-filter.test.ts holds each to effectiveRag on random
 * actions). No NOT: SQL's NOT of a comparison with a NULL column is NULL, which would drop undated
 * actions, so every negation is spelt out with its NULL case.
 */
export function ragIs(rag: Rag, today: string, windows: RagWindows): ActionFilter {
  const day = dateOnly(today);
  const soon = dateOnly(addDays(today, windows.dueSoonDays));
  // Undated counts as not overdue. As coalesce, not `IS NULL OR >=`: SQLite would answer that OR with two
  // passes over the due-date index and a row read per action, where the RAG index covers the rest.
  const notOverdue = a(a.fn.coalesce('a.dueDate', a.val(NO_DUE_DATE)), '>=', day);
  switch (rag) {
    case 'RED':
      return a.and([statusIs('open'), a.or([a('a.reportedRag', '=', sql.lit('RED')), a('a.dueDate', '<', day)])]);
    case 'AMBER':
      return a.and([
        statusIs('open'),
        notReported('RED'),
        notOverdue,
        a.or([
          a('a.reportedRag', '=', sql.lit('AMBER')),
          a.and([a('a.dueDate', '<=', soon), quietFor(today, windows.dueSoonQuietDays)]),
          quietFor(today, windows.staleDays),
        ]),
      ]);
    case 'GREEN':
      return a.and([
        statusIs('open'),
        notReported('RED', 'AMBER'),
        notOverdue,
        a.or([a('a.dueDate', 'is', null), a('a.dueDate', '>', soon), activeWithin(today, windows.dueSoonQuietDays)]),
        activeWithin(today, windows.staleDays),
      ]);
    case 'COMPLETE':
      return statusIs('awaiting_verification', 'complete');
    case 'RISK_ACCEPTED':
      return a.and([statusIs('closed'), withOutcome('risk_accepted')]);
    case 'SUPERSEDED':
      // Closed any other way, an outcome not recorded included.
      return a.and([
        statusIs('closed'),
        a.or([a('a.outcome', 'is', null), a('a.outcome', '<>', sql.lit('risk_accepted'))]),
      ]);
  }
}
