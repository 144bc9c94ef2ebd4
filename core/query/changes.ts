/**
 * "What changed this week?" (dated Updates in the period, newest first) and "what was completed in
 * October?" (actions whose owners completed them in the period). Periods are calendar days in the
 * organisation's time zone.
 */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { actionPage } from '../actions/view-loader';
import { allOf, completedWithin, statusIs, type ActionFilter } from '../store/action-filter';
import { localDate } from '../time';
import { instantBounds, resolvePeriod, type DateSpan } from './period';
import { displayRef } from './refs';
import { resolveScope, scopeFilter, type Asker, type Scope } from './scope';
import type { Query } from './types';

export interface ChangeEntry {
  at: string;
  ref: string;
  actionText: string;
  kind: string;
  text: string | null;
  author: string | null;
}

export interface ChangesResult {
  kind: 'changes';
  event: 'any' | 'completed';
  labels: Scope['labels'];
  span: DateSpan;
  /** Empty when only completions were asked for. */
  updates: ChangeEntry[];
  updateTotal: number;
  completed: ActionView[];
  completedTotal: number;
}

/** Each list shows the newest this many; the rest are counted. */
export const CHANGES_LIMIT = 10;

export async function listChanges(
  ctx: CoreContext,
  query: Extract<Query, { kind: 'changes' }>,
  asker?: Asker,
): Promise<ChangesResult> {
  const span = resolvePeriod(query.period, localDate(ctx.now(), ctx.timeZone), 'past');
  const when = instantBounds(span, ctx.timeZone);
  const scope = await resolveScope(ctx, query, asker);
  const action = scopeFilter(scope);
  const completedWhere = allOf([action, completedWithin(when), statusIs('awaiting_verification', 'complete')]);
  const wantUpdates = query.event === 'any';
  const [updates, completed] = await Promise.all([
    wantUpdates ? latestUpdates(ctx, action, when) : { total: 0, rows: [] },
    actionPage(ctx, { where: completedWhere, order: 'latestCompleted', offset: 0, size: CHANGES_LIMIT }),
  ]);
  return {
    kind: 'changes',
    event: query.event,
    labels: scope.labels,
    span,
    updates: updates.rows.map((u) => ({
      at: u.at.toISOString(),
      ref: displayRef(u.planKey, u.ref),
      actionText: u.actionText,
      kind: u.kind,
      text: u.text,
      author: u.authorName,
    })),
    updateTotal: updates.total,
    completed: completed.actions,
    completedTotal: completed.total,
  };
}

type Window = ReturnType<typeof instantBounds>;

/** The newest updates to the actions `action` selects, made in `when`, and how many there are in all. */
async function latestUpdates(ctx: CoreContext, action: ActionFilter, when: Window) {
  const rows = await inWindow(ctx, action, when)
    .innerJoin('Plan as p', 'p.id', 'a.planId')
    .orderBy('u.at', 'desc')
    .orderBy('u.createdAt', 'desc')
    .limit(CHANGES_LIMIT)
    .select((eb) => [
      'u.at',
      'u.kind',
      'u.text',
      'u.authorName',
      'a.ref',
      'a.text as actionText',
      'p.key as planKey',
      eb.fn.countAll().over().as('total'),
    ])
    .execute();
  return { total: rows.length ? Number(rows[0].total) : 0, rows };
}

function inWindow(ctx: CoreContext, action: ActionFilter, { gte, lt }: Window) {
  let query = ctx.db.store.selectFrom('Update as u').innerJoin('Action as a', 'a.id', 'u.actionId').where(action);
  if (gte) query = query.where('u.at', '>=', gte);
  if (lt) query = query.where('u.at', '<', lt);
  return query;
}
