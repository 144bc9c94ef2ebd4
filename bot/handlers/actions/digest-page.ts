/** "Show all", "Next", "Back to digest" on a digest card: the same digest (as of its moment), re-rendered in place. */
import type { TurnContext } from 'botbuilder';
import { findBoardById } from '../../../core/digest/boards';
import { computeDigest } from '../../../core/digest/compute';
import { adaptiveCard, textBlock, type AdaptiveCard } from '../../../cards/card';
import { digestCard, digestPageSchema } from '../../../cards/digest';
import type { BotDeps } from '../../deps';

export function digestPage(deps: BotDeps) {
  return async (_context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const page = digestPageSchema.safeParse(data);
    const board = page.success ? await findBoardById(deps.core, page.data.board) : null;
    if (!page.success || !board)
      return adaptiveCard([textBlock('This digest is no longer available. Ask for a new one with "digest now".')]);
    const { section, late } = page.data;
    const digest = await computeDigest(deps.core, board.id, new Date(page.data.asOf));
    return digestCard(digest, { late, expand: section ? { section, page: page.data.page } : undefined });
  };
}
