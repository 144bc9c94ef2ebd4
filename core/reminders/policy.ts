/**
 * When Chaser reminds, per plan (Plan.reminderPolicy, JSON): working days before the due date, on the
 * due date, every N days while overdue, a nudge after N days without an update for undated ("Ongoing")
 * actions, and escalation to the plan owner once an action is overdue by more than N days, sooner for
 * higher priorities (a committee expects its high-priority recommendations chased hardest), and a
 * completion left waiting for verification followed up with whoever verifies it (high priority always).
 * Anything not set in a plan's JSON takes the default; an invalid policy falls back to the defaults
 * (the job logs the problem) so one bad plan never stops reminders for the others.
 */
import { z } from 'zod';
import type { Priority } from '../domain';

const days = z.number().int().min(0).max(365);
const verifyDays = z.number().int().min(1).max(365);

export const reminderPolicySchema = z
  .object({
    /** Working days (of the owner's week) before the due date; each is a "due-in-N" reminder. */
    beforeDueWorkingDays: z.array(z.number().int().min(1).max(100)).max(6).default([14, 7, 1]),
    onDueDate: z.boolean().default(true),
    /** Calendar days between reminders while overdue. */
    overdueEveryDays: z.number().int().min(1).max(365).default(7),
    /** Calendar days without an update before an undated action gets a nudge (and again every as many). */
    staleAfterDays: z.number().int().min(1).max(365).default(30),
    /** Calendar days overdue after which the plan owner hears about it. */
    escalateAfterDays: days.default(14),
    /** The same per priority; a priority not named (and an action with none) takes escalateAfterDays. */
    escalateAfterDaysByPriority: z
      .object({ high: days.optional(), medium: days.optional(), low: days.optional() })
      .strict()
      .default({ high: 7 }),
    /**
     * Per priority, calendar days a completion may wait for verification before whoever verifies it is
     * reminded (and again every overdueEveryDays until it is verified or reopened). A priority not named
     * is not followed up; high always is: an audit committee counts a high-priority recommendation
     * closed only once someone has confirmed it.
     */
    verifyFollowUpDaysByPriority: z
      .object({ high: verifyDays.default(5), medium: verifyDays.optional(), low: verifyDays.optional() })
      .strict()
      .default({ high: 5 }),
  })
  .strict();

export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = reminderPolicySchema.parse({});

/** Days overdue after which an action of `priority` is escalated to the plan owner. */
export function escalationDays(policy: ReminderPolicy, priority: Priority | string | null): number {
  const byPriority = policy.escalateAfterDaysByPriority as Partial<Record<string, number>>;
  return (priority ? byPriority[priority] : undefined) ?? policy.escalateAfterDays;
}

/** Days a completion of `priority` may wait for verification before it is followed up; null: not followed up. */
export function verifyFollowUpDays(policy: ReminderPolicy, priority: Priority | string | null): number | null {
  const byPriority = policy.verifyFollowUpDaysByPriority as Partial<Record<string, number>>;
  return (priority ? byPriority[priority] : undefined) ?? null;
}

/** The plan's policy, or the defaults with the reason when its JSON is missing or invalid. */
export function parseReminderPolicy(json: string | null | undefined): { policy: ReminderPolicy; error?: string } {
  if (!json?.trim()) return { policy: DEFAULT_REMINDER_POLICY };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { policy: DEFAULT_REMINDER_POLICY, error: 'reminderPolicy is not valid JSON' };
  }
  const parsed = reminderPolicySchema.safeParse(raw);
  if (parsed.success) return { policy: parsed.data };
  const issue = parsed.error.issues[0];
  return { policy: DEFAULT_REMINDER_POLICY, error: `reminderPolicy.${issue.path.join('.')}: ${issue.message}` };
}
