/**
 * Which reminder an action is owed on a given day (pure). Each policy window is an "occasion" with the
 * date it starts; the action is owed the latest occasion on or before today. A run that finds it
 * already sent (ReminderLog) sends nothing, and a run after downtime sends only the latest one, so an
 * owner back after a fortnight gets "overdue", not the "due in 14 days" they missed.
 */
import { addDays, addWorkingDays, daysBetween, spanWords } from '../time';
import { DEFAULT_REMINDER_POLICY, type ReminderPolicy } from './policy';

/** due-in-N (N working days before), due-today, overdue (weekly), stale (undated, no update). */
export type ReminderKind = `due-in-${number}` | 'due-today' | 'overdue' | 'stale';

export interface Occasion {
  kind: ReminderKind;
  /** The day the occasion starts ("YYYY-MM-DD"); part of the log key, so each is sent once. */
  date: string;
}

export interface ReminderSubject {
  /** Due date ("YYYY-MM-DD"), null for "Ongoing". */
  due: string | null;
  /** Date of the last update, or of creation when there is none. */
  lastActivity: string;
}

/** The occasion owed on `today` (the owner's local date), or null when nothing is due yet. */
export function owedOccasion(
  a: ReminderSubject,
  today: string,
  workingDays: readonly number[],
  policy: ReminderPolicy,
): Occasion | null {
  if (!a.due) {
    const quiet = daysBetween(a.lastActivity, today);
    if (quiet < policy.staleAfterDays) return null;
    const nudges = Math.floor(quiet / policy.staleAfterDays);
    return { kind: 'stale', date: addDays(a.lastActivity, nudges * policy.staleAfterDays) };
  }
  // The latest occasion started on or before today is owed. Overdue starts after the due date, which
  // is after every due-in window, and a nearer window starts later: checking them in that order
  // leaves most actions (the overdue ones) without any working-day sums.
  const late = daysBetween(a.due, today);
  if (late >= policy.overdueEveryDays) {
    return {
      kind: 'overdue',
      date: addDays(a.due, Math.floor(late / policy.overdueEveryDays) * policy.overdueEveryDays),
    };
  }
  if (policy.onDueDate && late >= 0) return { kind: 'due-today', date: a.due };
  for (const n of nearestFirst(policy.beforeDueWorkingDays)) {
    const date = addWorkingDays(a.due, -n, workingDays);
    if (date <= today) return { kind: `due-in-${n}`, date };
  }
  return null;
}

const sortedWindows = new WeakMap<readonly number[], number[]>();

/** A policy's due-in windows, nearest first: sorted once per policy, not per action. */
function nearestFirst(days: readonly number[]): number[] {
  let sorted = sortedWindows.get(days);
  if (!sorted) sortedWindows.set(days, (sorted = [...days].sort((x, y) => x - y)));
  return sorted;
}

/** Overdue by more than the policy allows: the plan owner should hear about it (once per due date). */
/** Overdue by more than `escalateAfterDays` (escalationDays in policy.ts: the action's priority's window). */
export function isEscalated(due: string | null, today: string, escalateAfterDays: number): boolean {
  return due !== null && daysBetween(due, today) > escalateAfterDays;
}

/**
 * ReminderLog keys. A reminder is (action, kind, due date, the occasion's day, the owner it is for):
 * a changed due date starts a fresh sequence; co-owners each get theirs.
 */
export function reminderKey(actionId: string, o: Occasion, due: string | null, ownerId: string): string {
  return logKey(actionId, o.kind, due ?? 'none', o.date, ownerId);
}

export function escalationKey(actionId: string, due: string, planOwnerId: string): string {
  return logKey(actionId, 'escalation', due, planOwnerId);
}

/**
 * The parts joined into one flat string: a sweep keeps every candidate's key to its end, and a template
 * literal would keep each as a rope of a node per piece for the garbage collector to copy.
 */
function logKey(...parts: string[]): string {
  return parts.join(':');
}

/** How a row reads today: "due in 3 days", "due today", "overdue 2 weeks", "no update for 6 weeks". */
export function dueLabel(a: ReminderSubject, today: string): string {
  if (!a.due) return `no update for ${spanWords(daysBetween(a.lastActivity, today))}`;
  const d = daysBetween(today, a.due);
  if (d === 0) return 'due today';
  if (d > 0) return d === 1 ? 'due tomorrow' : `due in ${spanWords(d)}`;
  return `overdue ${spanWords(d)}`;
}

export interface OwedWindow {
  /** Only actions due on or before this day can be owed a reminder today … */
  dueBy: string;
  /** … or undated ones with no activity since this day. */
  quietSince: string;
}

/**
 * The narrowest date bounds that still include every action owed anything today, whoever owns it, so a
 * sweep asks the database for those alone instead of every open action. Recipients' local dates are
 * within a day of the organisation's; n working days before a due date span at most ceil(n / w) weeks
 * for someone working w days a week.
 */
export function owedWindow(today: string, policies: readonly ReminderPolicy[], fewestWorkingDays: number): OwedWindow {
  const latest = addDays(today, 1);
  const all = [DEFAULT_REMINDER_POLICY, ...policies];
  const ahead = Math.max(
    ...all.flatMap((p) => p.beforeDueWorkingDays.map((n) => Math.ceil(n / Math.max(1, fewestWorkingDays)) * 7)),
    0,
  );
  return { dueBy: addDays(latest, ahead), quietSince: addDays(latest, -Math.min(...all.map((p) => p.staleAfterDays))) };
}
