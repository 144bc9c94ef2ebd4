/**
 * Action.Execute answers replace the card only for the person who clicked; owner-loop cards also sit in
 * channels and group chats, so the result is written over the original message for everyone too.
 */
import type { TurnContext } from 'botbuilder';
import { cardAttachment, type AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';

export async function replaceForEveryone(
  deps: BotDeps,
  context: TurnContext,
  card: AdaptiveCard,
): Promise<AdaptiveCard> {
  const id = context.activity.replyToId;
  if (id) {
    try {
      await context.updateActivity({ id, type: 'message', attachments: [cardAttachment(card)] });
    } catch (err) {
      // The clicker still gets the new card from the invoke response; others see it on their next refresh.
      deps.log.warn({ err, activityId: id }, 'could not update the card for everyone');
    }
  }
  return card;
}
