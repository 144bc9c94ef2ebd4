/**
 * The board digest card: headline counts by effective RAG with the change since the previous digest,
 * a small chart of recent digests, then each non-empty section with its first rows and "Show all".
 * "Show all" replaces the card in place with that section paged (verb digest.page); "Back to digest"
 * restores the summary. The same data also renders as plain text for the CLI.
 */
import { measuresFacts } from './measures';
import { z } from 'zod';
import {
  DIGEST_SECTIONS,
  type DigestData,
  type DigestRow,
  type DigestSection,
  type DigestSectionKey,
} from '../core/digest/compute';
import type { BoardTab } from '../core/domain';
import { RAGS, type Rag } from '../core/domain';
import { BOARD_VIEW_TITLE, boardViewUrl } from './board-link';
import {
  adaptiveCard,
  cardAttachment,
  executeAction,
  heading,
  RAG_LABEL,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card';
import { pngDataUri, ragChartPng } from './chart-png';
import { ragTrend } from './charts';
import { safe } from './text';

export const DIGEST_PREVIEW_ROWS = 5;
export const DIGEST_PAGE_ROWS = 25;
/** Teams rejects messages over 100 KB; the chart is only added while the card stays under this. */
export const DIGEST_MAX_BYTES = 80 * 1024;

/** What "Show all", "Next" and "Back to digest" send back. */
export const digestPageSchema = z.object({
  board: z.string().min(1),
  asOf: z.string().datetime(),
  section: z.enum(DIGEST_SECTIONS).nullable(),
  page: z.number().int().min(0).max(1000),
  late: z.string().max(40).optional(),
});
export type DigestPage = z.infer<typeof digestPageSchema>;

export interface DigestCardOptions {
  /** The slot's wall-clock label ("Mon 08:00") when the digest is posted late. */
  late?: string;
  /** A section shown in full, paged, instead of the summary. */
  expand?: { section: DigestSectionKey; page: number };
}

export function digestCard(d: DigestData, opts: DigestCardOptions = {}): AdaptiveCard {
  const base = { board: d.board.id, asOf: d.asOf.toISOString(), ...(opts.late ? { late: opts.late } : {}) };
  const body: CardElement[] = [
    heading(`${safe(d.board.name, 120)} (${safe(d.board.key, 20)}): digest`),
    textBlock(`As of ${d.asOfLabel}`, { isSubtle: true, spacing: 'None' }),
  ];
  if (opts.late)
    body.push(textBlock(`Late: this digest was due ${safe(opts.late, 40)}`, { color: 'Warning', weight: 'Bolder' }));
  body.push(headline(d));
  const chartAt = body.length;
  if (!opts.expand) body.push(measuresFacts(d.measures));

  const expanded = opts.expand && d.sections.find((s) => s.key === opts.expand!.section);
  if (expanded) {
    body.push(...pagedSection(expanded, opts.expand!.page, base, d.tab));
    return adaptiveCard(body, [executeAction('Back to digest', 'digest.page', { ...base, section: null, page: 0 })]);
  }
  if (!d.sections.length) body.push(textBlock('Nothing needs the board’s attention.', { isSubtle: true }));
  for (const s of d.sections) body.push(sectionPreview(s, base, d.tab));
  return withChart(adaptiveCard(body), d, chartAt);
}

/**
 * The counts as tiles: the label and number in the theme's text colour on the RAG's container style, which
 * Teams keeps readable in light, dark and high contrast (amber or green text on white is not).
 */
const TILE_STYLE: Record<Rag, string> = {
  RED: 'attention',
  AMBER: 'warning',
  GREEN: 'good',
  COMPLETE: 'accent',
  RISK_ACCEPTED: 'emphasis',
  SUPERSEDED: 'emphasis',
};

function headline(d: DigestData): CardElement {
  // Closures have a tile only when there are some, so the usual four fit a narrow window.
  const shown = RAGS.filter(
    (rag) => ['RED', 'AMBER', 'GREEN', 'COMPLETE'].includes(rag) || d.counts[rag] || d.deltas?.[rag],
  );
  return {
    type: 'ColumnSet',
    spacing: 'Medium',
    columns: shown.map((rag) => ({
      type: 'Column',
      width: 'stretch',
      style: TILE_STYLE[rag],
      items: [
        textBlock(RAG_LABEL[rag], { size: 'Small', weight: 'Bolder' }),
        textBlock(`${d.counts[rag]}${delta(d.deltas?.[rag])}`, { size: 'Large', weight: 'Bolder', spacing: 'None' }),
      ],
    })),
  };
}

function delta(n: number | undefined): string {
  if (n === undefined) return '';
  return n > 0 ? ` (+${n})` : n < 0 ? ` (${n})` : ' (±0)';
}

function sectionPreview(s: DigestSection, base: Record<string, unknown>, tab: BoardTab | null): CardElement {
  const items: CardElement[] = [
    textBlock(`**${safe(s.title, 80)}** (${s.rows.length})`),
    ...s.rows.slice(0, DIGEST_PREVIEW_ROWS).map((r) => rowElement(r, tab)),
  ];
  if (s.rows.length > DIGEST_PREVIEW_ROWS) {
    items.push({
      type: 'ActionSet',
      actions: [executeAction(`Show all ${s.rows.length}`, 'digest.page', { ...base, section: s.key, page: 0 })],
    });
  }
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

function pagedSection(
  s: DigestSection,
  page: number,
  base: Record<string, unknown>,
  tab: BoardTab | null,
): CardElement[] {
  const pages = Math.max(1, Math.ceil(s.rows.length / DIGEST_PAGE_ROWS));
  const p = Math.min(page, pages - 1);
  const rows = s.rows.slice(p * DIGEST_PAGE_ROWS, (p + 1) * DIGEST_PAGE_ROWS);
  const out: CardElement[] = [
    textBlock(`**${safe(s.title, 80)}** (${s.rows.length})${pages > 1 ? ` · page ${p + 1} of ${pages}` : ''}`, {
      spacing: 'Medium',
    }),
    ...rows.map((r) => rowElement(r, tab)),
  ];
  const nav: CardElement[] = [];
  if (p > 0) nav.push(executeAction('Previous', 'digest.page', { ...base, section: s.key, page: p - 1 }));
  if (p < pages - 1) nav.push(executeAction('Next', 'digest.page', { ...base, section: s.key, page: p + 1 }));
  if (nav.length) out.push({ type: 'ActionSet', actions: nav });
  return out;
}

/** A row about an action links to it on the board tab, where the board's tab can be reached. */
function rowElement(r: DigestRow, tab: BoardTab | null): CardElement {
  const link = tab && r.actionId ? ` · [${BOARD_VIEW_TITLE}](${boardViewUrl(tab, r.actionId)})` : '';
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      textBlock(`**${safe(r.ref, 60)}** ${safe(r.text, 140)}`),
      textBlock(`${safe(r.detail, 240)}${link}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
    ],
  };
}

/**
 * Adds the trend after the headline: Teams' stacked bars, the drawn image for clients without charts, both
 * only while the card stays under the size limit; the card reads well without them.
 */
function withChart(card: AdaptiveCard, d: DigestData, at: number): AdaptiveCard {
  if (d.history.length < 2) return card;
  const title = `RAG over the last ${d.history.length} digests`;
  const image: CardElement = {
    type: 'Image',
    url: pngDataUri(ragChartPng(d.history)),
    altText: title,
    spacing: 'Small',
  };
  const last = d.history.length - 1;
  const bars = d.history.map((counts, i) => ({
    label: i === last ? 'This digest' : `${last - i} ${last - i === 1 ? 'digest' : 'digests'} ago`,
    counts,
  }));
  const chart = ragTrend(bars, title, image);
  const charted = { ...card, body: [...card.body.slice(0, at), chart, ...card.body.slice(at)] };
  return cardBytes(charted) <= DIGEST_MAX_BYTES ? charted : card;
}

/** The message activity that carries the digest card (what the outbox sends). */
export function digestActivity(d: DigestData, opts: Pick<DigestCardOptions, 'late'> = {}): Record<string, unknown> {
  return { type: 'message', summary: `${d.board.key} digest`, attachments: [cardAttachment(digestCard(d, opts))] };
}

export function cardBytes(card: AdaptiveCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** Plain text of the same digest, for `chaser digest --dry-run` and logs. */
export function digestText(d: DigestData, opts: Pick<DigestCardOptions, 'late'> = {}): string {
  const lines = [`${d.board.name} (${d.board.key}): digest as of ${d.asOfLabel}`];
  if (opts.late) lines.push(`Late: this digest was due ${opts.late}`);
  lines.push(RAGS.map((r) => `${RAG_LABEL[r]} ${d.counts[r]}${delta(d.deltas?.[r])}`).join(' · '));
  if (!d.sections.length) lines.push('', 'Nothing needs the board’s attention.');
  for (const s of d.sections) {
    lines.push('', `${s.title} (${s.rows.length})`);
    for (const r of s.rows) lines.push(`  ${r.ref}  ${r.text}`, `      ${r.detail}`);
  }
  return lines.join('\n');
}
