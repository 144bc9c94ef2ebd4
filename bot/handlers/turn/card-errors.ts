/**
 * No card click is answered with a bare error. A handler that fails answers with the card the user was
 * on (when it can be drawn again) under a "Not saved, try again" banner, or with the banner and a button
 * repeating the click; a click whose turn failed around its handler gets the same; an invoke Chaser does
 * not know gets the answer Teams expects instead of the SDK's 501.
 */
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../../../cards/card';
import { tryAgainCard, withNotSavedBanner } from '../../../cards/not-saved';
import type { BotDeps } from '../../deps';
import { refuseInvoke } from './refuse-invoke';

type CardHandler = (
  context: TurnContext,
  state: TurnState,
  data: Record<string, unknown>,
) => Promise<AdaptiveCard | string>;

/** Draws again the card a click came from, from the click's data (null when it cannot). */
export type Redraw = (context: TurnContext, data: Record<string, unknown>) => Promise<AdaptiveCard | null>;

export function answeringFailures(deps: BotDeps, verb: string, handler: CardHandler, redraw?: Redraw): CardHandler {
  return async (context, state, data) => {
    try {
      return await handler(context, state, data);
    } catch (err) {
      deps.log.error({ err, verb }, 'card action failed');
      const card = redraw ? await redraw(context, data ?? {}).catch(() => null) : null;
      return card ? withNotSavedBanner(card) : tryAgainCard(verb, data ?? {});
    }
  };
}

/** For the turn's error handler: answers an invoke the turn failed to answer. True when it did. */
export async function answerFailedInvoke(context: TurnContext): Promise<boolean> {
  const a = context.activity;
  if (a.type !== ActivityTypes.Invoke || context.turnState.get(INVOKE_RESPONSE_KEY)) return false;
  if (a.name === 'adaptiveCard/action') {
    const verb = typeof a.value?.action?.verb === 'string' ? a.value.action.verb : '';
    await sendCard(context, tryAgainCard(verb, a.value?.action?.data ?? {}));
  } else {
    await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
  }
  return true;
}

/**
 * The last route: an invoke no handler took. A card button whose verb Chaser does not know (a card from
 * an older version) says so on the card; any other invoke is acknowledged with an empty 200, which
 * Teams accepts, where the SDK would answer 501.
 */
export function unknownInvoke() {
  return async (context: TurnContext): Promise<void> => {
    if (context.activity.name === 'adaptiveCard/action') {
      await refuseInvoke(context, 400, 'This card is out of date. Ask Chaser again for a fresh one.');
    } else {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200 } });
    }
  };
}

async function sendCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}
