/** An action or recommendation that was not found, or that several plans have: which one was meant. */
import { adaptiveCard, textBlock, type AdaptiveCard } from '../card';
import { safe } from '../text';

export function notFoundCard(what: 'action' | 'recommendation', asked: string, candidates: string[]): AdaptiveCard {
  if (candidates.length > 1) {
    const ask = what === 'action' ? 'status of' : 'recommendation';
    return adaptiveCard([
      textBlock(`Several plans have ${what} ${safe(asked, 40)}. Which one? Ask for example:`),
      ...candidates.map((c) => textBlock(`• ${ask} ${safe(c, 60)}`, { spacing: 'None' })),
    ]);
  }
  return adaptiveCard([textBlock(`I couldn't find ${what} ${safe(asked, 40)}. Try **list plans** to see plan keys.`)]);
}
