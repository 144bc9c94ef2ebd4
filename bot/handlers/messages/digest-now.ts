/** "digest now": the linked board's digest as of now, posted to the channel through the outbox. */
import type { TurnContext } from 'botbuilder';
import { NOT_LINKED } from '../../../core/digest/boards';
import { computeDigest } from '../../../core/digest/compute';
import { enqueueDigestNow } from '../../../core/digest/post';
import { digestActivity } from '../../../cards/digest';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';
import { channelBoard } from './board-channel';

export const DIGEST_NOW = /^\s*digest\s+now\s*[.!]?\s*$/i;

export function digestNow(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const board = await channelBoard(deps, context);
    if (!board?.conversationId) return void (await context.sendActivity(NOT_LINKED));
    const result = await enqueueDigestNow(
      deps.core,
      { personId: await senderId(deps, context) },
      {
        boardId: board.id,
        conversationRefId: board.conversationId,
        // The activity id makes a redelivered message (Teams retries slow turns) queue one digest.
        requestKey: `${board.id}:${context.activity.id}`,
        activity: async () => digestActivity(await computeDigest(deps.core, board.id, deps.core.now())),
      },
    );
    // The answer goes to the thread it was asked in; the digest itself is a new post in the channel.
    await context.sendActivity(
      result.ok
        ? `Posting the ${board.key} digest to this channel now: it appears as a new post in a moment.`
        : result.message,
    );
  };
}
