/** "Update" on a reminder or list card: the update form for that action, or a polite refusal. */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { loadView } from '../../../core/actions/change';
import { actionRole } from '../../../core/people/roles';
import { actionCard, closedCard, refusalCard, updateCard } from '../../../cards/update-card';
import { refreshing, type AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { originOf } from './origin';
import { senderId } from './sender';

const openSchema = z.object({ actionId: z.string().min(1).max(100) });

export function openUpdateCard(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard> => {
    const parsed = openSchema.safeParse(data);
    const view = parsed.success ? await loadView(deps.core, parsed.data.actionId) : null;
    if (!view || !(await actionRole(deps.core, await senderId(deps, context), view.id))) return refusalCard(view);
    return view.status === 'open' ? updateCard({ view, origin: originOf(data) }) : closedCard(view);
  };
}

/** Cancel on a form opened from no list: the action as it stands, with its Update button. */
export function viewAction(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard> => {
    const parsed = openSchema.safeParse(data);
    const view = parsed.success ? await loadView(deps.core, parsed.data.actionId) : null;
    if (!view) return refusalCard(null);
    return refreshing(actionCard(view), { verb: 'action.view', data: { actionId: view.id } }, [
      context.activity.from?.id,
    ]);
  };
}
