/**
 * The board's RAG counts at each stored digest as stacked bars, oldest on the left. A small SVG rather
 * than a chart library: four series and a dozen bars. Colours are Fluent's theme variables, set as styles
 * (SVG presentation attributes do not read CSS variables). The numbers are also in the bars' titles and in
 * the label screen readers read.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { BoardAnswer } from '../../../bot/tab/contract';
import { formatDay, RAG_FILL, RAG_LABEL } from './rag';

const ORDER = ['COMPLETE', 'GREEN', 'AMBER', 'RED'] as const;
const W = 560;
const H = 180;
const PAD = { left: 8, right: 8, top: 8, bottom: 28 };

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: `${W}px`, height: 'auto', display: 'block' },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', marginTop: tokens.spacingVerticalXS },
  key: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', display: 'inline-block', border: `1px solid ${tokens.colorNeutralStroke1}` },
});

export function TrendChart({ trend }: { trend: BoardAnswer['trend'] }) {
  const s = useStyles();
  if (trend.length === 0)
    return <Text>No digests yet: the chart fills in as the board's weekly digests are posted.</Text>;
  const slot = (W - PAD.left - PAD.right) / trend.length;
  const bar = Math.min(48, slot * 0.7);
  const plot = H - PAD.top - PAD.bottom;
  const summary = trend
    .map((t) => `${formatDay(t.at)}: ${ORDER.map((r) => `${RAG_LABEL[r]} ${t.counts[r]}`).join(', ')}`)
    .join('; ');
  return (
    <figure style={{ margin: 0 }}>
      <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`RAG counts at each digest. ${summary}`}>
        {trend.map((t, i) => {
          const total = ORDER.reduce((n, r) => n + t.counts[r], 0) || 1;
          const x = PAD.left + i * slot + (slot - bar) / 2;
          let y = PAD.top + plot;
          return (
            <g key={t.at}>
              {ORDER.map((r) => {
                const h = (plot * t.counts[r]) / total;
                y -= h;
                return (
                  <rect key={r} x={x} y={y} width={bar} height={h} style={{ fill: RAG_FILL[r] }}>
                    <title>{`${RAG_LABEL[r]}: ${t.counts[r]}`}</title>
                  </rect>
                );
              })}
              <text
                x={x + bar / 2}
                y={H - 10}
                textAnchor="middle"
                fontSize="11"
                style={{ fill: tokens.colorNeutralForeground1 }}
              >
                {formatDay(t.at).slice(0, 6)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className={s.legend}>
        {[...ORDER].reverse().map((r) => (
          <span key={r} className={s.key}>
            <span className={s.swatch} style={{ background: RAG_FILL[r] }} aria-hidden="true" />
            <Text size={200}>{RAG_LABEL[r]}</Text>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
