/**
 * Teams' own chart elements, each carrying the element an Adaptive Cards 1.5 client without charts renders
 * instead, so the card reads the same either way. Colours follow the RAG: Teams picks the shades that
 * suit the user's theme.
 */
import { RAGS, type Rag } from '../core/domain';
import { RAG_LABEL, type CardElement } from './card';

const CHART_COLOR: Record<Rag, string> = {
  RED: 'attention',
  AMBER: 'warning',
  GREEN: 'good',
  COMPLETE: 'categoricalBlue',
  RISK_ACCEPTED: 'categoricalPurple',
  SUPERSEDED: 'neutral',
};

const points = (counts: Record<Rag, number>) =>
  RAGS.filter((r) => counts[r] > 0).map((r) => ({ legend: RAG_LABEL[r], value: counts[r], color: CHART_COLOR[r] }));

/** Counts by effective RAG as a donut, the total in its centre. */
export function ragDonut(counts: Record<Rag, number>, title: string, fallback: CardElement): CardElement {
  const total = RAGS.reduce((sum, r) => sum + counts[r], 0);
  return { type: 'Chart.Donut', title, showLegend: true, value: String(total), data: points(counts), fallback };
}

/** One stacked bar per digest, oldest first, so the board sees the mix of colours move. */
export function ragTrend(
  bars: { label: string; counts: Record<Rag, number> }[],
  title: string,
  fallback: CardElement,
): CardElement {
  return {
    type: 'Chart.HorizontalBar.Stacked',
    title,
    data: bars.map((b) => ({ title: b.label, data: points(b.counts) })),
    fallback,
  };
}
