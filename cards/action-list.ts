/**
 * A compact list of actions answering a question: a title with the count and the filter in words, then
 * one row per action (ref, short text, owners, due as written, effective RAG and its reason), paged.
 */
import type { ActionView } from '../core/actions/view';
import { adaptiveCard, executeAction, heading, RAG_COLOR, RAG_LABEL, textBlock, type AdaptiveCard, type CardElement } from './card';
import { safe } from './text';

export const LIST_PAGE_SIZE = 10;

export interface ActionListInput {
  /** The filter in words, e.g. "Red" or "Overdue for Head of Contact Management". */
  title: string;
  actions: ActionView[];
  total: number;
  page: number;
  /** Data the "Next" button sends back so the handler can re-run the same question. */
  pageData?: Record<string, unknown>;
}

export function actionListCard(input: ActionListInput): AdaptiveCard {
  const { title, actions, total, page } = input;
  const noun = total === 1 ? 'action' : 'actions';
  const body: CardElement[] = [heading(`${safe(title, 120)} — ${total} ${noun}`)];
  if (total === 0) body.push(textBlock('Nothing matches right now.', { isSubtle: true }));
  body.push(...actions.map(actionRow));
  const shown = page * LIST_PAGE_SIZE + actions.length;
  const buttons: CardElement[] = [];
  if (input.pageData && shown < total) {
    buttons.push(executeAction(`Next ${Math.min(LIST_PAGE_SIZE, total - shown)}`, 'list.page', { ...input.pageData, page: page + 1 }));
  }
  if (total > LIST_PAGE_SIZE) body.push(textBlock(`Showing ${page * LIST_PAGE_SIZE + 1}–${shown} of ${total}`, { isSubtle: true, size: 'Small' }));
  return adaptiveCard(body, buttons);
}

export function ownerNames(a: ActionView): string {
  return a.owners
    .map((o) => {
      const holders = o.holders.map((h) => h.displayName).join(', ');
      const post = o.role ? `${o.post} (${o.role})` : o.post;
      return holders ? `${post}: ${holders}` : post;
    })
    .join('; ');
}

function actionRow(a: ActionView): CardElement {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'auto', items: [textBlock(`**${safe(a.displayRef, 40)}**`)] },
          { type: 'Column', width: 'stretch', items: [textBlock(safe(a.text, 140))] },
          {
            type: 'Column',
            width: 'auto',
            items: [textBlock(RAG_LABEL[a.effectiveRag], { color: RAG_COLOR[a.effectiveRag], weight: 'Bolder' })],
          },
        ],
      },
      textBlock(
        `${safe(ownerNames(a) || 'No owner', 160)} · due ${safe(a.dueText ?? 'not set', 40)} · ${safe(a.reason, 120)}`,
        { isSubtle: true, size: 'Small', spacing: 'None' },
      ),
    ],
  };
}
