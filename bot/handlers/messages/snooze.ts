/** "snooze BTP-CDI-7 3 days": no reminders about that action until then (owners, plan owner, admins only). */
import type { TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { askAgainCard } from '../../../cards/ask-again';
import { cardAttachment } from '../../../cards/card';
import { futureDay, snoozeAction } from '../../../core/people/preferences';
import { formatDate } from '../../../core/time';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const SNOOZE = /^\s*snooze\b/i;
const USAGE =
  'Tell me which action and for how long, e.g. "snooze BTP-CDI-7 3 days" or "snooze BTP-CDI-7 until 2 Dec".';

export function snooze(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const m = /^\s*snooze\s+(\S+)\s+(?:for\s+|until\s+)?(.+?)\s*$/i.exec(context.activity.text ?? '');
    if (!m) return void (await context.sendActivity(USAGE));
    const day = futureDay(deps.core, m[2]);
    if (!day.ok && day.perhaps) {
      const card = askAgainCard(`${day.message} Nothing is changed yet.`, [`snooze ${m[1]} until ${day.perhaps}`]);
      return void (await context.sendActivity(MessageFactory.attachment(cardAttachment(card))));
    }
    if (!day.ok) return void (await context.sendActivity(`${day.message} ${USAGE}`));
    const r = await snoozeAction(deps.core, await senderId(deps, context), m[1], day.date);
    const reply =
      r.kind === 'snoozed'
        ? `Snoozed ${r.displayRef}: no reminders about it until ${formatDate(r.until)}.`
        : r.kind === 'forbidden'
          ? `Sorry, only the owners of ${r.displayRef}, their delegates, the plan owner and admins can snooze it.`
          : `I couldn't find an action called "${m[1]}". Actions are named like BTP-CDI-7 (plan key, then the action's number).`;
    await context.sendActivity(reply);
  };
}
