/** "digest every Monday 08:00": the schedule of the board linked to this channel, in its time zone. */
import type { TurnContext } from 'botbuilder';
import { NOT_LINKED, scheduleDigest } from '../../../core/digest/boards';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';
import { channelBoard } from './board-channel';

export const SCHEDULE_DIGEST = /^\s*digests?\s+(every\s+.+?)\s*[.!]?\s*$/i;

export function scheduleBoardDigest(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const [, when] = SCHEDULE_DIGEST.exec(context.activity.text ?? '') ?? [];
    const board = await channelBoard(deps, context);
    if (!board) return void (await context.sendActivity(NOT_LINKED));
    const result = await scheduleDigest(
      deps.core,
      { personId: await senderId(deps, context) },
      { boardId: board.id, text: when },
    );
    await context.sendActivity(result.message);
  };
}
