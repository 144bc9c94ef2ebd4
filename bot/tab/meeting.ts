/**
 * After a board meeting: the decisions its side panel recorded (core/board/meeting.ts) as a card to the
 * board's channel, through the outbox like every other proactive message.
 */
import type { CoreContext } from '../../core/context';
import type { MeetingDecision } from '../../core/board/meeting';
import type { BoardRow } from '../../core/digest/boards';
import type { Meeting } from '../../core/domain';
import { enqueueOnce } from '../../core/outbox/enqueue';
import { cardAttachment } from '../../cards/card';
import { meetingSummaryCard } from '../../cards/meeting-summary';

/** Queues the summary once per meeting; false when it was already queued. */
export function postMeetingSummary(
  ctx: CoreContext,
  board: BoardRow,
  meeting: Meeting,
  decisions: MeetingDecision[],
): Promise<boolean> {
  return enqueueOnce(ctx.db, {
    idempotencyKey: `meeting-summary:${board.id}:${meeting.date}:${meeting.title}`,
    conversationRefId: board.conversationId!,
    purpose: 'notice',
    activity: {
      type: 'message',
      summary: `${meeting.title}: decisions`,
      attachments: [cardAttachment(meetingSummaryCard(board, meeting, decisions))],
    },
  });
}
