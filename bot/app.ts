/**
 * The teams-ai Application: routes activities to handlers. No LLM is needed for anything it does; the
 * optional AI layer (bot/ai) is called by the question handler, not by the Application's own AI system.
 */
import { Application, type TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { BotDeps } from './deps';
import { registerHandlers } from './handlers';
import { answerFailedInvoke } from './handlers/turn/card-errors';

export type ChaserApp = Application<TurnState>;

export function createBotApp(adapter: TeamsAdapter, deps: BotDeps): ChaserApp {
  const app = new Application<TurnState>({
    adapter,
    botAppId: deps.config.MICROSOFT_APP_ID,
    // Channel posts arrive as "<at>Chaser</at> what's red?": the SDK strips the bot's own mention.
    removeRecipientMention: true,
    // teams-ai 1.7 shows "typing…" when a turn runs past a second whatever its startTypingTimer option
    // says (Application.run never reads it): for a slow answer that is what Teams users expect anyway.
  });
  registerHandlers(app, deps);
  // Never throws: what it cannot send is logged, and the request is still answered (never a 5xx).
  app.error(async (context, error) => {
    deps.log.error({ err: error, activityType: context.activity.type }, 'turn failed');
    try {
      if (context.activity.type !== 'message') await answerFailedInvoke(context);
      else await context.sendActivity('Sorry, something went wrong on my side. Please try again in a minute.');
    } catch (err) {
      deps.log.error({ err }, 'could not tell the user the turn failed');
    }
  });
  return app;
}
