/**
 * "Next 10" on a list card: re-runs the question the card carries for the requested page and returns
 * the new card, which Teams puts in place of the old one. The card data is validated: it comes back
 * from the client and could be anything.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { querySchema } from '../../../core/query';
import type { AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { answerQuery } from '../messages/question';

const pageSchema = z.object({
  query: querySchema.refine((q) => q.kind === 'list', 'only lists have pages'),
  page: z.number().int().min(0).max(10_000),
});

export function listPage(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = pageSchema.safeParse(data);
    if (!parsed.success) return 'That list can no longer be paged. Please ask the question again.';
    return answerQuery(deps, context.activity, parsed.data.query, parsed.data.page);
  };
}
