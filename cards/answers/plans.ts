/** "List plans": every plan (or a board's) with its size and boards. */
import type { PlansResult } from '../../core/query/run';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from '../card';
import { safe } from '../text';

export function plansCard(r: PlansResult): AdaptiveCard {
  const title = `Plans${r.board ? ` on ${safe(r.board, 40)}` : ''} — ${r.plans.length}`;
  if (r.plans.length === 0)
    return adaptiveCard([
      heading(title),
      textBlock('No plans yet. An admin can import one by sending me the spreadsheet.', { isSubtle: true }),
    ]);
  return adaptiveCard([
    heading(title),
    ...r.plans.map((p) =>
      textBlock(
        `**${safe(p.key, 40)}** ${safe(p.title, 120)} · ${p.actions} actions${p.boards.length ? ` · ${safe(p.boards.join(', '), 80)}` : ''}`,
        { separator: true },
      ),
    ),
    textBlock('Ask "how are we doing on KEY?" for a summary.', { isSubtle: true, size: 'Small' }),
  ]);
}
