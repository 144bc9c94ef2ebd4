/** Verify / Reopen on the plan owner's card for a completed action. */
import type { TurnContext } from 'botbuilder';
import { decideVerification } from '../../../core/actions/verify';
import { boardTabOf } from '../../../core/board-tab';
import { ownDecisionCard, verificationCard, verificationOutcomeCard } from '../../../cards/approval';
import { authorityWords } from '../../../core/people/roles';
import { evidenceOf } from '../../../core/evidence/evidence';
import type { AdaptiveCard } from '../../../cards/card';
import { closedCard, refusalCard, updateCard } from '../../../cards/update-card';
import type { ActionView } from '../../../core/actions/view';
import type { BotDeps } from '../../deps';
import { ownerLoopMessages } from '../../../cards/owner-loop-messages';
import { replaceForEveryone } from './replace-card';
import { senderId } from './sender';

/** The owner's completion is the action's latest progress note, with the action's evidence. */
const completion = async (deps: BotDeps, v: ActionView) => ({
  completedBy: v.lastUpdate?.author ?? 'The owner',
  note: v.lastUpdate?.text ?? '',
  evidence: await evidenceOf(deps.core, v.id),
  tab: await boardTabOf(deps.core, v.planId),
});

export function verifyAction(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const r = await decideVerification(deps.core, await senderId(deps, context), data ?? {}, ownerLoopMessages);
    if (r.kind === 'not-found') return refusalCard(null);
    if (r.kind === 'forbidden') return refusalCard(r.view, 'verify');
    if (r.kind === 'own-work')
      return ownDecisionCard(r.view, { what: 'completed', decidesInstead: authorityWords(r.authority) });
    if (r.kind === 'invalid')
      return verificationCard(r.view, await completion(deps, r.view), { errors: r.errors, comment: r.comment });
    // Completed again since this card was sent: ask afresh with the current version.
    if (r.kind === 'stale' && r.view.status === 'awaiting_verification')
      return verificationCard(r.view, await completion(deps, r.view));
    const d = r.decision;
    if (!d) return r.view.status === 'open' ? updateCard({ view: r.view }) : closedCard(r.view);
    const outcome = {
      verified: d.status === 'complete',
      deciderName: d.by ?? 'someone',
      comment: d.comment,
      at: d.at ?? undefined,
      timeZone: r.timeZone,
    };
    return replaceForEveryone(deps, context, verificationOutcomeCard(r.view, outcome));
  };
}
