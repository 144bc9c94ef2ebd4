/**
 * A board's view for the tab, from the bot's own queries: per-plan counts are the summary answer's
 * ("how are we doing on BTP-CDI?"), the tables are list answers (what's red, what's overdue, ...)
 * with the tab's filters, the trend is the counts each digest stored.
 */
import type { Prisma } from '../../core/db/client';
import type { CoreContext } from '../../core/context';
import type { ActionView } from '../../core/actions/view';
import { extensionState, type ExtensionState } from '../../core/actions/extension';
import { canChangeBoard } from '../../core/digest/boards';
import { readRecord } from '../../core/digest/compute';
import { listActions, type ListNarrowing } from '../../core/query/list';
import { summaryTotals } from '../../core/query/summary';
import { addDays, localDate } from '../../core/time';
import type { ListFilter } from '../../core/query/types';
import type { ActionsAnswer, BoardActionsQuery, BoardAnswer, BoardTable, MeetingItemsAnswer } from './contract';

export type BoardRow = Prisma.BoardGetPayload<object>;

/** Digests the trend chart shows: a quarter of weekly digests. */
const TREND_DIGESTS = 13;
/** Items of each kind a meeting works through. */
const MEETING_ITEMS_PER_KIND = 50;
/** Committees meet about monthly: a review falling before the next meeting is taken at this one. */
const REVIEW_AHEAD_DAYS = 31;

export async function boardOverview(ctx: CoreContext, board: BoardRow, personId: string): Promise<BoardAnswer> {
  const prisma = ctx.db.prisma;
  const links = await prisma.boardPlan.findMany({
    where: { boardId: board.id, plan: { archivedAt: null } },
    select: { plan: { select: { id: true, key: true, title: true } } },
  });
  const plans = links.map((l) => l.plan).sort((a, b) => (a.key < b.key ? -1 : 1));
  const planIds = plans.map((p) => p.id);
  const [perPlan, digests, sections, posts, priorities, canManage] = await Promise.all([
    Promise.all(plans.map((p) => planCounts(ctx, p))),
    prisma.digest.findMany({
      where: { boardId: board.id },
      orderBy: { scheduledFor: 'desc' },
      take: TREND_DIGESTS,
      select: { scheduledFor: true, counts: true },
    }),
    prisma.recommendation.findMany({
      where: { planId: { in: planIds }, section: { not: null } },
      distinct: ['section'],
      select: { section: true },
      orderBy: { section: 'asc' },
    }),
    ownerPosts(ctx, planIds),
    prisma.action.groupBy({
      by: ['priority'],
      where: { planId: { in: planIds }, priority: { not: null } },
      _count: { _all: true },
    }),
    canChangeBoard(ctx, { personId }, board.id),
  ]);
  return {
    board: { key: board.key, name: board.name, linked: !!board.conversationId },
    plans: perPlan,
    trend: digests.reverse().flatMap((d) => {
      const record = readRecord(d.counts);
      return record ? [{ at: d.scheduledFor.toISOString(), counts: record.counts }] : [];
    }),
    filters: {
      sections: sections.map((s) => s.section!),
      posts: posts.map((p) => p.name),
      priorities: priorities.map((p) => p.priority!),
    },
    canManage,
  };
}

/**
 * The posts owning the plans' actions, from the plans' actions: Prisma's relation filter from Post probed
 * every post's owner rows (6 s at 100,000 actions for a 500-action board on SQLite).
 */
async function ownerPosts(ctx: CoreContext, planIds: string[]): Promise<{ name: string }[]> {
  if (!planIds.length) return [];
  return ctx.db.store
    .selectFrom('Action as a')
    .innerJoin('ActionOwner as o', 'o.actionId', 'a.id')
    .innerJoin('Post as p', 'p.id', 'o.postId')
    .where('a.planId', 'in', planIds)
    .orderBy('p.name')
    .select('p.name')
    .distinct()
    .execute();
}

async function planCounts(
  ctx: CoreContext,
  plan: { id: string; key: string; title: string },
): Promise<BoardAnswer['plans'][number]> {
  const [summary, outcomes] = await Promise.all([
    summaryTotals(ctx, { plan: plan.key }),
    ctx.db.prisma.action.groupBy({
      by: ['outcome'],
      where: { planId: plan.id, outcome: { not: null } },
      _count: { _all: true },
    }),
  ]);
  return {
    key: plan.key,
    title: plan.title,
    total: summary.total,
    byRag: summary.byRag,
    overdue: summary.overdue,
    percentComplete: summary.percentComplete,
    byOutcome: Object.fromEntries(outcomes.map((o) => [o.outcome!, o._count._all])),
  };
}

