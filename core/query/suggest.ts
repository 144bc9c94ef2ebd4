/**
 * Questions worth offering someone (on the help card, or when a question was not understood): only
 * those that have an answer in this organisation's data today, so a suggestion never answers "0 actions".
 */
import type { CoreContext } from '../context';
import { loadLexicon } from './lexicon-source';
import { parseQuestion } from './parse';
import { runQuery, type Asker, type QueryResult } from './run';

/** Asked in this order; the first that have answers are offered. */
export function candidateQuestions(planKey?: string): string[] {
  return [
    "what's red?",
    'due in the next 14 days',
    'what changed this week?',
    'what is awaiting verification?',
    "what's overdue?",
    ...(planKey ? [`how are we doing on ${planKey}?`] : []),
    'who is behind?',
    'list plans',
  ];
}

export async function answerableQuestions(
  ctx: CoreContext,
  first: string[],
  opts: { asker?: Asker; count: number },
): Promise<string[]> {
  const lexicon = await loadLexicon(ctx);
  const candidates = [...new Set([...first, ...candidateQuestions(lexicon.lexicon.plans[0]?.key)])];
  const offered: string[] = [];
  for (const text of candidates) {
    if (offered.length === opts.count) break;
    const query = parseQuestion(text, lexicon, ctx.now());
    if (query.kind === 'help' || query.kind === 'unknown') continue;
    if (hasAnswer(await runQuery(ctx, query, { asker: opts.asker, pageSize: 1 }))) offered.push(text);
  }
  return offered;
}

function hasAnswer(r: QueryResult): boolean {
  switch (r.kind) {
    case 'list':
      return r.total > 0;
    case 'changes':
      return r.updateTotal + r.completedTotal > 0;
    case 'behind':
      return r.total > 0;
    case 'plans':
      return r.plans.length > 0;
    case 'item':
      return r.action !== null;
    case 'recommendation':
      return r.recommendation !== null;
    case 'summary':
      return r.total > 0;
    default:
      return false;
  }
}
