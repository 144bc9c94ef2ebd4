/** "How are we doing?": counts by effective RAG with a bar of proportions, status counts, oldest overdue. */
import type { SummaryResult } from '../../core/query/summary';
import { RAGS } from '../../core/domain';
import { actionRow } from '../action-list';
import { ragDonut } from '../charts';
import { adaptiveCard, heading, RAG_LABEL, textBlock, type AdaptiveCard, type CardElement } from '../card';
import { measuresFacts } from '../measures';
import { safe } from '../text';
import { scopeWords } from './describe';

/** Container styles Teams paints in the RAG colours. */
const RAG_STYLE = {
  RED: 'attention',
  AMBER: 'warning',
  GREEN: 'good',
  COMPLETE: 'accent',
  RISK_ACCEPTED: 'warning',
  SUPERSEDED: 'default',
} as const;

/** One column per RAG, each as wide as its share (Adaptive Card column weights are relative). */
export function proportionBar(counts: SummaryResult['byRag']): CardElement {
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: RAGS.filter((r) => counts[r] > 0).map((r) => ({
      type: 'Column',
      width: counts[r],
      style: RAG_STYLE[r],
      items: [textBlock(String(counts[r]), { size: 'Small', horizontalAlignment: 'Center' })],
    })),
  };
}

export function summaryCard(s: SummaryResult): AdaptiveCard {
  const where = scopeWords(s.labels) || `across ${s.plans} ${s.plans === 1 ? 'plan' : 'plans'}`;
  const body: CardElement[] = [
    heading(`Summary ${safe(where, 120)} — ${s.total} ${s.total === 1 ? 'action' : 'actions'}`),
  ];
  if (s.total === 0) return adaptiveCard([...body, textBlock('No actions here yet.', { isSubtle: true })]);
  body.push(
    ragDonut(s.byRag, `Actions by status ${where}`, proportionBar(s.byRag)),
    { type: 'FactSet', facts: RAGS.map((r) => ({ title: RAG_LABEL[r], value: String(s.byRag[r]) })) },
    textBlock(
      `${s.percentComplete}% closed · ${s.byStatus.open} open · ${s.byStatus.awaiting_verification} awaiting verification · ${s.byStatus.complete} closed · ${s.overdue} overdue`,
      { isSubtle: true, size: 'Small' },
    ),
  );
  body.push(measuresFacts(s.measures));
  if (s.oldestOverdue)
    body.push(textBlock('Oldest overdue', { weight: 'Bolder', spacing: 'Medium' }), actionRow(s.oldestOverdue));
  body.push(
    textBlock('Red counts overdue actions even when their owners report Green.', { isSubtle: true, size: 'Small' }),
  );
  return adaptiveCard(body);
}
