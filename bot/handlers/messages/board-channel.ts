/** What board commands share: the channel they were said in, and who said them. */
import { TurnContext, type Activity } from 'botbuilder';
import { boardForChannel } from '../../../core/digest/boards';
import { saveConversation } from '../../../core/people/teams-identity';
import type { BotDeps } from '../../deps';
import { conversationScope, teamsInfo } from '../../teams-activity';

/**
 * The channel a post was made in. Teams gives each post its own conversation ("19:…@thread.tacv2;messageid=…",
 * the thread); a board belongs to the channel, so any later post finds it and digests arrive as new posts.
 */
export function channelIdOf(a: Partial<Activity>): string {
  return a.conversation!.id.replace(/;messageid=.*$/, '');
}

/** The channel's stored conversation, saved from this post (a reference to the channel, not the thread), or null outside a team channel. */
export async function channelConversation(deps: BotDeps, context: TurnContext) {
  const a = context.activity;
  if (conversationScope(a) !== 'channel') return null;
  const id = channelIdOf(a);
  const reference = TurnContext.getConversationReference(a);
  const { teamId, channelName, tenantId } = teamsInfo(a);
  return saveConversation(deps.core, {
    conversationId: id,
    scope: 'channel',
    teamId,
    channelName,
    tenantId: a.conversation.tenantId ?? tenantId,
    serviceUrl: a.serviceUrl,
    // Without the post's activity id, sends start new posts rather than replying in its thread.
    reference: { ...reference, activityId: undefined, conversation: { ...reference.conversation, id } },
  });
}

/** The board linked to this post's channel, or null (and the caller says why). */
export async function channelBoard(deps: BotDeps, context: TurnContext) {
  if (conversationScope(context.activity) !== 'channel') return null;
  return boardForChannel(deps.core, channelIdOf(context.activity));
}

export const CHANNEL_ONLY =
  'Boards are linked in a team channel: @mention me there with "link this channel to board KEY".';
