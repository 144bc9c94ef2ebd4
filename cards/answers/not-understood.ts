/** A question the parser could not read: say so, and offer up to three that have answers, as buttons that ask them. */
import { adaptiveCard, askAction, textBlock, type AdaptiveCard } from '../card';

export function notUnderstoodCard(suggestions: string[]): AdaptiveCard {
  if (!suggestions.length)
    return adaptiveCard([textBlock("I didn't get that. Type **help** to see what I can answer.")]);
  return adaptiveCard([
    textBlock("I didn't get that. Try one of these, or type **help**:"),
    { type: 'ActionSet', actions: suggestions.slice(0, 3).map(askAction) },
  ]);
}
