/** A question the parser could not read: say so, and offer three that work against this database. */
import { adaptiveCard, textBlock, type AdaptiveCard } from '../card';
import { safe } from '../text';

export function notUnderstoodCard(suggestions: string[]): AdaptiveCard {
  return adaptiveCard([
    textBlock("I didn't get that. Try:"),
    ...suggestions.slice(0, 3).map((q) => textBlock(`• ${safe(q, 120)}`, { spacing: 'None' })),
  ]);
}
