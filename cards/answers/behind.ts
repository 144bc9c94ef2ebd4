/** "Who is behind?": owners ranked by overdue, then red, actions. */
import type { BehindResult } from '../../core/query/behind';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from '../card';
import { safe } from '../text';
import { scopeWords } from './describe';

const cell = (text: string, width: string | number, extra = {}) => ({ type: 'Column', width, items: [textBlock(text, extra)] });

export function behindCard(r: BehindResult): AdaptiveCard {
  const where = scopeWords(r.labels);
  const body: CardElement[] = [heading(`Who is behind${where ? ` ${safe(where, 120)}` : ''} — ${r.total} ${r.total === 1 ? 'owner' : 'owners'} with red actions`)];
  if (r.total === 0) return adaptiveCard([...body, textBlock('Nobody: nothing is red or overdue.', { isSubtle: true })]);
  body.push({
    type: 'ColumnSet',
    columns: [cell('Owner', 'stretch', { weight: 'Bolder' }), cell('Overdue', 'auto', { weight: 'Bolder' }), cell('Red', 'auto', { weight: 'Bolder' })],
  });
  for (const o of r.owners) {
    const people = o.holders.map((h) => h.displayName).join(', ');
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [cell(safe(people ? `${o.post}: ${people}` : o.post, 160), 'stretch'), cell(String(o.overdue), 'auto', { color: 'Attention' }), cell(String(o.red), 'auto')],
    });
  }
  if (r.total > r.owners.length) body.push(textBlock(`Showing the top ${r.owners.length} of ${r.total}.`, { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body);
}
