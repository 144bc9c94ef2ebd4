/**
 * The answer to a question, from a query result: a card for each kind, never silence. A list card's
 * `pageData` carries the query back so 'list.page' can re-run it.
 */
import type { BoardTab } from '../../core/domain';
import type { QueryResult } from '../../core/query/run';
import { actionListCard } from '../action-list';
import type { AdaptiveCard } from '../card';
import { helpCard, type Scope } from '../welcome';
import { behindCard } from './behind';
import { changesCard } from './changes';
import { listTitle, scopeWords } from './describe';
import { itemCard } from './item';
import { notUnderstoodCard } from './not-understood';
import { plansCard } from './plans';
import { recommendationCard } from './recommendation';
import { summaryCard } from './summary';

/** `tab`: where an item's action opens on the board tab, when the caller found one. */
export function answerCard(
  result: QueryResult,
  opts: { scope: Scope; botName?: string; tab?: BoardTab | null },
): AdaptiveCard {
  switch (result.kind) {
    case 'list':
      return actionListCard({
        title: listTitle(result),
        scope: scopeWords(result.labels),
        actions: result.actions,
        total: result.total,
        page: result.page,
        pageData: { query: result.query },
        mentionOwners: result.query.tagOwners,
      });
    case 'item':
      return itemCard(result, opts.tab);
    case 'recommendation':
      return recommendationCard(result);
    case 'behind':
      return behindCard(result);
    case 'summary':
      return summaryCard(result);
    case 'plans':
      return plansCard(result);
    case 'changes':
      return changesCard(result);
    case 'help':
      return helpCard({ ...opts, examples: result.examples });
    case 'unknown':
      return notUnderstoodCard(result.suggestions);
  }
}
