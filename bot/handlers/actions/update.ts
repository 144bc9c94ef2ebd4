/** "Save update" on the update card: records the update and replaces the card with the result. */
import type { TurnContext } from 'botbuilder';
import { keptValues, submitUpdate } from '../../../core/actions/update';
import { loadView } from '../../../core/actions/change';
import { authorityWords } from '../../../core/people/roles';
import { closedCard, refusalCard, savedBanner, updateCard, updatedCard, withBanner } from '../../../cards/update-card';
import type { AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { ownerLoopMessages } from '../../../cards/owner-loop-messages';
import { originOf, rebuildOrigin } from './origin';
import { replaceForEveryone } from './replace-card';
import { senderId } from './sender';

export function saveUpdate(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const r = await submitUpdate(deps.core, await senderId(deps, context), data ?? {}, ownerLoopMessages);
    const origin = originOf(data);
    switch (r.kind) {
      case 'updated': {
        const saved = { ...r, routedTo: r.routedTo && authorityWords(r.routedTo) };
        // Back to the list it was opened from, the others still there to update; else the action alone.
        const back = origin && (await rebuildOrigin(deps, context, origin));
        return replaceForEveryone(
          deps,
          context,
          typeof back === 'object' ? withBanner(back, savedBanner(saved)) : updatedCard(saved),
        );
      }
      case 'invalid':
        return updateCard({ view: r.view, values: r.values, errors: r.errors, origin });
      case 'conflict': {
        const banner = {
          text: 'This changed since you opened it. Here is the latest; check it and save again.',
          style: 'warning',
        } as const;
        return updateCard({ view: r.view, values: r.values, banner, origin });
      }
      case 'closed':
        return closedCard(r.view);
      case 'forbidden':
        return refusalCard(r.view);
      case 'not-found':
        return refusalCard(null);
    }
  };
}

/** The form the owner was filling in, with what they typed, for when saving it failed. */
export function redrawUpdateForm(deps: BotDeps) {
  return async (_context: TurnContext, data: Record<string, unknown>): Promise<AdaptiveCard | null> => {
    const view = typeof data.actionId === 'string' ? await loadView(deps.core, data.actionId) : null;
    return view && updateCard({ view, values: keptValues(data), origin: originOf(data) });
  };
}
