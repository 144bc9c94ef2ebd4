/** "I'm away until 2 Dec" pauses reminders to the sender until that day; "I'm back" ends it early. */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { askAgainCard } from '../../../cards/ask-again';
import { cardAttachment } from '../../../cards/card';
import { futureDay, setAway } from '../../../core/people/preferences';
import { formatDate } from '../../../core/time';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const AWAY = /^\s*(?:i['’]?m|i am)\s+(?:away|off|out|back)\b/i;

export function away(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const text = context.activity.text ?? '';
    const personId = await senderId(deps, context);
    if (/^\s*(?:i['’]?m|i am)\s+back\b/i.test(text)) {
      await setAway(deps.core, personId, null);
      return void (await context.sendActivity('Welcome back. Reminders are on again.'));
    }
    const m = /\b(?:until|for)\s+(.+?)\s*[.!]*\s*$/i.exec(text);
    if (!m)
      return void (await context.sendActivity(
        'Tell me when you are back, e.g. "I\'m away until 2 Dec" or "I\'m away for 2 weeks".',
      ));
    const day = futureDay(deps.core, m[1]);
    if (!day.ok && day.perhaps) {
      const card = askAgainCard(`${day.message} Nothing is changed yet.`, [`I'm away until ${day.perhaps}`]);
      return void (await context.sendActivity(MessageFactory.attachment(cardAttachment(card))));
    }
    if (!day.ok) return void (await context.sendActivity(`${day.message} Try "I'm away until 2 Dec".`));
    await setAway(deps.core, personId, day.date);
    await context.sendActivity(
      `Got it: no reminders until you are back on ${formatDate(day.date)}. Your delegate, if you have one, gets them meanwhile. Say "I'm back" to end it early.`,
    );
  };
}
