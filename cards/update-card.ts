/**
 * The card owners update an action from: what the action is (plan, recommendation, ref and text, due
 * date as written and as a date, effective RAG with its reason, last update), then status, note and an
 * optional request for a new due date. After a submit the same message is replaced by the result.
 */
import type { UpdateValues } from '../core/actions/update';
import { STATUS_CHOICES } from '../core/actions/update';
import type { FieldErrors } from '../core/actions/change';
import type { ActionView } from '../core/actions/view';
import { formatDate, localDate, zonedParts } from '../core/time';
import {
  adaptiveCard,
  executeAction,
  heading,
  pagerButtons,
  RAG_COLOR,
  RAG_LABEL,
  textBlock,
  updateButton,
  type AdaptiveCard,
  type CardElement,
  type CardOrigin,
} from './card';
import { safe } from './text';
import { dueWithSlip, dueWords } from './voice';

export type BannerStyle = 'good' | 'warning' | 'attention';
export interface Banner {
  text: string;
  style: BannerStyle;
}

const BANNER_COLOR: Record<BannerStyle, string> = { good: 'Good', warning: 'Warning', attention: 'Attention' };

/** "09:14" in the viewer's time zone. */
export function clockTime(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export function bannerBlock(b: Banner): CardElement {
  return textBlock(b.text, { weight: 'Bolder', color: BANNER_COLOR[b.style] });
}

/** What every owner-loop card shows about the action. */
export function actionSummary(v: ActionView): CardElement[] {
  const last = v.lastUpdate
    ? `${safe(v.lastUpdate.author ?? 'someone', 80)}, ${formatDate(new Date(v.lastUpdate.at))}: ${safe(v.lastUpdate.text ?? '(no note)', 300)}`
    : 'none yet';
  return [
    heading(`${safe(v.displayRef, 40)}: ${safe(v.text, 200)}`),
    {
      type: 'FactSet',
      facts: [
        { title: 'Plan', value: `${safe(v.planKey, 40)} — ${safe(v.planTitle, 120)}` },
        { title: 'Recommendation', value: `${safe(v.recommendationRef, 20)}: ${safe(v.recommendationText, 160)}` },
        { title: 'Due', value: safe(dueWithSlip(v), 140) },
        { title: 'Last update', value: last },
        ...(v.updateDueBy ? [{ title: 'Update asked for', value: `by ${formatDate(v.updateDueBy)}` }] : []),
      ],
    },
    textBlock(`**${RAG_LABEL[v.effectiveRag]}** — ${safe(v.reason, 200)}`, { color: RAG_COLOR[v.effectiveRag] }),
  ];
}

export interface UpdateCardInput {
  view: ActionView;
  values?: UpdateValues;
  errors?: FieldErrors;
  banner?: Banner;
  /** The card the form was opened from: Cancel goes back to it, and so does a saved update. */
  origin?: CardOrigin;
}

export function updateCard({ view, values = {}, errors = {}, banner, origin }: UpdateCardInput): AdaptiveCard {
  const error = (id: string): CardElement[] =>
    errors[id] ? [textBlock(safe(errors[id], 200), { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
  // The action as it stands: an overdue action nobody reported on is Off track, not On track.
  const current = view.effectiveRag === 'COMPLETE' ? 'GREEN' : view.effectiveRag;
  const body: CardElement[] = [
    ...(banner ? [bannerBlock(banner)] : []),
    ...actionSummary(view),
    {
      type: 'Input.ChoiceSet',
      id: 'status',
      label: 'Status',
      style: 'compact',
      value: values.status ?? current,
      choices: STATUS_CHOICES.map((c) => ({ title: c.title, value: c.value })),
    },
    ...error('status'),
    {
      type: 'Input.Text',
      id: 'note',
      label: 'Progress note (needed when it gets worse, completes or asks for a new date)',
      isMultiline: true,
      maxLength: 2000,
      value: values.note ?? '',
    },
    ...error('note'),
    {
      type: 'Input.Date',
      id: 'newDueDate',
      label: 'Ask for a new due date (optional)',
      value: values.newDueDate ?? '',
    },
    ...error('newDueDate'),
    {
      type: 'Input.Text',
      id: 'dueReason',
      label: 'Why the date needs to move',
      maxLength: 2000,
      value: values.dueReason ?? '',
    },
    ...error('dueReason'),
    {
      type: 'Input.Text',
      id: 'evidenceUrl',
      label: 'Evidence link (https, e.g. SharePoint or OneDrive; optional)',
      style: 'Url',
      maxLength: 2000,
      value: values.evidenceUrl ?? '',
    },
    ...error('evidenceUrl'),
    {
      type: 'Input.Text',
      id: 'evidenceTitle',
      label: 'Evidence title',
      maxLength: 200,
      value: values.evidenceTitle ?? '',
    },
    ...error('evidenceTitle'),
  ];
  const save = executeAction(
    'Save update',
    'action.update',
    { actionId: view.id, version: view.version, ...(origin ? { origin } : {}) },
    { style: 'positive' },
  );
  const cancel = origin
    ? executeAction('Cancel', origin.verb, origin.data)
    : executeAction('Cancel', 'action.view', { actionId: view.id });
  return adaptiveCard(body, [save, cancel]);
}

/** One action with its Update button: where Cancel goes from a form opened from no list. */
export function actionCard(view: ActionView): AdaptiveCard {
  return adaptiveCard(actionSummary(view), view.status === 'open' ? [updateButton(view.id)] : []);
}

export interface UpdatedCardInput {
  view: ActionView;
  by: string;
  at: Date;
  timeZone: string;
  extension?: { date: string; planOwnersReached: number };
  /** Separation of duties sent the request past the plan owner: to whom, in words ("Megan Bowen (Head of Audit)"). */
  routedTo?: string;
}

/** "Updated BTP-CDI-7 at 09:30 on 5 Dec 2026 (Europe/London) — now Amber", coloured by what it now is. */
export function savedBanner(u: Pick<UpdatedCardInput, 'view' | 'by' | 'at' | 'timeZone' | 'routedTo'>): Banner {
  const v = u.view;
  const verifier = u.routedTo ? safe(u.routedTo, 200) : 'the plan owner';
  const now =
    v.status === 'awaiting_verification'
      ? `now complete, awaiting verification by ${verifier}`
      : `now ${RAG_LABEL[v.effectiveRag]}`;
  const when = `at ${clockTime(u.at, u.timeZone)} on ${formatDate(localDate(u.at, u.timeZone))} (${u.timeZone})`;
  const style: BannerStyle = v.effectiveRag === 'RED' ? 'attention' : v.effectiveRag === 'AMBER' ? 'warning' : 'good';
  return { text: `${safe(v.displayRef, 40)} updated by ${safe(u.by, 80)} ${when} — ${now}`, style };
}

/** A card with a banner on top: a list the person came back to, saying what they just saved. */
export function withBanner(card: AdaptiveCard, banner: Banner): AdaptiveCard {
  return { ...card, body: [bannerBlock(banner), ...card.body] };
}

/** What replaces the form once the update is saved: who, when, the new RAG, and a way to update again. */
export function updatedCard(u: UpdatedCardInput): AdaptiveCard {
  const completed = u.view.status === 'awaiting_verification';
  const verifier = u.routedTo ? safe(u.routedTo, 200) : 'the plan owner';
  const body = [bannerBlock(savedBanner(u)), ...actionSummary(u.view)];
  if (u.routedTo) {
    const why = completed
      ? `You completed this action, so ${verifier} verifies it.`
      : `You asked for the new date, so ${verifier} decides it.`;
    body.push(textBlock(why, { isSubtle: true }));
  }
  if (u.extension) {
    const asked = u.extension.planOwnersReached
      ? `Asked ${verifier} to approve moving the due date to ${formatDate(u.extension.date)}.`
      : `The request to move the due date to ${formatDate(u.extension.date)} is recorded, but ${verifier} cannot be reached in Teams yet.`;
    body.push(textBlock(asked, { isSubtle: true }));
  }
  const again = u.view.status === 'open' ? [executeAction('Update again', 'action.open', { actionId: u.view.id })] : [];
  return adaptiveCard(body, again);
}

/** For actions the owner cannot update any more (completed, awaiting verification). */
export function closedCard(view: ActionView): AdaptiveCard {
  const why =
    view.status === 'complete'
      ? 'This action is complete.'
      : 'This action is complete and awaiting verification by the plan owner.';
  return adaptiveCard([bannerBlock({ text: why, style: 'good' }), ...actionSummary(view)]);
}

/** A polite no: shown instead of the form to someone who may not change this action. */
export function refusalCard(view: ActionView | null, what = 'update'): AdaptiveCard {
  if (!view)
    return adaptiveCard([textBlock('I could not find that action any more. It may have been removed from the plan.')]);
  return adaptiveCard([
    textBlock(
      `Sorry, only the action's owners, their delegates, the plan owner and admins can ${what} ${safe(view.displayRef, 40)}. Nothing was changed.`,
    ),
    ...actionSummary(view),
  ]);
}

export const MY_ACTIONS_PAGE_SIZE = 5;

/** "my actions": the sender's open actions, each with its own Update button, paged. */
export function myActionsCard(input: { actions: ActionView[]; total: number; page: number }): AdaptiveCard {
  const { actions, total, page } = input;
  if (!total) return adaptiveCard([textBlock('You have no open actions. Nice.')]);
  const first = page * MY_ACTIONS_PAGE_SIZE + 1;
  const last = first + actions.length - 1;
  const body: CardElement[] = [heading(`Your open actions — ${first}–${last} of ${total}`)];
  for (const a of actions) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(`**${safe(a.displayRef, 40)}** ${safe(a.text, 140)}`),
        textBlock(`Due ${safe(dueWords(a), 60)} · **${RAG_LABEL[a.effectiveRag]}** — ${safe(a.reason, 120)}`, {
          isSubtle: true,
          size: 'Small',
          spacing: 'None',
        }),
        { type: 'ActionSet', actions: [updateButton(a.id, { verb: 'myactions.page', data: { page } })] },
      ],
    });
  }
  const pages = Math.ceil(total / MY_ACTIONS_PAGE_SIZE);
  const next = `Next ${Math.min(MY_ACTIONS_PAGE_SIZE, total - last)}`;
  return adaptiveCard(
    body,
    pagerButtons(page, pages, 'myactions.page', (p) => ({ page: p }), next),
  );
}
