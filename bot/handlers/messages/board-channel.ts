/** What board commands share: the channel they were said in, and who said them. */
import type { TurnContext } from 'botbuilder';
import { boardForConversation } from '../../../core/digest/boards';
import type { BotDeps } from '../../deps';
import { conversationScope } from '../../teams-activity';

/** The channel's stored conversation (captureIdentity saved it this turn), or null outside a team channel. */
export async function channelConversation(deps: BotDeps, context: TurnContext) {
  if (conversationScope(context.activity) !== 'channel') return null;
  return deps.core.db.prisma.conversationRef.findUnique({ where: { conversationId: context.activity.conversation.id } });
}

/** The board linked to this channel, or null (and the caller says why). */
export async function channelBoard(deps: BotDeps, context: TurnContext) {
  const conversation = await channelConversation(deps, context);
  return conversation ? boardForConversation(deps.core, conversation.id) : null;
}

export const CHANNEL_ONLY = 'Boards are linked in a team channel: @mention me there with "link this channel to board KEY".';