/** Each table as a list question's filter, plus what a question cannot say. */
function tableFilter(table: BoardTable): { filter: ListFilter; also?: ListNarrowing } {
  switch (table) {
    case 'red':
      return { filter: { rag: ['RED'] } };
    case 'overdue':
      return { filter: { overdue: true } };
    case 'awaiting':
      return { filter: { status: ['awaiting_verification'] } };
    case 'slipped':
      return { filter: { status: ['open'] }, also: { dueRevised: true } };
    case 'riskAccepted':
      return { filter: { status: ['closed'] }, also: { outcome: 'risk_accepted' } };
    case 'extensions':
      return { filter: {} };
  }
}

/** `more` narrows a table further than the tab's filters can (the meeting's reviews due). */
export async function boardTable(
  ctx: CoreContext,
  board: BoardRow,
  q: BoardActionsQuery,
  more: ListNarrowing = {},
): Promise<ActionsAnswer> {
  const { filter, also } = tableFilter(q.table);
  const requests = q.table === 'extensions' ? await pendingRequests(ctx, board) : null;
  const narrowing: ListNarrowing = {
    ...also,
    ...more,
    ...(q.section && { section: q.section }),
    ...(q.priority && { priority: q.priority }),
    ...(requests && { ids: [...requests.keys()] }),
  };
  const result = await listActions(
    ctx,
    {
      kind: 'list',
      filter: {
        ...filter,
        board: board.key,
        ...(q.plan && { plan: q.plan.toUpperCase() }),
        ...(q.post && { owner: { post: q.post } }),
      },
      tagOwners: false,
    },
    { page: q.page, pageSize: q.pageSize, narrowing },
  );
  const withRequest = async (a: ActionView) => {
    const id = requests?.get(a.id);
    return id ? { ...a, request: await extensionState(ctx, id) } : a;
  };
  return {
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
    actions: await Promise.all(result.actions.map(withRequest)),
  };
}

/** Pending requests by action (the oldest, when an owner asked twice). */
async function pendingRequests(ctx: CoreContext, board: BoardRow): Promise<Map<string, string>> {
  const rows = await ctx.db.prisma.extensionRequest.findMany({
    where: { status: 'pending', action: { plan: { boards: { some: { boardId: board.id } } } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, actionId: true },
  });
  return new Map(rows.map((r) => [r.actionId, r.id]));
}

/**
 * What a committee works through: newly Red since the last digest, slipped, awaiting verification, new
 * dates asked for, and accepted risks whose review falls before its next meeting.
 */
export async function meetingItems(ctx: CoreContext, board: BoardRow, personId: string): Promise<MeetingItemsAnswer> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const table = (t: BoardTable, more?: ListNarrowing) =>
    boardTable(ctx, board, { table: t, page: 0, pageSize: MEETING_ITEMS_PER_KIND }, more);
  const [red, slipped, awaiting, extensions, reviews, last, canManage] = await Promise.all([
    table('red'),
    table('slipped'),
    table('awaiting'),
    table('extensions'),
    table('riskAccepted', { reviewDueBy: addDays(today, REVIEW_AHEAD_DAYS) }),
    ctx.db.prisma.digest.findFirst({
      where: { boardId: board.id },
      orderBy: { scheduledFor: 'desc' },
      select: { counts: true },
    }),
    canChangeBoard(ctx, { personId }, board.id),
  ]);
  const seenRed = new Set((last && readRecord(last.counts)?.redIds) ?? []);
  type Item = MeetingItemsAnswer['items'][number];
  const items: Item[] = [
    ...red.actions.filter((a) => !seenRed.has(a.id)).map((action): Item => ({ kind: 'newRed', action })),
    ...slipped.actions.map((action): Item => ({ kind: 'slipped', action })),
    ...awaiting.actions.map((action): Item => ({ kind: 'awaiting', action })),
    ...extensions.actions.map(
      (a): Item => ({
        kind: 'extension',
        action: a,
        request: (a as { request?: ExtensionState }).request,
      }),
    ),
    ...reviews.actions.map((action): Item => ({ kind: 'riskReview', action })),
  ];
  return { items, canManage, meeting: { title: `${board.name} meeting`, date: today } };
}
