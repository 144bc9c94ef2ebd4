import {
  dueLabel,
  escalationKey,
  isEscalated,
  owedOccasion,
  owedWindow,
  reminderKey,
  type ReminderSubject,
} from '../../../core/reminders/occasions';
import { addDays } from '../../../core/time';
import { escalationDays, DEFAULT_REMINDER_POLICY as policy, parseReminderPolicy } from '../../../core/reminders/policy';
import { PRIORITIES } from '../../../core/domain';

const WEEK = [1, 2, 3, 4, 5];
// Due Monday 14 Dec 2026: 14 working days before is Tue 24 Nov, 7 is Thu 3 Dec, 1 is Fri 11 Dec.
const dated = { due: '2026-12-14', lastActivity: '2026-11-01' };
const owed = (today: string, subject: ReminderSubject = dated, days = WEEK, p = policy) =>
  owedOccasion(subject, today, days, p);

describe('owed reminder occasion', () => {
  it('owes nothing before the first window', () => {
    expect(owed('2026-11-23')).toBeNull();
  });

  it('owes due-in-14/7/1 working days, due-today, then overdue every 7 days', () => {
    expect(owed('2026-11-24')).toEqual({ kind: 'due-in-14', date: '2026-11-24' });
    expect(owed('2026-12-02')).toEqual({ kind: 'due-in-14', date: '2026-11-24' });
    expect(owed('2026-12-03')).toEqual({ kind: 'due-in-7', date: '2026-12-03' });
    expect(owed('2026-12-11')).toEqual({ kind: 'due-in-1', date: '2026-12-11' });
    expect(owed('2026-12-14')).toEqual({ kind: 'due-today', date: '2026-12-14' });
    expect(owed('2026-12-20')).toEqual({ kind: 'due-today', date: '2026-12-14' });
    expect(owed('2026-12-21')).toEqual({ kind: 'overdue', date: '2026-12-21' });
    expect(owed('2026-12-27')).toEqual({ kind: 'overdue', date: '2026-12-21' });
    expect(owed('2026-12-28')).toEqual({ kind: 'overdue', date: '2026-12-28' });
  });

  it('after downtime owes only the latest occasion, not the ones missed', () => {
    expect(owed('2026-12-11')).toEqual({ kind: 'due-in-1', date: '2026-12-11' });
  });

  it("counts working days in the owner's own week", () => {
    // Sunday to Thursday: one working day before Monday 14 Dec is Sunday 13 Dec, not Friday 11 Dec.
    expect(owed('2026-12-11', dated, [7, 1, 2, 3, 4])?.kind).toBe('due-in-7');
    expect(owed('2026-12-13', dated, [7, 1, 2, 3, 4])).toEqual({ kind: 'due-in-1', date: '2026-12-13' });
  });

  it('nudges an undated action after 30 days without an update, and every 30 days after', () => {
    const ongoing = { due: null, lastActivity: '2026-10-01' };
    expect(owed('2026-10-30', ongoing)).toBeNull();
    expect(owed('2026-10-31', ongoing)).toEqual({ kind: 'stale', date: '2026-10-31' });
    expect(owed('2026-11-29', ongoing)).toEqual({ kind: 'stale', date: '2026-10-31' });
    expect(owed('2026-11-30', ongoing)).toEqual({ kind: 'stale', date: '2026-11-30' });
  });

  it("follows a plan's own windows", () => {
    const custom = parseReminderPolicy('{"beforeDueWorkingDays":[3],"onDueDate":false,"overdueEveryDays":2}').policy;
    expect(owed('2026-12-08', dated, WEEK, custom)).toBeNull();
    expect(owed('2026-12-09', dated, WEEK, custom)).toEqual({ kind: 'due-in-3', date: '2026-12-09' });
    expect(owed('2026-12-15', dated, WEEK, custom)).toEqual({ kind: 'due-in-3', date: '2026-12-09' });
    expect(owed('2026-12-16', dated, WEEK, custom)).toEqual({ kind: 'overdue', date: '2026-12-16' });
  });

  it('escalates once overdue by more than 14 days', () => {
    expect(isEscalated('2026-12-14', '2026-12-28', policy.escalateAfterDays)).toBe(false);
    expect(isEscalated('2026-12-14', '2026-12-29', policy.escalateAfterDays)).toBe(true);
    expect(isEscalated(null, '2027-12-29', policy.escalateAfterDays)).toBe(false);
  });

  it('escalates high priority sooner (7 days by default), each priority as the plan sets it', () => {
    expect([escalationDays(policy, 'high'), escalationDays(policy, 'medium'), escalationDays(policy, null)]).toEqual([
      7, 14, 14,
    ]);
    const set = parseReminderPolicy(
      JSON.stringify({ escalateAfterDays: 21, escalateAfterDaysByPriority: { high: 0, low: 60 } }),
    ).policy;
    expect(PRIORITIES.map((p) => escalationDays(set, p))).toEqual([0, 21, 60]);
    expect(parseReminderPolicy(JSON.stringify({ escalateAfterDaysByPriority: { urgent: 1 } })).error).toMatch(
      /escalateAfterDaysByPriority/,
    );
  });

  it('says where an action stands on the card', () => {
    expect(dueLabel(dated, '2026-12-11')).toBe('due in 3 days');
    expect(dueLabel(dated, '2026-12-13')).toBe('due tomorrow');
    expect(dueLabel(dated, '2026-12-14')).toBe('due today');
    expect(dueLabel(dated, '2026-12-15')).toBe('overdue 1 day');
    expect(dueLabel(dated, '2026-12-30')).toBe('overdue 2 weeks');
    expect(dueLabel({ due: null, lastActivity: '2026-10-01' }, '2026-11-15')).toBe('no update for 6 weeks');
  });
});

