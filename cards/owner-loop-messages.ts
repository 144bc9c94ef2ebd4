/** The owner loop's proactive messages as activities, for core to enqueue to the outbox. */
import type { OwnerLoopMessages } from '../core/actions/owner-messages';
import { formatDate } from '../core/time';
import { extensionApprovalCard, extensionOutcomeCard, verificationCard, verificationOutcomeCard } from './approval';
import { cardAttachment, type AdaptiveCard } from './card';
import { closureRecordedCard } from './closure';
import { updateRequestCard } from './update-request';

const asMessage = (card: AdaptiveCard, summary: string) => ({
  type: 'message',
  summary,
  attachments: [cardAttachment(card)],
});

export const ownerLoopMessages: OwnerLoopMessages = {
  extensionApproval: (view, r) =>
    asMessage(extensionApprovalCard(view, r), `New due date requested for ${view.displayRef}`),
  extensionDecided: (view, d) =>
    asMessage(
      extensionOutcomeCard(view, d),
      `Due date request for ${view.displayRef} ${d.approved ? 'approved' : 'rejected'}`,
    ),
  verificationRequest: (view, d) =>
    asMessage(
      verificationCard(view, d),
      d.waiting ? `${view.displayRef} still awaits your verification` : `${view.displayRef} completed: please verify`,
    ),
  verificationDecided: (view, d) =>
    asMessage(verificationOutcomeCard(view, d), `${view.displayRef} ${d.verified ? 'verified' : 'reopened'}`),
  updateRequested: (view, d) =>
    asMessage(
      updateRequestCard(view, d),
      d.due
        ? `Your update on ${view.displayRef} is due today`
        : `Update on ${view.displayRef} asked for by ${formatDate(d.byDate)}`,
    ),
  outcomeRecorded: (view, d) =>
    asMessage(
      closureRecordedCard({ view, by: d.deciderName }),
      `${view.displayRef} ${d.reopened ? 'reopened' : 'closed'}`,
    ),
};
