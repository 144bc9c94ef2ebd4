/**
 * The RAG rules every feature shares (README "RAG rules"). An action's effective RAG is Complete when
 * it is complete; otherwise the worst of (a) what its owner reported, (b) Red when past due,
 * (c) Amber when due soon with no recent update, (d) Amber when stale. Each carries a one-line reason.
 */
import type { ActionStatus, Rag } from './domain';
import { addDays, formatDate } from './time';

export interface RagWindows {
  /** (c) "due soon" means due within this many days … */
  dueSoonDays: number;
  /** … and no update in this many days. */
  dueSoonQuietDays: number;
  /** (d) no update for this many days. */
  staleDays: number;
}

export const DEFAULT_RAG_WINDOWS: RagWindows = { dueSoonDays: 14, dueSoonQuietDays: 14, staleDays: 30 };

/** A calendar day, "YYYY-MM-DD": the rules compare days, never instants. */
export type Day = string;

export interface RagInput {
  status: ActionStatus | string;
  reportedRag: Rag | string | null;
  reportedRagAt: Day | null;
  dueDate: Day | null;
  completedAt: Day | null;
  /** The last update, or when the action was created when it has none. */
  lastActivityAt: Day;
  hasUpdates: boolean;
  /** How a closed action ended, and a risk acceptance's review date. */
  outcome?: string | null;
  reviewDate?: Day | null;
}

export interface EffectiveRag {
  rag: Rag;
  reason: string;
}

type OpenRag = 'RED' | 'AMBER' | 'GREEN';
const SEVERITY: Record<OpenRag, number> = { GREEN: 0, AMBER: 1, RED: 2 };
const WORD: Record<Rag, string> = {
  RED: 'Red',
  AMBER: 'Amber',
  GREEN: 'Green',
  COMPLETE: 'Complete',
  RISK_ACCEPTED: 'Risk accepted',
  SUPERSEDED: 'Superseded',
};

export function ragWord(rag: Rag): string {
  return WORD[rag];
}

/** `today` is the calendar date ("YYYY-MM-DD") in the organisation's time zone. */
export function effectiveRag(a: RagInput, today: string, windows: RagWindows = DEFAULT_RAG_WINDOWS): EffectiveRag {
  if (a.status === 'complete') {
    return { rag: 'COMPLETE', reason: a.completedAt ? `complete since ${formatDate(a.completedAt)}` : 'complete' };
  }
  if (a.status === 'closed') {
    if (a.outcome === 'risk_accepted') {
      const review = a.reviewDate ? `, review due ${formatDate(a.reviewDate)}` : '';
      return { rag: 'RISK_ACCEPTED', reason: `risk accepted${review}` };
    }
    return { rag: 'SUPERSEDED', reason: 'superseded: no longer applicable' };
  }
  if (a.status === 'awaiting_verification') {
    const when = a.completedAt ? ` ${formatDate(a.completedAt)}` : '';
    return { rag: 'COMPLETE', reason: `completed by owner${when}, awaiting verification` };
  }

  const due = a.dueDate;
  const last = a.lastActivityAt;
  const t = thresholds(today, windows);
  // The first rule that applies is the worst: Red (b) before Amber (c) before Amber (d).
  let derived: EffectiveRag | null = null;
  if (due && due < today) derived = { rag: 'RED', reason: overdueSince(due) };
  else if (due && due <= t.dueSoon && last <= t.dueSoonQuiet)
    derived = { rag: 'AMBER', reason: `due ${formatDate(due)} with no update ${quietSince(a, last)}` };
  else if (last <= t.stale) derived = { rag: 'AMBER', reason: `no update ${quietSince(a, last)}` };

  const reported = isOpenRag(a.reportedRag) ? a.reportedRag : null;
  const reportedText = reported
    ? `reported ${WORD[reported]}${a.reportedRagAt ? ` ${formatDate(a.reportedRagAt)}` : ''}`
    : null;

  if (!derived) return reported ? { rag: reported, reason: reportedText! } : { rag: 'GREEN', reason: 'on track' };
  if (reported && SEVERITY[reported] >= SEVERITY[derived.rag as 'RED']) {
    return { rag: reported, reason: `${reportedText}; ${derived.reason}` };
  }
  return { rag: derived.rag, reason: reportedText ? `${reportedText} but ${derived.reason}` : derived.reason };
}

/** The window edges as days for `today`. */
function thresholds(today: string, windows: RagWindows) {
  return {
    dueSoon: addDays(today, windows.dueSoonDays),
    dueSoonQuiet: addDays(today, -windows.dueSoonQuietDays),
    stale: addDays(today, -windows.staleDays),
  };
}

/** "overdue since 2 Jun 2015" for an action due on 1 Jun 2015. */
function overdueSince(due: Day): string {
  return `overdue since ${formatDate(addDays(due, 1))}`;
}

/** "since 1 Jun 2015", or "ever" for an action nobody has updated. */
function quietSince(a: RagInput, last: string): string {
  return a.hasUpdates ? `since ${formatDate(last)}` : 'ever';
}

function isOpenRag(rag: string | null): rag is OpenRag {
  return rag === 'RED' || rag === 'AMBER' || rag === 'GREEN';
}
