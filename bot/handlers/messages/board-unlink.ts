/** "unlink": this channel stops receiving its board's digests. */
import type { TurnContext } from 'botbuilder';
import { NOT_LINKED, unlinkBoard } from '../../../core/digest/boards';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';
import { channelBoard } from './board-channel';

export const UNLINK = /^\s*unlink(?: this channel)?\s*[.!]?\s*$/i;

export function unlinkChannel(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const board = await channelBoard(deps, context);
    if (!board) return void (await context.sendActivity(NOT_LINKED));
    const result = await unlinkBoard(deps.core, { personId: await senderId(deps, context) }, board.id);
    await context.sendActivity(result.message);
  };
}
