/** The person behind an activity (captureIdentity has already recorded them this turn). */
import type { TurnContext } from 'botbuilder';
import { recordTeamsUser } from '../../../core/people/teams-identity';
import type { BotDeps } from '../../deps';

export async function senderId(deps: BotDeps, context: TurnContext): Promise<string> {
  const from = context.activity.from;
  const person = await recordTeamsUser(deps.core, { aadObjectId: from.aadObjectId, teamsUserId: from.id, displayName: from.name });
  return person.id;
}
