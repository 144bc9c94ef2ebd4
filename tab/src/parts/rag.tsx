/** RAG as people read it on board papers: a word and a colour, never the colour alone. */
import { Badge, tokens } from '@fluentui/react-components';
import type { TabAction } from '../../../bot/tab/contract';
import { RAG_LABEL } from '../../../cards/card';

export { RAG_LABEL };

type Rag = TabAction['effectiveRag'];

const BADGE: Record<Rag, 'danger' | 'warning' | 'success' | 'brand' | 'informative'> = {
  RED: 'danger',
  AMBER: 'warning',
  GREEN: 'success',
  COMPLETE: 'brand',
  RISK_ACCEPTED: 'informative',
  SUPERSEDED: 'informative',
};
export const RAG_FILL: Record<Rag, string> = {
  RED: tokens.colorPaletteRedBackground3,
  AMBER: tokens.colorPaletteMarigoldBackground3,
  GREEN: tokens.colorPaletteGreenBackground3,
  COMPLETE: tokens.colorBrandBackground,
  RISK_ACCEPTED: tokens.colorPaletteBerryBackground3,
  SUPERSEDED: tokens.colorNeutralBackground5,
};

export function RagBadge({ rag }: { rag: Rag }) {
  return (
    <Badge appearance="filled" color={BADGE[rag]} shape="rounded">
      {RAG_LABEL[rag]}
    </Badge>
  );
}

export { ownersWords as ownerNames, statusWords as statusLabel } from '../../../cards/voice';

export function dueLabel(a: TabAction): string {
  if (!a.dueText && !a.due) return 'No date';
  const now = a.dueText ?? a.due!;
  return a.dueRevisions > 0 && a.originalDueText
    ? `${now} (first promised ${a.originalDueText}, moved ${a.dueRevisions}×)`
    : now;
}

/** "2015-12-01" → "1 Dec 2015" */
export function formatDay(iso: string): string {
  return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
