/**
 * What a committee measures a plan by (README "Measures"), defined once: the summary answer counts in SQL,
 * the digest and the board pack count the actions they already hold; all three turn the counts into the
 * same figures here.
 */
import { daysBetween, isoDate, localDate, spanWords } from '../time';

/** Percentages are 0–100, rounded down (99.6 % is not "100 %"); null where nothing counts. */
export interface Measures {
  /** Implemented and verified, of all actions. */
  verifiedPercent: number;
  /** Of those verified, completed on or before the date first promised. */
  onTimePercent: number | null;
  /** Open and past their due date, of all actions. */
  overduePercent: number;
  /** Mean days past due of the overdue actions. */
  averageDaysOverdue: number | null;
  riskAccepted: number;
}

export interface MeasureCounts {
  total: number;
  verified: number;
  verifiedOnTime: number;
  overdue: number;
  /** Days past due, summed over the overdue actions. */
  overdueDays: number;
  riskAccepted: number;
}

export function measuresOf(c: MeasureCounts): Measures {
  return {
    verifiedPercent: percent(c.verified, c.total) ?? 0,
    onTimePercent: percent(c.verifiedOnTime, c.verified),
    overduePercent: percent(c.overdue, c.total) ?? 0,
    averageDaysOverdue: c.overdue ? Math.round(c.overdueDays / c.overdue) : null,
    riskAccepted: c.riskAccepted,
  };
}

export function percent(part: number, whole: number): number | null {
  return whole ? Math.floor((100 * part) / whole) : null;
}

/**
 * Completed on or before the first promised date (the due date when it never moved), on the organisation's
 * calendar; no date, no promise broken.
 */
export function completedOnTime(
  a: { completedAt: Date | null; dueDate: Date | null; originalDueDate: Date | null },
  timeZone: string,
): boolean {
  const promised = a.originalDueDate ?? a.dueDate;
  if (!promised || !a.completedAt) return !promised;
  return localDate(a.completedAt, timeZone) <= isoDate(promised);
}

export interface MeasuredAction {
  status: string;
  outcome: string | null;
  completedAt: Date | null;
  dueDate: Date | null;
  originalDueDate: Date | null;
}

/**
 * The measures of actions already in memory (the digest's and the board pack's, as of their date): the same
 * counts the summary answer makes in SQL (core/store/summary-counts.ts); a test holds the two equal.
 */
export function measuresOfActions(actions: readonly MeasuredAction[], today: string, timeZone: string): Measures {
  const c: MeasureCounts = {
    total: actions.length,
    verified: 0,
    verifiedOnTime: 0,
    overdue: 0,
    overdueDays: 0,
    riskAccepted: 0,
  };
  for (const a of actions) {
    if (a.status === 'complete') {
      c.verified++;
      if (completedOnTime(a, timeZone)) c.verifiedOnTime++;
    } else if (a.status === 'open' && a.dueDate && isoDate(a.dueDate) < today) {
      c.overdue++;
      c.overdueDays += daysBetween(isoDate(a.dueDate), today);
    } else if (a.status === 'closed' && a.outcome === 'risk_accepted') c.riskAccepted++;
  }
  return measuresOf(c);
}

/** The measures in words, as cards and board packs show them: [label, value]. */
export function measureWords(m: Measures): [string, string][] {
  return [
    ['Implemented and verified', `${m.verifiedPercent}%`],
    ['Implemented by the date first promised', m.onTimePercent === null ? 'none verified yet' : `${m.onTimePercent}%`],
    ['Overdue', `${m.overduePercent}%`],
    ['Average time overdue', m.averageDaysOverdue === null ? 'none overdue' : spanWords(m.averageDaysOverdue)],
    ['Risk accepted', String(m.riskAccepted)],
  ];
}
