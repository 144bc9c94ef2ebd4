import { OwnerCalendar } from '../../../core/reminders/calendar';
import { dueLabel, isEscalated, owedOccasion, type ReminderSubject } from '../../../core/reminders/occasions';
import { DEFAULT_REMINDER_POLICY, parseReminderPolicy } from '../../../core/reminders/policy';
import { addDays } from '../../../core/time';

const TODAY = '2026-11-24';
const policies = [
  DEFAULT_REMINDER_POLICY,
  parseReminderPolicy(
    '{"beforeDueWorkingDays":[3],"onDueDate":false,"overdueEveryDays":2,"staleAfterDays":10,"escalateAfterDays":0}',
  ).policy,
];

/** Dated actions from a year overdue to three months ahead, undated ones quiet for up to a year, the same dates again with other last activity. */
function subjects(): ReminderSubject[] {
  const list: ReminderSubject[] = [];
  for (let d = -400; d <= 100; d++) {
    list.push({ due: addDays(TODAY, d), lastActivity: addDays(TODAY, -((d * 7) % 50) - 1) });
    list.push({ due: addDays(TODAY, d), lastActivity: addDays(TODAY, -3) });
    list.push({ due: null, lastActivity: addDays(TODAY, Math.min(0, d)) });
  }
  return list;
}

it.each([
  ['a five-day week', [1, 2, 3, 4, 5]],
  ['a four-day week from Tuesday', [2, 3, 4, 5]],
])(
  'owes each action what owedOccasion owes, escalates it when isEscalated does and labels it as dueLabel does, for %s, whatever was asked before',
  (_, week) => {
    const calendar = new OwnerCalendar(TODAY, week);
    // Twice over: the second pass answers from what the first worked out.
    for (const pass of [1, 2]) {
      for (const policy of policies) {
        for (const a of subjects()) {
          expect([pass, calendar.occasion(a, policy)]).toEqual([pass, owedOccasion(a, TODAY, week, policy)]);
          expect([pass, calendar.label(a)]).toEqual([pass, dueLabel(a, TODAY)]);
          if (a.due)
            expect([pass, calendar.escalation(a.due, policy.escalateAfterDays)]).toEqual([
              pass,
              isEscalated(a.due, TODAY, policy.escalateAfterDays) ? addDays(a.due, policy.escalateAfterDays + 1) : null,
            ]);
        }
      }
    }
  },
);
