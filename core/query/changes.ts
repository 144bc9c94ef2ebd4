/**
 * "What changed this week?" (dated Updates in the period, newest first) and "what was completed in
 * October?" (actions whose owners completed them in the period). Periods are calendar days in the
 * organisation's time zone.
 */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import { actionViews, countActions } from '../actions/view-loader';
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

export async function listChanges(ctx: CoreContext, query: Extract<Query, { kind: 'changes' }>, asker?: Asker): Promise<ChangesResult> {
  const span = resolvePeriod(query.period, localDate(ctx.now(), ctx.timeZone), 'past');
  const when = instantBounds(span, ctx.timeZone);
  const scope = await resolveScope(ctx, query, asker);
  const action = scopeFilter(scope);
  const completedWhere = allOf([action, completedWithin(when), statusIs('awaiting_verification', 'complete')]);
  const wantUpdates = query.event === 'any';
  const [updates, updateTotal, completed, completedTotal] = await Promise.all([
    wantUpdates ? updatesIn(ctx, action, when).limit(CHANGES_LIMIT).execute() : [],
    wantUpdates ? countUpdates(ctx, action, when) : 0,
    actionViews(ctx, { where: completedWhere, order: 'latestCompleted', page: { offset: 0, size: CHANGES_LIMIT } }),
    countActions(ctx, completedWhere),
  ]);
  return {
    kind: 'changes',
    event: query.event,
    labels: scope.labels,
    span,
    updates: updates.map((u) => ({
      at: u.at.toISOString(),
      ref: displayRef(u.planKey, u.ref),
      actionText: u.actionText,
      kind: u.kind,
      text: u.text,
      author: u.authorName,
    })),
    updateTotal,
    completed,
    completedTotal,
  };
}

type Window = ReturnType<typeof instantBounds>;

/** Updates to the actions `action` selects, made in `when`, newest first. */
function updatesIn(ctx: CoreContext, action: ActionFilter, when: Window) {
  return inWindow(ctx, action, when)
    .innerJoin('Plan as p', 'p.id', 'a.planId')
    .orderBy('u.at', 'desc')
    .orderBy('u.createdAt', 'desc')
    .select(['u.at', 'u.kind', 'u.text', 'u.authorName', 'a.ref', 'a.text as actionText', 'p.key as planKey']);
}

async function countUpdates(ctx: CoreContext, action: ActionFilter, when: Window): Promise<number> {
  const { n } = await inWindow(ctx, action, when)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function inWindow(ctx: CoreContext, action: ActionFilter, { gte, lt }: Window) {
  let query = ctx.db.store.selectFrom('Update as u').innerJoin('Action as a', 'a.id', 'u.actionId').where(action);
  if (gte) query = query.where('u.at', '>=', gte);
  if (lt) query = query.where('u.at', '<', lt);
  return query;
}
