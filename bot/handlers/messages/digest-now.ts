/** "digest now": the linked board's digest as of now, posted to the channel through the outbox. */
import type { TurnContext } from 'botbuilder';
import { NOT_LINKED } from '../../../core/digest/boards';
import { computeDigest } from '../../../core/digest/compute';
import { enqueueDigestNow } from '../../../core/digest/post';
import { digestActivity } from '../../../cards/digest';
import type { BotDeps } from '../../deps';
import { channelBoard } from './board-channel';

export const DIGEST_NOW = /^\s*digest\s+now\s*[.!]?\s*$/i;

export function digestNow(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const board = await channelBoard(deps, context);
    if (!board?.conversationId) return void (await context.sendActivity(NOT_LINKED));
    const data = await computeDigest(deps.core, board.id, deps.core.now());
    // The activity id makes a redelivered message (Teams retries slow turns) queue one digest.
    await enqueueDigestNow(deps.core, { conversationRefId: board.conversationId, requestKey: `${board.id}:${context.activity.id}`, activity: digestActivity(data) });
  };
}
