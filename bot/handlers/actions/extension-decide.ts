/** Approve / Reject on the plan owner's due-date request card. */
import type { TurnContext } from 'botbuilder';
import { decideExtension } from '../../../core/actions/extension';
import { boardTabOf } from '../../../core/board-tab';
import { extensionApprovalCard, extensionOutcomeCard, ownDecisionCard } from '../../../cards/approval';
import { authorityWords } from '../../../core/people/roles';
import type { AdaptiveCard } from '../../../cards/card';
import { refusalCard } from '../../../cards/update-card';
import type { BotDeps } from '../../deps';
import { ownerLoopMessages } from '../../../cards/owner-loop-messages';
import { replaceForEveryone } from './replace-card';
import { senderId } from './sender';

export function decideExtensionRequest(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const r = await decideExtension(deps.core, await senderId(deps, context), data ?? {}, ownerLoopMessages);
    if (r.kind === 'not-found') return refusalCard(null);
    if (r.kind === 'forbidden') return refusalCard(r.view, 'decide due dates for');
    if (r.kind === 'own-request')
      return ownDecisionCard(r.view, { what: 'requested', decidesInstead: authorityWords(r.authority) });
    const q = r.request;
    if (r.kind === 'invalid') {
      const info = {
        requestId: q.id,
        requestedDate: q.requestedDate,
        reason: q.reason,
        requesterName: q.requesterName,
        tab: await boardTabOf(deps.core, r.view.planId),
      };
      return extensionApprovalCard(r.view, info, { errors: r.errors, comment: r.comment });
    }
    const outcome = {
      approved: q.status === 'approved',
      requestedDate: q.requestedDate,
      deciderName: q.decidedBy ?? 'someone',
      comment: q.comment,
      at: q.decidedAt ?? undefined,
      timeZone: r.timeZone,
    };
    return replaceForEveryone(deps, context, extensionOutcomeCard(r.view, outcome));
  };
}
