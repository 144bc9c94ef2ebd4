/**
 * Any other message is a question about the plans. Answers "what's red?" with the list card; anything
 * it does not understand gets a short reply with questions that would work, never silence.
 */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { listRedActions } from '../../../core/actions/red';
import { actionListCard, LIST_PAGE_SIZE } from '../../../cards/action-list';
import { cardAttachment } from '../../../cards/card';
import { EXAMPLE_QUESTIONS } from '../../../cards/welcome';
import type { BotDeps } from '../../deps';

export function answerQuestion(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const text = (context.activity.text ?? '').replace(/<at>[^<]*<\/at>/g, ' ').trim();
    if (/\bred\b/i.test(text)) {
      const red = await listRedActions(deps.core);
      const card = actionListCard({ title: 'Red', actions: red.slice(0, LIST_PAGE_SIZE), total: red.length, page: 0 });
      await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
      return;
    }
    await context.sendActivity(`I didn't get that. Try: ${EXAMPLE_QUESTIONS.map((q) => `"${q}"`).join(', ')}.`);
  };
}
