/** "stop" / "start" (or "pause reminders" / "resume reminders") switches the sender's reminders. */
import type { TurnContext } from 'botbuilder';
import { setRemindersPaused } from '../../../core/people/preferences';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const REMINDERS_TOGGLE = /^\s*(stop|start|pause|resume)(\s+(my\s+)?reminders)?\s*[.!]*\s*$/i;

export function remindersToggle(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const paused = /^\s*(stop|pause)/i.test(context.activity.text ?? '');
    await setRemindersPaused(deps.core, await senderId(deps, context), paused);
    await context.sendActivity(
      paused
        ? 'Reminders stopped. I will not chase you until you say "start". Your actions still show as due or overdue to plan owners and boards.'
        : 'Reminders are on again.',
    );
  };
}
