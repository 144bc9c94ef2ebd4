/** "board ICB follows BTP-CDI": the board's digest covers the plan. */
import type { TurnContext } from 'botbuilder';
import { followPlan } from '../../../core/digest/boards';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';

export const FOLLOW_PLAN = /^\s*board\s+(\S+)\s+follows\s+(?:plan\s+)?(\S+?)\s*[.!]?\s*$/i;

export function boardFollowsPlan(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const [, boardKey, planKey] = FOLLOW_PLAN.exec(context.activity.text ?? '') ?? [];
    const result = await followPlan(deps.core, { personId: await senderId(deps, context) }, { boardKey, planKey });
    await context.sendActivity(result.message);
  };
}
