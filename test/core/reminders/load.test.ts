/** A sweep at a large organisation's scale binds no id list longer than the database driver accepts. */
import { existingOutboxKeys, existingReminderKeys } from '../../../core/reminders/load';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it("looks up 70,000 keys at once, past SQLite's and PostgreSQL's parameter limits, and finds those that exist", async () => {
  const ctx = { db: t.db, now: () => new Date('2026-11-24T10:00:00Z'), timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const plan = await seedPlan(t.db, { key: 'BTP', actions: [{ ref: '1' }] });
  const action = await t.db.prisma.action.findFirstOrThrow({ where: { planId: plan.id } });
  const person = await seedPerson(t.db, { displayName: 'Alex' });
  // Keys with quotes and JSON's special characters come back exactly.
  const logged = ['a1:overdue:2026-11-01:2026-11-22:p1', `it's "quoted" \\ back`];
  for (const key of logged) await t.db.prisma.reminderLog.create({ data: { key, actionId: action.id, kind: 'overdue', personId: person.id } });
  const conversation = await t.db.prisma.conversationRef.create({ data: { conversationId: 'c1', scope: 'personal', serviceUrl: 'http://x', reference: '{}' } });
  await t.db.prisma.outboxMessage.create({ data: { idempotencyKey: 'reminder:p1:2026-11-24', conversationId: conversation.id, purpose: 'reminder', activity: '{}' } });

  const keys = Array.from({ length: 70_000 }, (_, i) => `key-${i}`);
  await expect(existingReminderKeys(ctx, [...keys, ...logged])).resolves.toEqual(new Set(logged));
  await expect(existingOutboxKeys(ctx, [...keys, 'reminder:p1:2026-11-24', 'escalation:p1:2026-11-24'])).resolves.toEqual(new Set(['reminder:p1:2026-11-24']));
  await expect(existingReminderKeys(ctx, [])).resolves.toEqual(new Set());
});
