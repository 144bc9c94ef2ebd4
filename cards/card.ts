/** The Adaptive Card envelope and small elements every builder uses. Teams renders up to version 1.5. */
import type { Rag } from '../core/domain';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: Record<string, unknown>;
  [key: string]: unknown;
}

export function adaptiveCard(body: CardElement[], actions: CardElement[] = []): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function textBlock(text: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}

export function heading(text: string): CardElement {
  return textBlock(text, { size: 'Medium', weight: 'Bolder' });
}

/**
 * A button that reaches the bot as an `adaptiveCard/action` invoke (Universal Actions), so the bot can
 * replace the card in place. `data.verb` duplicates the verb for clients that fall back to Action.Submit.
 */
export function executeAction(
  title: string,
  verb: string,
  data: Record<string, unknown> = {},
  extra: CardElement = {},
): CardElement {
  return { type: 'Action.Execute', title, verb, data: { verb, ...data }, ...extra };
}

/** A button that sends `question` as if the user had typed it (Teams' imBack), so they see it asked and answered. */
export function askAction(question: string): CardElement {
  return { type: 'Action.Submit', title: question, data: { msteams: { type: 'imBack', value: question } } };
}

/** Where a card came from: the verb and data that rebuild it, so a form opened from it can go back there. */
export interface CardOrigin {
  verb: string;
  data: Record<string, unknown>;
}

/**
 * Universal Actions refresh: when one of `userIds` (Teams user ids; in chats of up to 60 people, anyone)
 * views the card, Teams asks the bot for it again with the origin's verb and data, so a card listing work
 * shows it as it stands now (updated since from another card, the tab or another person), not as sent.
 */
export function refreshing(
  card: AdaptiveCard,
  origin: CardOrigin,
  userIds: (string | null | undefined)[],
): AdaptiveCard {
  const { verb, data } = origin;
  return {
    ...card,
    refresh: {
      action: { type: 'Action.Execute', verb, data: { verb, ...data } },
      userIds: userIds.filter((id): id is string => !!id),
    },
  };
}

/** An action's Update button; `origin` brings the person back to the card they pressed it on. */
export function updateButton(actionId: string, origin?: CardOrigin): CardElement {
  return executeAction('Update', 'action.open', { actionId, ...(origin ? { origin } : {}) });
}

/** Previous and Next: `go(page)` is the data of the button that shows that page. */
export function pagerButtons(
  page: number,
  pages: number,
  verb: string,
  go: (page: number) => Record<string, unknown>,
  nextTitle = 'Next',
): CardElement[] {
  return [
    ...(page > 0 ? [executeAction('Previous', verb, go(page - 1))] : []),
    ...(page < pages - 1 ? [executeAction(nextTitle, verb, go(page + 1))] : []),
  ];
}

export const RAG_COLOR: Record<Rag, string> = {
  RED: 'Attention',
  AMBER: 'Warning',
  GREEN: 'Good',
  COMPLETE: 'Accent',
  RISK_ACCEPTED: 'Warning',
  SUPERSEDED: 'Default',
};
export const RAG_LABEL: Record<Rag, string> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  COMPLETE: 'Complete',
  RISK_ACCEPTED: 'Risk accepted',
  SUPERSEDED: 'Superseded',
};

/** The attachment wrapper a message activity carries a card in. */
export function cardAttachment(card: AdaptiveCard) {
  return { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
}
