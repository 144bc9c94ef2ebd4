/** A reminder card's later page, rebuilt from the reminders the sent card carried. */
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { reminderCardRows } from '../../../core/reminders/page';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('labels each row as it stands today, in plan order, naming the away owner a delegate covers', async () => {
  await seedPlan(t.db, {
    key: 'PG',
    actions: [
      { ref: '1', owners: ['Head A'], due: '2026-11-10' },
      { ref: '2', owners: ['Head B'], due: null, createdAt: '2026-10-01' },
    ],
  });
  const dan = await seedPerson(t.db, { displayName: 'Dan', posts: ['Head A'] });
  const ann = await seedPerson(t.db, { displayName: 'Ann', posts: ['Head B'] });
  const conversation = await t.db.prisma.conversationRef.create({
    data: {
      conversationId: 'a:dan',
      scope: 'personal',
      personId: dan.id,
      serviceUrl: 'http://127.0.0.1:9/',
      reference: '{}',
    },
  });
  const card = await t.db.prisma.outboxMessage.create({
    data: {
      idempotencyKey: `reminder:${dan.id}:2026-11-20`,
      conversationId: conversation.id,
      purpose: 'reminder',
      activity: null,
      status: 'sent',
    },
  });
  const [one, two] = await t.db.prisma.action.findMany({
    where: { plan: { key: 'PG' } },
    orderBy: { position: 'asc' },
  });
  // Logged in the other order: the page shows plan order.
  await t.db.prisma.reminderLog.createMany({
    data: [
      { key: 'k2', actionId: two.id, kind: 'stale', personId: ann.id, outboxId: card.id },
      { key: 'k1', actionId: one.id, kind: 'overdue', personId: dan.id, outboxId: card.id },
    ],
  });
  const ctx = {
    db: t.db,
    now: () => new Date('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };

  const page = await reminderCardRows(ctx, card.idempotencyKey, dan.id);
  expect(page).toMatchObject({ purpose: 'reminder', recipientName: 'Dan' });
  expect(page!.rows.map((r) => [r.action.displayRef, r.label, r.onBehalfOf])).toEqual([
    ['PG-1', 'overdue 2 weeks', null],
    ['PG-2', 'no update for 7 weeks', 'Ann'],
  ]);
  // Only the card's recipient may page it; an unknown card has no page.
  expect(await reminderCardRows(ctx, card.idempotencyKey, ann.id)).toBeNull();
  expect(await reminderCardRows(ctx, 'reminder:nobody:2026-11-20', dan.id)).toBeNull();
});

it("pages an escalation card's escalations only, across plans in plan order; other cards have no page", async () => {
  await seedPlan(t.db, { key: 'ZZ', actions: [{ ref: '1', owners: ['Head Z'], due: '2026-10-01' }] });
  await seedPlan(t.db, {
    key: 'AA',
    actions: [
      { ref: '1', owners: ['Head Y'], due: '2026-10-02' },
      { ref: '2', owners: ['Head Y'], due: '2026-10-03' },
    ],
  });
  const boss = await seedPerson(t.db, { displayName: 'Boss', posts: ['Plan owner'] });
  const conversation = await t.db.prisma.conversationRef.create({
    data: {
      conversationId: 'a:boss',
      scope: 'personal',
      personId: boss.id,
      serviceUrl: 'http://127.0.0.1:9/',
      reference: '{}',
    },
  });
  const outbox = (key: string, purpose: string) =>
    t.db.prisma.outboxMessage.create({
      data: { idempotencyKey: key, conversationId: conversation.id, purpose, activity: null, status: 'sent' },
    });
  const card = await outbox(`escalation:${boss.id}:2026-11-20`, 'escalation');
  const digest = await outbox('digest:board:2026-W47', 'digest');
  const byKey = async (plan: string, ref: string) =>
    (await t.db.prisma.action.findFirstOrThrow({ where: { plan: { key: plan }, ref } })).id;
  await t.db.prisma.reminderLog.createMany({
    data: [
      { key: 'e-zz1', actionId: await byKey('ZZ', '1'), kind: 'escalation', personId: boss.id, outboxId: card.id },
      { key: 'e-aa2', actionId: await byKey('AA', '2'), kind: 'escalation', personId: boss.id, outboxId: card.id },
      // An unreachable owner's reminder the escalation card carried on its first page.
      {
        key: 'r-aa1',
        actionId: await byKey('AA', '1'),
        kind: 'overdue',
        personId: 'someone-unreachable',
        outboxId: card.id,
      },
      { key: 'd-aa1', actionId: await byKey('AA', '1'), kind: 'overdue', personId: boss.id, outboxId: digest.id },
    ],
  });
  const ctx = {
    db: t.db,
    now: () => new Date('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };

  const page = await reminderCardRows(ctx, card.idempotencyKey, boss.id);
  expect(page).toMatchObject({ purpose: 'escalation', recipientName: 'Boss' });
  expect(page!.rows.map((r) => [r.action.displayRef, r.onBehalfOf])).toEqual([
    ['AA-2', null],
    ['ZZ-1', null],
  ]);
  expect(await reminderCardRows(ctx, digest.idempotencyKey, boss.id)).toBeNull();
});
