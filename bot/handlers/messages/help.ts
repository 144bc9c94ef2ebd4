/** "help": the same card as on install. */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { cardAttachment } from '../../../cards/card';
import { welcomeCard } from '../../../cards/welcome';
import type { BotDeps } from '../../deps';
import { conversationScope } from '../../teams-activity';

export function help(_deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    await context.sendActivity(MessageFactory.attachment(cardAttachment(welcomeCard({ scope: conversationScope(context.activity) }))));
  };
}
