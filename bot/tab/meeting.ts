/**
 * After a board meeting: the decisions its side panel recorded (history rows whose detail names the
 * meeting) as a card to the board's channel, through the outbox like every other proactive message.
 */
import type { CoreContext } from '../../core/context';
import type { Tx } from '../../core/db/tx';
import type { UpdateDetail } from '../../core/history/entry';
import { enqueue } from '../../core/outbox/enqueue';
import { addDays, zonedToUtc } from '../../core/time';
import { historySentence } from '../../core/history/sentence';
import { cardAttachment } from '../../cards/card';
import { meetingSummaryCard, type MeetingDecision } from '../../cards/meeting-summary';
import type { BoardRow } from './board';
import type { Meeting } from './contract';

export async function meetingDecisions(
  ctx: CoreContext,
  board: BoardRow,
  meeting: Meeting,
): Promise<MeetingDecision[]> {
  // A meeting's decisions are recorded on its day; reading that day's rows keeps the scan small.
  const from = zonedToUtc(meeting.date, '00:00', ctx.timeZone);
  const to = zonedToUtc(addDays(meeting.date, 1), '00:00', ctx.timeZone);
  const rows = await ctx.db.prisma.update.findMany({
    where: {
      at: { gte: from, lt: to },
      detail: { not: null },
      action: { plan: { boards: { some: { boardId: board.id } } } },
    },
    orderBy: [{ at: 'asc' }, { seq: 'asc' }],
    include: { action: { select: { ref: true, plan: { select: { key: true } } } } },
  });
  return rows
    .filter((u) => sameMeeting(u.detail!, meeting))
    .map((u) => ({
      ref: `${u.action.plan.key}-${u.action.ref}`,
      what: historySentence({
        kind: u.kind,
        text: u.text,
        author: u.authorName,
        rag: u.rag,
        changes: JSON.parse(u.changes ?? 'null'),
        detail: JSON.parse(u.detail!),
      }),
      by: u.authorName,
    }));
}

function sameMeeting(detail: string, meeting: Meeting): boolean {
  try {
    const m = (JSON.parse(detail) as UpdateDetail).meeting;
    return !!m && m.title === meeting.title && m.date === meeting.date;
  } catch {
    return false;
  }
}

/** Queues the summary once per meeting; false when it was already queued. */
export async function postMeetingSummary(
  ctx: CoreContext,
  board: BoardRow,
  meeting: Meeting,
  decisions: MeetingDecision[],
): Promise<boolean> {
  const key = `meeting-summary:${board.id}:${meeting.date}:${meeting.title}`;
  const activity = {
    type: 'message',
    summary: `${meeting.title}: decisions`,
    attachments: [cardAttachment(meetingSummaryCard(board, meeting, decisions))],
  };
  return ctx.db.prisma.$transaction(async (t) => {
    const tx = t as Tx;
    if (await tx.outboxMessage.findUnique({ where: { idempotencyKey: key }, select: { id: true } })) return false;
    await enqueue(tx, { idempotencyKey: key, conversationRefId: board.conversationId!, purpose: 'notice', activity });
    return true;
  });
}
