/** "Accept risk / mark superseded": the form (action.closeForm) and its submit (action.close). */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { loadView } from '../../../core/actions/change';
import { closeAction } from '../../../core/actions/close';
import { mayAcceptRisk, maySupersede } from '../../../core/people/roles';
import type { AdaptiveCard } from '../../../cards/card';
import { closureFormCard, closureRecordedCard } from '../../../cards/closure';
import { refusalCard } from '../../../cards/update-card';
import type { BotDeps } from '../../deps';
import { ownerLoopMessages } from '../../../cards/owner-loop-messages';
import { replaceForEveryone } from './replace-card';
import { senderId } from './sender';

const openSchema = z.object({ actionId: z.string().min(1).max(100) });

export function openClosureForm(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard> => {
    const parsed = openSchema.safeParse(data);
    const view = parsed.success ? await loadView(deps.core, parsed.data.actionId) : null;
    if (!view) return refusalCard(null);
    const me = await senderId(deps, context);
    const may = (await mayAcceptRisk(deps.core, me, view.planId)) || (await maySupersede(deps.core, me, view.planId));
    if (!may) return refusalCard(view, 'close');
    if (view.status === 'complete' || (view.status === 'closed' && view.outcome !== 'risk_accepted'))
      return closureRecordedCard({ view, by: 'an earlier decision' });
    return closureFormCard({ view });
  };
}

export function recordClosure(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const r = await closeAction(deps.core, await senderId(deps, context), data ?? {}, ownerLoopMessages);
    switch (r.kind) {
      case 'closed':
        return replaceForEveryone(deps, context, closureRecordedCard(r));
      case 'invalid':
        return closureFormCard({ view: r.view, values: r.values, errors: r.errors });
      case 'conflict':
        return closureFormCard({
          view: r.view,
          values: r.values,
          banner: 'This changed since you opened it. Here is the latest; check it and record again.',
        });
      case 'not-found':
        return refusalCard(null);
    }
  };
}
