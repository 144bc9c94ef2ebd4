/**
 * The digest sweep (run every minute by jobs/digests.ts): for each linked board, the latest scheduled
 * slot at or before now that has no Digest row is computed as of the slot and queued, recorded in one
 * transaction with its Digest row (post.ts), so each slot posts exactly once however many sweeps,
 * instances or restarts race for it. A slot found more than LATE_AFTER_MS after it was due (the bot
 * was down) is posted marked late; older missed slots are skipped, only the latest one is owed.
 */
import type { CoreContext } from '../context';
import { computeDigest, type DigestData, digestRecord } from './compute';
import { recordScheduledDigest } from './post';
import { latestSlot, slotLabel } from './schedule';

/** A sweep runs every minute; a slot found later than this means the bot missed it. */
export const LATE_AFTER_MS = 5 * 60_000;

/** Builds the message for a digest (cards are not core's business); `late` is the slot's label. */
export type RenderDigest = (d: DigestData, late: string | undefined) => Record<string, unknown>;

export interface SweepResult {
  /** "ICB 2026-11-23T08:00" for each digest this sweep queued. */
  queued: string[];
  failed: { board: string; error: Error }[];
}

export async function sweepDigests(ctx: CoreContext, render: RenderDigest): Promise<SweepResult> {
  const now = ctx.now();
  const result: SweepResult = { queued: [], failed: [] };
  const boards = await ctx.db.prisma.board.findMany({
    where: { conversationId: { not: null } },
    orderBy: { key: 'asc' },
  });
  for (const board of boards) {
    try {
      const slot = latestSlot(board.digestCron, board.timeZone, now);
      if (!slot || (board.digestsFrom && slot.at < board.digestsFrom)) continue;
      const done = await ctx.db.prisma.digest.findUnique({
        where: { boardId_periodKey: { boardId: board.id, periodKey: slot.periodKey } },
        select: { id: true },
      });
      if (done) continue;
      const data = await computeDigest(ctx, board.id, slot.at);
      const late = now.getTime() - slot.at.getTime() > LATE_AFTER_MS ? slotLabel(slot) : undefined;
      const queued = await recordScheduledDigest(ctx, {
        boardId: board.id,
        conversationRefId: board.conversationId!,
        slot,
        late: !!late,
        record: digestRecord(data),
        activity: render(data, late),
      });
      if (queued) result.queued.push(`${board.key} ${slot.periodKey}`);
    } catch (error) {
      result.failed.push({ board: board.key, error: error as Error });
    }
  }
  return result;
}
