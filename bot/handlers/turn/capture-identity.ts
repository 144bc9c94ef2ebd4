/**
 * Runs before every turn: records the sender (with the time zone Teams reports only on incoming
 * activities) and the conversation, so reminders and digests can reach them later. Only what changed is
 * written (core/people/teams-identity.ts recordActivityIdentity). Every handler starts once the recording
 * is done; its result stays on the turn (recordedSenderId), so no handler reads the sender again.
 */
import type { TurnContext } from 'botbuilder';
import { TurnContext as Turn } from 'botbuilder';
import { recordActivityIdentity } from '../../../core/people/teams-identity';
import type { BotDeps } from '../../deps';
import { conversationScope, teamsInfo } from '../../teams-activity';

/** turnState key of the sender's Person id. */
const SENDER = Symbol('chaser.sender');

/** This turn's sender (their Person id), if captureIdentity recorded one. */
export function recordedSenderId(context: TurnContext): string | undefined {
  return context.turnState.get(SENDER);
}

export function captureIdentity(deps: BotDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const a = context.activity;
    if (!a.from?.id || !a.conversation?.id || !a.serviceUrl) return true;
    const isBot = a.from.id === a.recipient?.id || a.from.role === 'bot';
    if (isBot) return true;
    const tenantId = a.conversation.tenantId ?? teamsInfo(a).tenantId;
    const { person } = await recordActivityIdentity(
      deps.core,
      {
        aadObjectId: a.from.aadObjectId,
        teamsUserId: a.from.id,
        displayName: a.from.name,
        tenantId,
        timeZone: clientTimeZone(a.entities),
      },
      {
        conversationId: a.conversation.id,
        scope: conversationScope(a),
        teamId: teamsInfo(a).teamId,
        channelName: teamsInfo(a).channelName,
        tenantId,
        serviceUrl: a.serviceUrl,
        reference: Turn.getConversationReference(a),
      },
    );
    context.turnState.set(SENDER, person.id);
    return true;
  };
}

function clientTimeZone(entities: { type: string; [k: string]: unknown }[] | undefined): string | undefined {
  const info = entities?.find((e) => e.type === 'clientInfo');
  const tz = info?.timezone ?? info?.localTimezone;
  return typeof tz === 'string' ? tz : undefined;
}
