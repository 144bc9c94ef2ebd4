/** "help": what one can ask and do here, with questions that have answers in this organisation's data. */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { cardAttachment } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { answerQuery } from './question';

export function help(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const card = await answerQuery(deps, context.activity, { kind: 'help' });
    await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  };
}