describe('ReminderLog keys', () => {
  // Keys already logged must keep matching: a changed spelling would send every past reminder again.
  it('spell action, kind, due date, occasion and person as they are stored', () => {
    expect(reminderKey('a1', { kind: 'due-in-7', date: '2026-12-03' }, '2026-12-14', 'p1')).toBe(
      'a1:due-in-7:2026-12-14:2026-12-03:p1',
    );
    expect(reminderKey('a1', { kind: 'stale', date: '2026-12-01' }, null, 'p1')).toBe('a1:stale:none:2026-12-01:p1');
    expect(escalationKey('a1', '2026-11-01', 'p2')).toBe('a1:escalation:2026-11-01:p2');
  });
});

describe('reminder policy', () => {
  it('takes the defaults when a plan sets none', () => {
    expect(parseReminderPolicy(null)).toEqual({
      policy: {
        beforeDueWorkingDays: [14, 7, 1],
        onDueDate: true,
        overdueEveryDays: 7,
        staleAfterDays: 30,
        escalateAfterDays: 14,
        escalateAfterDaysByPriority: { high: 7 },
        verifyFollowUpDaysByPriority: { high: 5 },
      },
    });
  });

  it('merges what a plan sets with the defaults', () => {
    expect(parseReminderPolicy('{"escalateAfterDays":28}').policy).toMatchObject({
      escalateAfterDays: 28,
      overdueEveryDays: 7,
    });
  });

  it('falls back to the defaults with a reason on invalid JSON, values or names', () => {
    expect(parseReminderPolicy('{nope')).toEqual({ policy, error: 'reminderPolicy is not valid JSON' });
    expect(parseReminderPolicy('{"beforeDueWorkingDays":[0]}').error).toMatch(
      /^reminderPolicy\.beforeDueWorkingDays\.0: /,
    );
    expect(parseReminderPolicy('{"overdueEvery":7}').error).toMatch(/Unrecognized key/);
  });
});

describe('owed window (the sweep SQL bounds)', () => {
  // Every action owed anything today, in any recipient's time zone and week, lies inside the window.
  it('contains every owed action for random policies, weeks, due dates and quiet spells', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    const today = '2026-11-24';
    for (let i = 0; i < 3000; i++) {
      const p = parseReminderPolicy(
        JSON.stringify({ beforeDueWorkingDays: [int(1, 60), int(1, 20)], staleAfterDays: int(1, 90) }),
      ).policy;
      const week = [1, 2, 3, 4, 5, 6, 7].filter(() => rand() < 0.5);
      if (week.length === 0) week.push(int(1, 7));
      const window = owedWindow(today, [p], week.length);
      const localToday = addDays(today, int(-1, 1));
      const due = rand() < 0.8 ? addDays(today, int(-30, 200)) : null;
      const subject = { due, lastActivity: addDays(today, -int(0, 200)) };
      if (!owedOccasion(subject, localToday, week, p)) continue;
      if (due) expect(due <= window.dueBy).toBe(true);
      else expect(subject.lastActivity <= window.quietSince).toBe(true);
    }
  });

  it('is tight for the default policy and a five-day week: three weeks ahead, thirty days quiet', () => {
    expect(owedWindow('2026-11-24', [], 5)).toEqual({ dueBy: '2026-12-16', quietSince: '2026-10-26' });
  });
});
