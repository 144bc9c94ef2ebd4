/** Says hello with what Chaser can do when it is added to a personal chat, group chat or team. */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { cardAttachment } from '../../../cards/card';
import { welcomeCard } from '../../../cards/welcome';
import { answerableQuestions } from '../../../core/query/suggest';
import type { BotDeps } from '../../deps';
import { conversationScope } from '../../teams-activity';

export function welcomeOnInstall(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    const botAdded = a.membersAdded?.some((m) => m.id === a.recipient.id);
    if (!botAdded) return;
    deps.log.info({ conversationId: a.conversation.id, scope: conversationScope(a) }, 'installed');
    const examples = await answerableQuestions(deps.core, [], {
      asker: { aadObjectId: a.from?.aadObjectId, teamsUserId: a.from?.id },
      count: 3,
    });
    const card = welcomeCard({ scope: conversationScope(a), botName: a.recipient?.name, examples });
    await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
  };
}
