/**
 * Executes a parsed question against the database: one function per kind of query, each returning
 * plain data for a card. The AI layer calls the same functions, so every answer comes from here.
 */
import type { CoreContext } from '../context';
import { listPlans, type PlanSummary } from '../plans';
import { whoIsBehind, type BehindResult } from './behind';
import { listChanges, type ChangesResult } from './changes';
import { findItem, type ItemResult } from './item';
import { listActions, type ListResult } from './list';
import { findRecommendation, type RecommendationResult } from './recommendation';
import type { Asker } from './scope';
import { answerableQuestions } from './suggest';
import { summarise, type SummaryResult } from './summary';
import type { Query } from './types';

export interface PlansResult {
  kind: 'plans';
  board?: string;
  plans: PlanSummary[];
}

export type QueryResult =
  | ListResult
  | ItemResult
  | RecommendationResult
  | BehindResult
  | SummaryResult
  | PlansResult
  | ChangesResult
  | { kind: 'help'; examples: string[] }
  | { kind: 'unknown'; suggestions: string[] };

export interface RunOptions {
  /** Who asked, for "my actions". */
  asker?: Asker;
  /** Which page of a list (0-based), and how many rows a page has. */
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
/** Example questions on the help card: enough to show the range, few enough to read at a glance. */
export const HELP_EXAMPLES = 5;

export async function runQuery(ctx: CoreContext, query: Query, opts: RunOptions = {}): Promise<QueryResult> {
  switch (query.kind) {
    case 'list':
      return listActions(ctx, query, {
        page: opts.page,
        pageSize: opts.pageSize ?? DEFAULT_PAGE_SIZE,
        asker: opts.asker,
      });
    case 'item':
      return findItem(ctx, query);
    case 'recommendation':
      return findRecommendation(ctx, query);
    case 'behind':
      return whoIsBehind(ctx, query);
    case 'summary':
      return summarise(ctx, query);
    case 'plans': {
      // Archived plans are no longer followed: the CLI's `plans` still lists them.
      const plans = (await listPlans(ctx)).filter((p) => !p.archived);
      const board = query.board;
      return {
        kind: 'plans',
        ...(board && { board }),
        plans: board ? plans.filter((p) => p.boards.includes(board)) : plans,
      };
    }
    case 'changes':
      return listChanges(ctx, query, opts.asker);
    case 'help':
      return {
        kind: 'help',
        examples: await answerableQuestions(ctx, [], { asker: opts.asker, count: HELP_EXAMPLES }),
      };
    case 'unknown':
      return {
        kind: 'unknown',
        suggestions: await answerableQuestions(ctx, query.suggestions, { asker: opts.asker, count: 3 }),
      };
  }
}

export type { Asker } from './scope';
export type { ListResult, ItemResult, RecommendationResult, BehindResult, SummaryResult, ChangesResult };
