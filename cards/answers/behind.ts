/** "Who is behind?": owner posts ranked by overdue, then red, actions; the people holding each named. */
import type { BehindResult } from '../../core/query/behind';
import { adaptiveCard, heading, textBlock, type AdaptiveCard, type CardElement } from '../card';
import { safe } from '../text';
import { ownerWords } from '../voice';
import { scopeWords } from './describe';

/** The count columns have one fixed width, so headers and numbers line up whatever the owner column holds. */
const COUNT_WIDTH = '70px';
const cell = (text: string, width: string, extra = {}) => ({ type: 'Column', width, items: [textBlock(text, extra)] });
const row = (owner: CardElement, overdue: CardElement, red: CardElement, separator = false): CardElement => ({
  type: 'ColumnSet',
  separator,
  columns: [owner, overdue, red],
});

export function behindCard(r: BehindResult): AdaptiveCard {
  const where = scopeWords(r.labels);
  const posts = `${r.total} ${r.total === 1 ? 'owner post' : 'owner posts'}`;
  const body: CardElement[] = [
    heading(`Who is behind${where ? ` ${safe(where, 120)}` : ''} — ${posts} with red actions`),
  ];
  if (r.total === 0)
    return adaptiveCard([...body, textBlock('Nobody: nothing is red or overdue.', { isSubtle: true })]);
  if (r.total === r.owners.length) {
    // Rows are posts; people can hold several, so the people are counted apart.
    const people = new Set(r.owners.flatMap((o) => o.holders.map((h) => h.personId))).size;
    body.push(
      textBlock(`Held by ${people} ${people === 1 ? 'person' : 'people'}.`, { isSubtle: true, spacing: 'None' }),
    );
  }
  const bold = { weight: 'Bolder', horizontalAlignment: 'Right' };
  body.push(
    row(
      cell('Owner (holders)', 'stretch', { weight: 'Bolder' }),
      cell('Overdue', COUNT_WIDTH, bold),
      cell('Red', COUNT_WIDTH, bold),
    ),
  );
  for (const o of r.owners) {
    body.push(
      row(
        cell(safe(ownerWords(o), 160), 'stretch', { wrap: true }),
        cell(String(o.overdue), COUNT_WIDTH, {
          color: o.overdue ? 'Attention' : 'Default',
          horizontalAlignment: 'Right',
        }),
        cell(String(o.red), COUNT_WIDTH, { horizontalAlignment: 'Right' }),
        true,
      ),
    );
  }
  if (r.total > r.owners.length)
    body.push(textBlock(`Showing the top ${r.owners.length} of ${r.total}.`, { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body);
}
