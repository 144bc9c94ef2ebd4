/**
 * Teams deep links to a board's channel tab opened on one action: the tab reads the action from the
 * link's context (`subEntityId`, which the tab sees as `page.subPageId`) and opens its panel.
 */
import { boardEntityId, type BoardTab } from '../core/domain';
import type { CardElement } from './card';

export const BOARD_VIEW_TITLE = 'Open in board view';

/**
 * `https://teams.microsoft.com/l/entity/<app id>/<entity id>?context=…`; a channel tab's context names the
 * channel as well. Parentheses are encoded too, so the link also survives inside Markdown link syntax.
 */
export function boardViewUrl(tab: BoardTab, actionId: string): string {
  const encode = (s: string) =>
    encodeURIComponent(s).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const context = encode(JSON.stringify({ subEntityId: actionId, channelId: tab.channelId }));
  return `https://teams.microsoft.com/l/entity/${encode(tab.appId)}/${encode(boardEntityId(tab.boardKey))}?context=${context}`;
}

/** The "Open in board view" button, or nothing where the board tab cannot be reached. */
export function boardViewButton(tab: BoardTab | null | undefined, actionId: string): CardElement[] {
  return tab ? [{ type: 'Action.OpenUrl', title: BOARD_VIEW_TITLE, url: boardViewUrl(tab, actionId) }] : [];
}
