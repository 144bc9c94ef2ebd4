/**
 * To an action's owners: a board asked for an update by a date (in its meeting, or whoever decides for
 * the plan), and on that date, if none came, the same again. The Update button opens the usual form.
 */
import type { UpdateRequestInfo } from '../core/actions/owner-messages';
import type { ActionView } from '../core/actions/view';
import { formatDate } from '../core/time';
import { adaptiveCard, heading, textBlock, updateButton, type AdaptiveCard } from './card';
import { safe } from './text';
import { actionSummary, bannerBlock } from './update-card';

export function updateRequestCard(view: ActionView, d: UpdateRequestInfo): AdaptiveCard {
  const by = formatDate(d.byDate);
  const where = d.meeting ? ` in ${safe(d.meeting.title, 200)} on ${formatDate(d.meeting.date)}` : '';
  const asked = `${safe(d.askedBy, 80)} asked${where} for an update on ${safe(view.displayRef, 40)} by ${by}.`;
  return adaptiveCard(
    [
      d.due
        ? bannerBlock({ text: `Your update is due today: ${asked}`, style: 'warning' })
        : heading(`Update asked for by ${by}`),
      ...(d.due ? [] : [textBlock(asked)]),
      ...(d.note ? [textBlock(`Their note: ${safe(d.note, 600)}`)] : []),
      ...actionSummary(view),
    ],
    [updateButton(view.id)],
  );
}
