/** "my actions": the sender's open actions with an Update button each; "Next" pages through them. */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { listMyActions } from '../../../core/actions/mine';
import { cardAttachment, refreshing, type AdaptiveCard } from '../../../cards/card';
import { MY_ACTIONS_PAGE_SIZE, myActionsCard } from '../../../cards/update-card';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const MY_ACTIONS = /^\s*(show\s+)?my\s+actions\s*[.!?]*\s*$/i;

async function page(deps: BotDeps, context: TurnContext, n: number): Promise<AdaptiveCard> {
  const { actions, total } = await listMyActions(deps.core, await senderId(deps, context), n, MY_ACTIONS_PAGE_SIZE);
  const card = myActionsCard({ actions, total, page: n });
  return refreshing(card, { verb: 'myactions.page', data: { page: n } }, [context.activity.from?.id]);
}

export function myActions(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    await context.sendActivity(MessageFactory.attachment(cardAttachment(await page(deps, context, 0))));
  };
}

const pageSchema = z.object({ page: z.coerce.number().int().min(0).max(10_000) });

/** The "Next" button: the card is replaced by the next page. */
export function myActionsPage(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard> => {
    const parsed = pageSchema.safeParse(data);
    return page(deps, context, parsed.success ? parsed.data.page : 0);
  };
}
