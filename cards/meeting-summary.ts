/** The decisions a board meeting recorded in its side panel, for the board's channel after the meeting. */
import type { MeetingDecision } from '../core/board/meeting';
import type { Meeting } from '../core/domain';
import { formatDate } from '../core/time';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './card';
import { safe } from './text';

export function meetingSummaryCard(
  board: { name: string },
  meeting: Meeting,
  decisions: MeetingDecision[],
): AdaptiveCard {
  const count = `${decisions.length} decision${decisions.length === 1 ? '' : 's'}`;
  return adaptiveCard([
    heading(`${safe(meeting.title, 120)}: ${formatDate(meeting.date)}`),
    textBlock(`${safe(board.name, 120)} · ${count} recorded in the meeting`, { isSubtle: true }),
    ...(decisions.length
      ? decisions.map((d) =>
          textBlock(`**${safe(d.ref, 40)}** ${safe(d.what, 300)}${d.by ? ` (${safe(d.by, 80)})` : ''}`, {
            separator: true,
          }),
        )
      : [textBlock('No decisions were recorded.')]),
  ]);
}
