/**
 * Ending an action without implementing it: the form (accept the risk, mark superseded; on review,
 * extend the acceptance or reopen), the card that replaces it, the notice to owners and the review card
 * the risk acceptor gets on the review date.
 */
import type { ClosureValues } from '../core/actions/close';
import type { FieldErrors } from '../core/actions/change';
import type { ActionView } from '../core/actions/view';
import { formatDate } from '../core/time';
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from './card';
import { safe } from './text';
import { actionSummary, bannerBlock, clockTime } from './update-card';

const CLOSE_CHOICES = [
  { value: 'risk_accepted', title: 'Accept the risk (not implementing it)' },
  { value: 'superseded', title: 'Mark superseded / no longer applicable' },
];
const REVIEW_CHOICES = [
  { value: 'extend_review', title: 'Extend the acceptance to a new review date' },
  { value: 'reopen', title: 'Reopen the action' },
];

export interface ClosureFormInput {
  view: ActionView;
  values?: ClosureValues;
  errors?: FieldErrors;
  banner?: string;
}

/** On a closed, risk-accepted action the form is its review: extend or reopen. */
export function closureFormCard({ view, values = {}, errors = {}, banner }: ClosureFormInput): AdaptiveCard {
  const review = view.status === 'closed';
  const error = (id: string): CardElement[] =>
    errors[id] ? [textBlock(safe(errors[id], 200), { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
  const choices = review ? REVIEW_CHOICES : CLOSE_CHOICES;
  const body: CardElement[] = [
    ...(banner ? [bannerBlock({ text: safe(banner, 300), style: 'warning' })] : []),
    ...actionSummary(view),
    ...(review && view.outcomeReason ? [textBlock(`Accepted because: ${safe(view.outcomeReason, 600)}`)] : []),
    {
      type: 'Input.ChoiceSet',
      id: 'outcome',
      label: 'Outcome',
      style: 'expanded',
      value: values.outcome ?? choices[0].value,
      choices,
    },
    ...error('outcome'),
    {
      type: 'Input.Text',
      id: 'outcomeReason',
      label: 'Reason (required)',
      isMultiline: true,
      maxLength: 2000,
      value: values.outcomeReason ?? '',
    },
    ...error('outcomeReason'),
    {
      type: 'Input.Date',
      id: 'reviewDate',
      label: 'Review the acceptance on (risk accepted)',
      value: values.reviewDate ?? '',
    },
    ...error('reviewDate'),
    ...(review
      ? []
      : [
          {
            type: 'Input.Text',
            id: 'replacedBy',
            label: 'Replaced by action (superseded, optional), e.g. BTP-CDI-9',
            maxLength: 60,
            value: values.replacedBy ?? '',
          },
        ]),
    ...error('replacedBy'),
  ];
  return adaptiveCard(body, [
    executeAction(
      'Record outcome',
      'action.close',
      { actionId: view.id, version: view.version },
      { style: 'positive' },
    ),
  ]);
}

/** "Risk accepted: …, review on 1 Jun 2016", "Superseded: …", for cards. */
export function outcomeLine(view: ActionView): string {
  const why = view.outcomeReason ? `: ${safe(view.outcomeReason, 600)}` : '';
  if (view.outcome === 'risk_accepted')
    return `Risk accepted${why}${view.reviewDate ? ` — review on ${formatDate(view.reviewDate)}` : ''}`;
  return `Superseded${why}`;
}

export function closureRecordedCard(d: { view: ActionView; by: string; at?: Date; timeZone?: string }): AdaptiveCard {
  const when = d.at && d.timeZone ? ` at ${clockTime(d.at, d.timeZone)}` : '';
  const what =
    d.view.status === 'open'
      ? 'reopened'
      : d.view.outcome === 'risk_accepted'
        ? 'closed: risk accepted'
        : 'closed: superseded';
  return adaptiveCard([
    bannerBlock({
      text: `${safe(d.view.displayRef, 40)} ${what} by ${safe(d.by, 80)}${when}`,
      style: d.view.status === 'open' ? 'warning' : 'good',
    }),
    ...(d.view.status === 'closed' ? [textBlock(outcomeLine(d.view))] : []),
    ...actionSummary(d.view),
  ]);
}

/** To the risk acceptor on the review date. */
export function riskReviewCard(view: ActionView): AdaptiveCard {
  return closureFormCard({
    view,
    banner: `The accepted risk on ${view.displayRef} is due for review. Extend the acceptance or reopen the action.`,
  });
}

/** The button that opens the form, for the verification and status cards. */
export function closureButton(actionId: string): CardElement {
  return executeAction('Accept risk / mark superseded', 'action.closeForm', { actionId });
}
