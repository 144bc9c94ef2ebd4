/**
 * A compact list of actions answering a question: a title with the count and the filter in words, then
 * one row per action (ref, short text, owners, due as written, effective RAG and its reason), paged.
 * With `mentionOwners`, the people holding each owner post are @mentioned (when Teams knows them).
 */
import type { ActionView } from '../core/actions/view';
import {
  adaptiveCard,
  heading,
  pagerButtons,
  RAG_COLOR,
  RAG_LABEL,
  textBlock,
  type AdaptiveCard,
  type CardElement,
} from './card';
import { Mentions } from './mention';
import { safe } from './text';
import { dueWords, ownersWords } from './voice';

export const LIST_PAGE_SIZE = 10;

export interface ActionListInput {
  /** The filter in words, e.g. "Red" or "Overdue". */
  title: string;
  /** Where and whose, in words: "in BTP-CDI", "for Head of Contact Management". */
  scope?: string;
  actions: ActionView[];
  total: number;
  page: number;
  /** Data the "Next" button sends back (verb 'list.page') so the handler can re-run the same question. */
  pageData?: Record<string, unknown>;
  mentionOwners?: boolean;
}

export function actionListCard(input: ActionListInput): AdaptiveCard {
  const { title, total, page } = input;
  const noun = total === 1 ? 'action' : 'actions';
  const scope = input.scope ? ` ${safe(input.scope, 120)}` : '';
  const mentions = input.mentionOwners ? new Mentions() : undefined;
  const body: CardElement[] = [heading(`${safe(title, 120)} — ${total} ${noun}${scope}`)];
  if (total === 0) body.push(textBlock('Nothing matches right now.', { isSubtle: true }));
  body.push(...input.actions.map((a) => actionRow(a, mentions)));
  const shown = page * LIST_PAGE_SIZE + input.actions.length;
  const pageData = input.pageData;
  const buttons = pageData
    ? pagerButtons(
        page,
        Math.ceil(total / LIST_PAGE_SIZE),
        'list.page',
        (p) => ({ ...pageData, page: p }),
        `Next ${Math.min(LIST_PAGE_SIZE, total - shown)}`,
      )
    : [];
  if (total > LIST_PAGE_SIZE)
    body.push(
      textBlock(`Showing ${page * LIST_PAGE_SIZE + 1}–${shown} of ${total}`, { isSubtle: true, size: 'Small' }),
    );
  const card = adaptiveCard(body, buttons);
  const entities = mentions?.entities() ?? [];
  return entities.length ? { ...card, msteams: { ...card.msteams, entities } } : card;
}

/** Owners as escaped card text, holders @mentioned when `mentions` is given. */
function ownerText(a: ActionView, mentions?: Mentions): string {
  if (!mentions) return safe(ownersWords(a), 160);
  return ownersWords(
    a,
    (h) => mentions.of(h),
    (post) => safe(post, 80),
  );
}

/**
 * How every action row starts: ref and effective RAG on one line, the shortened text below at the card's
 * left edge (beside refs of different lengths it would start at a different place on every row).
 */
export function actionHeading(a: Pick<ActionView, 'displayRef' | 'text' | 'effectiveRag'>): CardElement {
  return {
    type: 'Container',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          { type: 'Column', width: 'stretch', items: [textBlock(`**${safe(a.displayRef, 40)}**`)] },
          {
            type: 'Column',
            width: 'auto',
            items: [textBlock(RAG_LABEL[a.effectiveRag], { color: RAG_COLOR[a.effectiveRag], weight: 'Bolder' })],
          },
        ],
      },
      textBlock(safe(a.text, 140), { spacing: 'None' }),
    ],
  };
}

export function actionRow(a: ActionView, mentions?: Mentions): CardElement {
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      actionHeading(a),
      textBlock(`${ownerText(a, mentions)} · due ${safe(dueWords(a), 60)} · ${safe(a.reason, 120)}`, {
        isSubtle: true,
        size: 'Small',
        spacing: 'None',
      }),
    ],
  };
}
