/**
 * The plan owner's cards: approve or reject a new due date, verify or reopen a completed action, and
 * the outcome cards that replace them (also sent to the requester / owners as the notice).
 */
import type { FieldErrors } from '../core/actions/change';
import type { ExtensionRequestInfo, VerificationRequestInfo } from '../core/actions/owner-messages';
import type { ActionView } from '../core/actions/view';
import { formatDate, spanWords } from '../core/time';
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from './card';
import { boardViewButton } from './board-link';
import { closureButton } from './closure';
import { evidenceBlock } from './evidence';
import { safe } from './text';
import { actionSummary, bannerBlock, clockTime } from './update-card';
import { dueWords } from './voice';

interface CommentForm {
  errors?: FieldErrors;
  /** What the plan owner typed, kept when the card comes back with an error. */
  comment?: string;
}

function commentInput(label: string, form: CommentForm): CardElement[] {
  return [
    { type: 'Input.Text', id: 'comment', label, isMultiline: true, maxLength: 2000, value: form.comment ?? '' },
    ...(form.errors?.comment
      ? [textBlock(safe(form.errors.comment, 200), { color: 'Attention', size: 'Small', spacing: 'None' })]
      : []),
  ];
}

export function extensionApprovalCard(view: ActionView, r: ExtensionRequestInfo, form: CommentForm = {}): AdaptiveCard {
  return adaptiveCard(
    [
      textBlock(
        `${safe(r.requesterName, 80)} asks to move the due date of ${safe(view.displayRef, 40)} from ${safe(dueWords(view), 80)} to **${formatDate(r.requestedDate)}**.`,
      ),
      textBlock(`Reason: ${safe(r.reason, 600)}`),
      ...because(r.because),
      ...actionSummary(view),
      ...commentInput('Comment (required to reject)', form),
    ],
    [
      executeAction(
        'Approve',
        'extension.decide',
        { requestId: r.requestId, decision: 'approve' },
        { style: 'positive' },
      ),
      executeAction(
        'Reject',
        'extension.decide',
        { requestId: r.requestId, decision: 'reject' },
        { style: 'destructive' },
      ),
      ...boardViewButton(r.tab, view.id),
    ],
  );
}

export interface ExtensionOutcome {
  approved: boolean;
  requestedDate: string;
  deciderName: string;
  comment: string | null;
  at?: Date;
  timeZone?: string;
}

export function extensionOutcomeCard(view: ActionView, d: ExtensionOutcome): AdaptiveCard {
  const when = d.at && d.timeZone ? ` at ${clockTime(d.at, d.timeZone)}` : '';
  const what = d.approved
    ? `approved moving the due date to ${formatDate(d.requestedDate)}`
    : `rejected moving the due date to ${formatDate(d.requestedDate)}`;
  return adaptiveCard([
    bannerBlock({
      text: `${safe(d.deciderName, 80)}${when} ${what} for ${safe(view.displayRef, 40)}`,
      style: d.approved ? 'good' : 'warning',
    }),
    ...(d.comment ? [textBlock(`Comment: ${safe(d.comment, 600)}`)] : []),
    ...actionSummary(view),
  ]);
}

/** Why the card came to this reader and not the plan owner (separation of duties). */
function because(text: string | undefined): CardElement[] {
  return text ? [textBlock(safe(text, 400), { isSubtle: true, wrap: true })] : [];
}

export function verificationCard(view: ActionView, d: VerificationRequestInfo, form: CommentForm = {}): AdaptiveCard {
  return adaptiveCard(
    [
      ...followUpBanner(d.waiting),
      textBlock(
        `${safe(d.completedBy, 80)} marked ${safe(view.displayRef, 40)} complete. Please verify it or reopen it.`,
      ),
      ...(d.note ? [textBlock(`Their note: ${safe(d.note, 600)}`)] : []),
      ...because(d.because),
      ...evidenceBlock(d.evidence ?? []),
      ...actionSummary(view),
      ...commentInput('Comment (required to reopen)', form),
    ],
    [
      executeAction(
        'Verify',
        'action.verify',
        { actionId: view.id, version: view.version, decision: 'verify' },
        { style: 'positive' },
      ),
      executeAction(
        'Reopen',
        'action.verify',
        { actionId: view.id, version: view.version, decision: 'reopen' },
        { style: 'destructive' },
      ),
      closureButton(view.id),
      ...boardViewButton(d.tab, view.id),
    ],
  );
}

/** On a follow-up: how long the completion has waited, and why Chaser keeps asking. */
function followUpBanner(w: VerificationRequestInfo['waiting']): CardElement[] {
  if (!w) return [];
  return [
    bannerBlock({
      text: `Still awaiting verification: completed ${formatDate(w.since)}, ${spanWords(w.days)} ago. Chaser follows ${w.priority}-priority actions up until they are verified.`,
      style: 'warning',
    }),
  ];
}

/**
 * Shown to someone deciding their own completion or date request: who decides instead, and that
 * nothing changed.
 */
export function ownDecisionCard(
  view: ActionView,
  d: { what: 'completed' | 'requested'; decidesInstead: string },
): AdaptiveCard {
  const who = safe(d.decidesInstead, 200);
  const text =
    d.what === 'completed'
      ? `You completed ${safe(view.displayRef, 40)}, so you cannot verify it: ${who} verifies it. Nothing was changed.`
      : `You asked for this new date, so you cannot decide it: ${who} decides it. Nothing was changed.`;
  return adaptiveCard([bannerBlock({ text, style: 'warning' }), ...actionSummary(view)]);
}

export interface VerificationOutcome {
  verified: boolean;
  deciderName: string;
  comment: string | null;
  at?: Date;
  timeZone?: string;
}

export function verificationOutcomeCard(view: ActionView, d: VerificationOutcome): AdaptiveCard {
  const when = d.at && d.timeZone ? ` at ${clockTime(d.at, d.timeZone)}` : '';
  const what = d.verified ? 'verified' : 'reopened';
  return adaptiveCard([
    bannerBlock({
      text: `${safe(view.displayRef, 40)} ${what} by ${safe(d.deciderName, 80)}${when}`,
      style: d.verified ? 'good' : 'warning',
    }),
    ...(d.comment ? [textBlock(`Comment: ${safe(d.comment, 600)}`)] : []),
    ...actionSummary(view),
  ]);
}
