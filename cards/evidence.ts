/**
 * Evidence on a card: each link opens in Teams (Action.OpenUrl; links were checked to be https when
 * added), each file is named with its size (the bot holds the bytes; they are exported, not linked).
 */
import type { EvidenceItem } from '../core/evidence/evidence';
import { formatDate } from '../core/time';
import { textBlock, type CardElement } from './card';
import { safe } from './text';

export function evidenceBlock(items: EvidenceItem[]): CardElement[] {
  if (!items.length) return [textBlock('Evidence: none attached.', { isSubtle: true })];
  const links = items.filter((e) => e.kind === 'link' && e.url);
  const files = items.filter((e) => e.kind === 'file');
  return [
    textBlock(`Evidence (${items.length}):`, { weight: 'Bolder' }),
    ...files.map((f) => {
      const name = f.fileName && f.fileName !== f.title ? ` — file ${safe(f.fileName, 120)}` : '';
      return textBlock(
        `${safe(f.title, 120)}${name}${f.size ? ` (${kilobytes(f.size)})` : ''}, sent ${formatDate(f.addedAt)}`,
        { spacing: 'None' },
      );
    }),
    ...(links.length
      ? [
          {
            type: 'ActionSet',
            actions: links
              .slice(0, 5)
              .map((l) => ({ type: 'Action.OpenUrl', title: buttonTitle(l.title), url: l.url })),
          },
        ]
      : []),
  ];
}

function kilobytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Button titles are plain text, not Markdown: shortened, never escaped. */
function buttonTitle(title: string): string {
  return title.length > 60 ? `${title.slice(0, 59)}…` : title;
}
