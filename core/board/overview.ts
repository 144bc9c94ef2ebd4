/**
 * A board's overview for its tab: each plan's tile (the summary's counts, core/query/summary.ts), the
 * trend of the counts each digest stored, what the tables can be filtered by, and whether the reader may
 * act for the board. Four statements, all at once.
 */
import type { CoreContext } from '../context';
import { readRecord, type DigestRecord } from '../digest/compute';
import type { ActionOutcome } from '../domain';
import { canChangeBoard, type BoardRow } from '../digest/boards';
import { summaryTotals, type SummaryTotals } from '../query/summary';
import { boardFilterValues, type BoardFilterValues } from '../store/board-filters';
import { boardPlanCounts } from '../store/board-plan-counts';
import { localDate } from '../time';

/** Digests the trend chart shows: a quarter of weekly digests. */
const TREND_DIGESTS = 13;

export interface PlanTile extends Pick<SummaryTotals, 'total' | 'byRag' | 'overdue' | 'percentComplete'> {
  key: string;
  title: string;
  byOutcome: Partial<Record<ActionOutcome, number>>;
}

export interface BoardOverview {
  board: { key: string; name: string; linked: boolean };
  plans: PlanTile[];
  /** Counts of the board's stored digests, oldest first. */
  trend: { at: string; counts: DigestRecord['counts'] }[];
  filters: BoardFilterValues;
  /** Whether the reader may act for the board (admins, owners of its plans). */
  canManage: boolean;
}

export async function boardOverview(ctx: CoreContext, board: BoardRow, personId: string): Promise<BoardOverview> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const [plans, digests, filters, canManage] = await Promise.all([
    boardPlanCounts(ctx.db.store, board.id, today, ctx.ragWindows),
    ctx.db.prisma.digest.findMany({
      where: { boardId: board.id },
      orderBy: { scheduledFor: 'desc' },
      take: TREND_DIGESTS,
      select: { scheduledFor: true, counts: true },
    }),
    boardFilterValues(ctx.db.store, board.id),
    canChangeBoard(ctx, { personId }, board.id),
  ]);
  return {
    board: { key: board.key, name: board.name, linked: !!board.conversationId },
    plans: plans.map((plan) => {
      const { total, byRag, overdue, percentComplete } = summaryTotals(plan);
      return { key: plan.key, title: plan.title, total, byRag, overdue, percentComplete, byOutcome: plan.byOutcome };
    }),
    trend: digests.reverse().flatMap((d) => {
      const record = readRecord(d.counts);
      return record ? [{ at: d.scheduledFor.toISOString(), counts: record.counts }] : [];
    }),
    filters,
    canManage,
  };
}
