/**
 * The AI layer's typed actions: one per kind of query, each turned into a Query only if it passes the
 * parser's own zod schema. Whatever the model sends, the executor sees nothing the parser could not
 * have produced.
 */
import { z } from 'zod';
import { querySchema, type Query } from '../../core/query';

/** Every query kind except 'unknown', which is what choosing no action (or a bad one) means. */
export const QUESTION_ACTIONS = [
  'list',
  'item',
  'recommendation',
  'behind',
  'summary',
  'plans',
  'changes',
  'help',
] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

/** Parameters the model may leave out, read the way the parser reads a question that does not say. */
const DEFAULTS: Partial<Record<QuestionAction, object>> = { item: { history: false }, changes: { event: 'any' } };

const parametersSchema = z.record(z.unknown());

export function queryFromAction(action: QuestionAction, parameters: unknown): Query | undefined {
  const params = parametersSchema.safeParse(parameters ?? {});
  if (!params.success) return undefined;
  // A list's filters arrive flat ({rag, plan, ...}), as a model fills them most reliably.
  const { tagOwners = false, ...filter } = params.data;
  const candidate =
    action === 'list' ? { kind: action, filter, tagOwners } : { ...DEFAULTS[action], ...params.data, kind: action };
  const parsed = querySchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}
