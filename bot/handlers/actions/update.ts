/** "Save update" on the update card: records the update and replaces the card with the result. */
import type { TurnContext } from 'botbuilder';
import { submitUpdate } from '../../../core/actions/update';
import { closedCard, refusalCard, updateCard, updatedCard } from '../../../cards/update-card';
import type { AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { ownerLoopMessages } from './messages';
import { replaceForEveryone } from './replace-card';
import { senderId } from './sender';

export function saveUpdate(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const r = await submitUpdate(deps.core, await senderId(deps, context), data ?? {}, ownerLoopMessages);
    switch (r.kind) {
      case 'updated':
        return replaceForEveryone(deps, context, updatedCard(r));
      case 'invalid':
        return updateCard({ view: r.view, values: r.values, errors: r.errors });
      case 'conflict':
        return updateCard({ view: r.view, values: r.values, banner: { text: 'This changed since you opened it. Here is the latest; check it and save again.', style: 'warning' } });
      case 'closed':
        return closedCard(r.view);
      case 'forbidden':
        return refusalCard(r.view);
      case 'not-found':
        return refusalCard(null);
    }
  };
}
