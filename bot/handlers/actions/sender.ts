/** The person behind an activity, as captureIdentity recorded them this turn. */
import type { TurnContext } from 'botbuilder';
import { recordTeamsUser } from '../../../core/people/teams-identity';
import type { BotDeps } from '../../deps';
import { recordedSenderId } from '../turn/capture-identity';

export async function senderId(deps: BotDeps, context: TurnContext): Promise<string> {
  const recorded = recordedSenderId(context);
  if (recorded) return recorded;
  // captureIdentity records only activities that say where to answer (conversation, service URL).
  const from = context.activity.from;
  return (
    await recordTeamsUser(deps.core, { aadObjectId: from.aadObjectId, teamsUserId: from.id, displayName: from.name })
  ).id;
}
