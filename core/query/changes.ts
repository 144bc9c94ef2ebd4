/**
 * "What changed this week?" (dated Updates in the period, newest first) and "what was completed in
 * October?" (actions whose owners completed them in the period). Periods are calendar days in the
 * organisation's time zone.
 */
import type { CoreContext } from '../context';
import type { Prisma } from '../db/client';
import type { ActionView } from '../actions/view';
import { findActionViews } from '../actions/view-loader';
import { localDate } from '../time';
import { instantBounds, resolvePeriod, type DateSpan } from './period';
import { displayRef } from './refs';
import { actionScopeWhere, resolveScope, type Asker, type Scope } from './scope';
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
  const action = actionScopeWhere(scope);
  const prisma = ctx.db.prisma;
  const updateWhere: Prisma.UpdateWhereInput = { at: when, action };
  const completedWhere: Prisma.ActionWhereInput = { ...action, completedAt: when, status: { in: ['awaiting_verification', 'complete'] } };
  const wantUpdates = query.event === 'any';
  const [updates, updateTotal, completed, completedTotal] = await Promise.all([
    wantUpdates
      ? prisma.update.findMany({
          where: updateWhere,
          orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
          take: CHANGES_LIMIT,
          select: { at: true, kind: true, text: true, authorName: true, action: { select: { ref: true, text: true, plan: { select: { key: true } } } } },
        })
      : [],
    wantUpdates ? prisma.update.count({ where: updateWhere }) : 0,
    findActionViews(ctx, { where: completedWhere, orderBy: [{ completedAt: 'desc' }], take: CHANGES_LIMIT }),
    prisma.action.count({ where: completedWhere }),
  ]);
  return {
    kind: 'changes',
    event: query.event,
    labels: scope.labels,
    span,
    updates: updates.map((u) => ({
      at: u.at.toISOString(),
      ref: displayRef(u.action.plan.key, u.action.ref),
      actionText: u.action.text,
      kind: u.kind,
      text: u.text,
      author: u.authorName,
    })),
    updateTotal,
    completed,
    completedTotal,
  };
}
