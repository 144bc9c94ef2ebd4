/** "What changed this week?" / "what was completed in October?": dated updates and completions. */
import type { ChangesResult } from '../../core/query/changes';
import { formatDate } from '../../core/time';
import { actionRow } from '../action-list';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from '../card';
import { safe } from '../text';
import { scopeWords, spanWords } from './describe';

const more = (shown: number, total: number): CardElement[] =>
  total > shown ? [textBlock(`Showing the latest ${shown} of ${total}.`, { isSubtle: true, size: 'Small' })] : [];

export function changesCard(r: ChangesResult): AdaptiveCard {
  const where = scopeWords(r.labels);
  const when = `${spanWords(r.span)}${where ? ` ${where}` : ''}`;
  const body: CardElement[] = [];
  if (r.event === 'any') {
    body.push(heading(`Changes ${safe(when, 160)} — ${r.updateTotal} ${r.updateTotal === 1 ? 'update' : 'updates'}`));
    if (r.updateTotal === 0) body.push(textBlock('No updates in that period.', { isSubtle: true }));
    for (const u of r.updates) {
      const text = u.text ?? u.kind;
      body.push(
        textBlock(
          `**${safe(u.ref, 40)}** ${safe(u.actionText, 80)} · ${formatDate(new Date(u.at))}${u.author ? ` · ${safe(u.author, 60)}` : ''}: ${safe(text, 200)}`,
          {
            size: 'Small',
            separator: true,
          },
        ),
      );
    }
    body.push(...more(r.updates.length, r.updateTotal));
  }
  body.push(heading(`${r.event === 'completed' ? `Completed ${safe(when, 160)}` : 'Completed'} — ${r.completedTotal}`));
  if (r.completedTotal === 0) body.push(textBlock('Nothing completed in that period.', { isSubtle: true }));
  body.push(...r.completed.map((a) => actionRow(a)), ...more(r.completed.length, r.completedTotal));
  return adaptiveCard(body);
}
