/**
 * Occasions, escalations and row labels for everyone who shares a local date and a working week. A sweep asks about
 * tens of thousands of (action, owner) pairs but only a few hundred distinct dates per calendar, so
 * each date is worked out once: a dated action's occasion and label depend on its due date alone, an
 * undated one's on its last activity.
 */
import { addDays } from '../time';
import { dueLabel, isEscalated, owedOccasion, type Occasion, type ReminderSubject } from './occasions';
import type { ReminderPolicy } from './policy';

export class OwnerCalendar {
  private readonly occasions = new Map<ReminderPolicy, Map<string, Occasion | null>>();
  private readonly labels = new Map<string, string>();

  constructor(
    readonly today: string,
    readonly week: readonly number[],
  ) {}

  /** owedOccasion for this calendar. */
  occasion(a: ReminderSubject, policy: ReminderPolicy): Occasion | null {
    let byDate = this.occasions.get(policy);
    if (!byDate) this.occasions.set(policy, (byDate = new Map()));
    const key = dateKey(a);
    let occasion = byDate.get(key);
    if (occasion === undefined) byDate.set(key, (occasion = owedOccasion(a, this.today, this.week, policy)));
    return occasion;
  }

  /**
   * The day an action due on `due` became escalated to the plan owner (overdue by more than
   * `escalateAfterDays`), or null when it is not (yet).
   */
  escalation(due: string, escalateAfterDays: number): string | null {
    return isEscalated(due, this.today, escalateAfterDays) ? addDays(due, escalateAfterDays + 1) : null;
  }

  /** dueLabel for this calendar. */
  label(a: ReminderSubject): string {
    const key = dateKey(a);
    let label = this.labels.get(key);
    if (label === undefined) this.labels.set(key, (label = dueLabel(a, this.today)));
    return label;
  }
}

function dateKey(a: ReminderSubject): string {
  return a.due ?? `quiet since ${a.lastActivity}`;
}
