/** "link this channel to board ICB [Integrity and Compliance Board]": creates the board if needed and links the channel. */
import type { TurnContext } from 'botbuilder';
import { linkBoard } from '../../../core/digest/boards';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';
import { CHANNEL_ONLY, channelConversation } from './board-channel';

export const LINK_BOARD = /^\s*link (?:this )?channel to board\s+(\S+)(?:\s+(.+?))?\s*[.!]?\s*$/i;

export function linkChannelToBoard(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const [, key, name] = LINK_BOARD.exec(context.activity.text ?? '') ?? [];
    const conversation = await channelConversation(deps, context);
    if (!conversation) return void (await context.sendActivity(CHANNEL_ONLY));
    const result = await linkBoard(
      deps.core,
      { personId: await senderId(deps, context) },
      { key, name, conversationRefId: conversation.id },
    );
    await context.sendActivity(result.message);
  };
}
