/** The benchmark's reminder history: the keys Chaser logs, nothing in the last week, one card per recipient per day. */
import { owedOccasion, reminderKey } from '../../core/reminders/occasions';
import { DEFAULT_REMINDER_POLICY } from '../../core/reminders/policy';
import { ReminderHistory } from '../../bench/history';

const TODAY = '2026-11-24';
const WEEK = [1, 2, 3, 4, 5];
const people = new Map([
  ['alex', { workingDays: WEEK, conversationRefId: 'conv-alex' }],
  ['megan', { workingDays: WEEK, conversationRefId: 'conv-megan' }],
  ['unreachable', { workingDays: WEEK, conversationRefId: null }],
]);

it('logs every occasion up to a week ago under the keys the sweep looks up, and leaves the latest one owed', () => {
  const history = new ReminderHistory(TODAY, people);
  const logs = history.logs([
    { id: 'a1', due: '2026-09-30', doneDay: null, ownerIds: ['alex', 'unreachable'], planOwnerIds: ['megan'] },
  ]);
  const keys = logs.map((l) => l.key);
  expect(keys).toContain(reminderKey('a1', { kind: 'due-in-14', date: '2026-09-10' }, '2026-09-30', 'alex'));
  expect(keys).toContain(reminderKey('a1', { kind: 'due-today', date: '2026-09-30' }, '2026-09-30', 'alex'));
  expect(keys).toContain('a1:escalation:2026-09-30:megan');
  // Only reachable owners were sent anything.
  expect(logs.every((l) => l.personId !== 'unreachable')).toBe(true);
  // Overdue every 7 days from 2026-10-07 up to a week ago; today's occasion is still owed.
  const overdue = logs.filter((l) => l.kind === 'overdue').map((l) => (l.createdAt as Date).toISOString().slice(0, 10));
  expect(overdue).toEqual(['2026-10-07', '2026-10-14', '2026-10-21', '2026-10-28', '2026-11-04', '2026-11-11']);
  const owed = owedOccasion({ due: '2026-09-30', lastActivity: '2026-09-01' }, TODAY, WEEK, DEFAULT_REMINDER_POLICY)!;
  expect(keys).not.toContain(reminderKey('a1', owed, '2026-09-30', 'alex'));
});

it('stops at completion, logs nothing for undated actions, and groups a day’s reminders on one card', () => {
  const history = new ReminderHistory(TODAY, people);
  const logs = history.logs([
    { id: 'done', due: '2026-03-02', doneDay: '2026-03-20', ownerIds: ['alex'], planOwnerIds: [] },
    { id: 'same-day', due: '2026-03-02', doneDay: '2026-03-03', ownerIds: ['alex'], planOwnerIds: [] },
    { id: 'ongoing', due: null, doneDay: null, ownerIds: ['alex'], planOwnerIds: [] },
  ]);
  expect(logs.filter((l) => l.actionId === 'done' && l.kind === 'overdue').map((l) => l.key)).toEqual([
    reminderKey('done', { kind: 'overdue', date: '2026-03-09' }, '2026-03-02', 'alex'),
    reminderKey('done', { kind: 'overdue', date: '2026-03-16' }, '2026-03-02', 'alex'),
  ]);
  expect(logs.some((l) => l.actionId === 'ongoing')).toBe(false);
  const dueToday = logs.filter((l) => l.kind === 'due-today');
  expect(dueToday).toHaveLength(2);
  expect(dueToday[0].outboxId).toBe(dueToday[1].outboxId);

  const cards = [...history.cards(1000)].flat();
  expect(cards).toHaveLength(new Set(logs.map((l) => l.outboxId)).size);
  expect(cards.find((c) => c.id === dueToday[0].outboxId)).toMatchObject({
    idempotencyKey: 'reminder:alex:2026-03-02',
    conversationId: 'conv-alex',
    status: 'sent',
    activity: null,
  });
});

it('keeps the payload of cards within the retention window, in chunks', () => {
  const history = new ReminderHistory(TODAY, people);
  history.logs([
    { id: 'recent', due: '2026-11-01', doneDay: null, ownerIds: ['alex'], planOwnerIds: [] },
    { id: 'old', due: '2025-01-06', doneDay: '2025-01-07', ownerIds: ['megan'], planOwnerIds: [] },
  ]);
  const chunks = [...history.cards(2)];
  expect(chunks.every((c) => c.length <= 2)).toBe(true);
  const cards = chunks.flat();
  expect(cards.find((c) => c.idempotencyKey === 'reminder:alex:2026-11-01')!.activity).toEqual(
    expect.stringContaining('AdaptiveCard'),
  );
  expect(cards.find((c) => c.idempotencyKey === 'reminder:megan:2025-01-06')!.activity).toBeNull();
});
