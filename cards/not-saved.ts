/**
 * What a card click answers when its handler failed (the database busy or unreachable, a bug): the card
 * is never left broken. The same click can be tried again from the card itself.
 */
import { adaptiveCard, executeAction, type AdaptiveCard } from './card';
import { bannerBlock, withBanner, type Banner } from './update-card';

export const NOT_SAVED: Banner = {
  text: 'Not saved: Chaser could not finish that just now. Try again.',
  style: 'attention',
};

/** `card` (the form the user was on, when it can be drawn again) with the banner on top. */
export function withNotSavedBanner(card: AdaptiveCard): AdaptiveCard {
  return withBanner(card, NOT_SAVED);
}

/** When the card cannot be drawn again: the banner and a button repeating the same click. */
export function tryAgainCard(verb: string, data: Record<string, unknown>): AdaptiveCard {
  return adaptiveCard([bannerBlock(NOT_SAVED)], [executeAction('Try again', verb, data)]);
}
