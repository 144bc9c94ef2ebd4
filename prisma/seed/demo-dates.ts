/**
 * Moves the demo plan in time so that today falls in the middle of its life. The plan as the force kept
 * it ran from December 2014 to November 2015; read as of 22 July 2015 it has work overdue, due within
 * days and still ahead. Every date moves by the same number of days, dates written as dates are
 * rewritten in the plan's own style, and what the plan recorded after that day is left out: a log entry
 * after it has not been written yet, and an action whose log runs past it was finished later.
 */
import { daysBetween, isoDate } from '../../core/time';
import type { ParsedAction, ParsedDue, ParsedPlan } from '../../core/import/types';

/** The day of the plan's life that becomes today. */
export const DEMO_STORY_DAY = '2015-07-22';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "01-Mar-15", the plan's way of writing a day. */
const PLAN_DAY = /^\d{2}-[A-Z][a-z]{2}-\d{2}$/;

/** The plan as it stood on DEMO_STORY_DAY, with every date moved so that day is `today` (YYYY-MM-DD). */
export function movePlanToToday(parsed: ParsedPlan, today: string): ParsedPlan {
  const days = daysBetween(DEMO_STORY_DAY, today);
  const move = (d: Date) => new Date(d.getTime() + days * 86_400_000);
  return {
    ...parsed,
    reportDate: parsed.reportDate && move(parsed.reportDate),
    recommendations: parsed.recommendations.map((rec) => ({
      ...rec,
      actions: rec.actions.map((a) => asOfStoryDay(a, move)),
    })),
  };
}

function asOfStoryDay(a: ParsedAction, move: (d: Date) => Date): ParsedAction {
  const after = (d: Date | null) => d !== null && isoDate(d) > DEMO_STORY_DAY;
  const finishedLater = a.updates.some((u) => after(u.at));
  const updates = a.updates.filter((u) => !after(u.at)).map((u) => ({ ...u, at: u.at && move(u.at) }));
  return {
    ...a,
    due: movedDue(a.due, move),
    updates,
    // What the plan says now was said after the story's day: the action was still open then.
    ...(finishedLater ? { status: 'open' as const, reportedRag: null } : {}),
  };
}

function movedDue(due: ParsedDue, move: (d: Date) => Date): ParsedDue {
  if (!due.date) return due;
  const date = move(due.date);
  return { ...due, date, text: PLAN_DAY.test(due.text) ? planDay(isoDate(date)) : due.text };
}

function planDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${MONTHS[Number(m) - 1]}-${y.slice(2)}`;
}
