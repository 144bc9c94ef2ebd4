/** One recommendation with its actions. */
import type { RecommendationResult } from '../../core/query/recommendation';
import { actionRow } from '../action-list';
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from '../card';
import { safe } from '../text';
import { notFoundCard } from './not-found';

export function recommendationCard(r: RecommendationResult): AdaptiveCard {
  const rec = r.recommendation;
  if (!rec) return notFoundCard('recommendation', r.asked, r.candidates);
  return adaptiveCard([
    heading(`${safe(rec.planKey, 40)} recommendation ${safe(rec.ref, 40)}`),
    textBlock(safe(rec.text, 800)),
    ...(rec.section || rec.context
      ? [
          textBlock(safe([rec.section, rec.context].filter(Boolean).join(' · '), 200), {
            isSubtle: true,
            size: 'Small',
          }),
        ]
      : []),
    textBlock(`${r.actions.length} ${r.actions.length === 1 ? 'action' : 'actions'}`, {
      weight: 'Bolder',
      spacing: 'Medium',
    }),
    ...r.actions.map((a) => actionRow(a)),
  ]);
}
