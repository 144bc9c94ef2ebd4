/**
 * What a sweep reads, through the driver's rows rather than Prisma's: the same values Prisma stored, on
 * both databases. At a large organisation's scale it binds no id list longer than the driver accepts.
 */
import {
  existingReminderKeys,
  loadOpenActions,
  loadPeople,
  loadPersonalConversations,
  loadPlans,
  loadPosts,
  recentCardKeys,
} from '../../../core/reminders/load';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it("looks up 70,000 keys at once, past SQLite's and PostgreSQL's parameter limits, and finds those that exist", async () => {
  const ctx = {
    db: t.db,
    now: () => new Date('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const plan = await seedPlan(t.db, { key: 'BTP', actions: [{ ref: '1' }] });
  const action = await t.db.prisma.action.findFirstOrThrow({ where: { planId: plan.id } });
  const person = await seedPerson(t.db, { displayName: 'Alex' });
  // Keys with quotes, JSON's special characters and line breaks come back exactly.
  const logged = ['a1:overdue:2026-11-01:2026-11-22:p1', `it's "quoted" \\ back`, 'two\nlines'];
  for (const key of logged)
    await t.db.prisma.reminderLog.create({ data: { key, actionId: action.id, kind: 'overdue', personId: person.id } });

  const keys = Array.from({ length: 70_000 }, (_, i) => `key-${i}`);
  // One unlogged key with a line break first: every later position must still be its own.
  const asked = ['not\nlogged', ...keys, ...logged];
  expect((await existingReminderKeys(ctx, asked)).map((i) => asked[i]).sort()).toEqual([...logged].sort());
  await expect(existingReminderKeys(ctx, [])).resolves.toEqual([]);
});

it("reads the daily cards decided in the last two days, today's in every time zone among them", async () => {
  const now = new Date('2026-11-24T10:00:00Z');
  const ctx = { db: t.db, now: () => now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const conversation = await t.db.prisma.conversationRef.create({
    data: { conversationId: 'cards', scope: 'personal', serviceUrl: 'http://x', reference: '{}' },
  });
  const card = (idempotencyKey: string, purpose: string, notBefore: string) =>
    t.db.prisma.outboxMessage.create({
      data: {
        idempotencyKey,
        conversationId: conversation.id,
        purpose,
        activity: '{}',
        notBefore: new Date(notBefore),
      },
    });
  // Kiritimati (UTC+14) reached 24 Nov at 10:00 UTC on the 23rd; its 09:00 card went out then.
  await card('reminder:kiritimati:2026-11-24', 'reminder', '2026-11-23T19:00:00Z');
  await card('escalation:london:2026-11-24', 'escalation', '2026-11-24T09:00:00Z');
  // A retry moves a card's notBefore later, never earlier.
  await card('reminder:retried:2026-11-24', 'reminder', '2026-11-24T11:30:00Z');
  await card('reminder:london:2026-11-21', 'reminder', '2026-11-21T09:00:00Z');
  await card('digest:board:2026-11-24', 'digest', '2026-11-24T08:00:00Z');
  await expect(recentCardKeys(ctx, now)).resolves.toEqual(
    new Set(['reminder:kiritimati:2026-11-24', 'escalation:london:2026-11-24', 'reminder:retried:2026-11-24']),
  );
});

it('reads open, unsnoozed actions in the window in plan order, with their owners, dates as days, and people and posts as Prisma stored them', async () => {
  const ctx = {
    db: t.db,
    now: () => new Date('2026-11-24T10:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  // Created out of key order: the sweep lists plans by key, actions by position.
  const zed = await seedPlan(t.db, {
    key: 'ZED',
    owner: 'Chief Officer',
    actions: [{ ref: '1', due: '2026-11-20', owners: ['FCR'] }],
  });
  await seedPlan(t.db, {
    key: 'AAA',
    createdAt: '2026-01-05',
    actions: [
      {
        ref: '2',
        due: '2026-12-01',
        owners: ['FCR', 'Crime Registrar'],
        reportedRag: 'AMBER',
        updates: [{ at: '2026-11-02', text: 'on it' }],
      },
      { ref: '3', due: null, owners: ['Crime Registrar'] },
      { ref: '4', due: '2027-06-01', owners: ['FCR'] },
      { ref: '5', due: '2026-11-01', status: 'awaiting_verification', owners: ['FCR'] },
      { ref: '6', due: '2026-11-01', owners: ['FCR'] },
    ],
  });
  await t.db.prisma.action.updateMany({
    where: { ref: '6', plan: { key: 'AAA' } },
    data: { snoozedUntil: new Date('2026-12-01T00:00:00Z') },
  });
  await t.db.prisma.actionOwner.updateMany({
    where: { action: { ref: '2', plan: { key: 'AAA' } }, post: { name: 'Crime Registrar' } },
    data: { roleLabel: 'lead' },
  });
  const alex = await seedPerson(t.db, {
    displayName: 'Alex',
    posts: ['FCR', 'Chief Officer'],
    timeZone: 'Asia/Tokyo',
    teamsUserId: '29:alex',
  });
  await t.db.prisma.person.update({
    where: { id: alex.id },
    data: { remindersPaused: true, awayUntil: new Date('2026-12-01T09:30:00Z'), workingDays: '1,2,3,4' },
  });
  await t.db.prisma.conversationRef.create({
    data: { conversationId: 'a:alex', scope: 'personal', serviceUrl: 'http://x', reference: '{}', personId: alex.id },
  });

  const plans = await loadPlans(ctx);
  const actions = await loadOpenActions(ctx, ctx.now(), { dueBy: '2026-12-20', quietSince: '2026-10-25' }, plans);
  expect(actions.map((a) => `${a.planKey}-${a.ref}`)).toEqual(['AAA-2', 'AAA-3', 'ZED-1']);
  expect(actions[0]).toMatchObject({
    text: 'Action 2',
    due: '2026-12-01',
    dueText: '2026-12-01',
    lastActivity: '2026-11-02',
    hasUpdates: true,
    reportedRag: 'AMBER',
    reportedRagOn: '2026-11-02',
    planOwnerPostId: null,
    owners: [
      { postId: expect.any(String), roleLabel: null },
      { postId: expect.any(String), roleLabel: 'lead' },
    ],
  });
  expect(actions[1]).toMatchObject({
    due: null,
    lastActivity: '2026-01-05',
    hasUpdates: false,
    reportedRag: null,
    reportedRagOn: null,
  });
  expect(actions[2]).toMatchObject({ planOwnerPostId: zed.ownerPostId });

  const people = await loadPeople(ctx);
  expect(people.get(alex.id)).toEqual({
    id: alex.id,
    displayName: 'Alex',
    timeZone: 'Asia/Tokyo',
    workingDays: '1,2,3,4',
    awayUntil: new Date('2026-12-01T09:30:00Z'),
    delegateId: null,
    remindersPaused: true,
    teamsUserId: '29:alex',
    aadObjectId: null,
    tenantId: null,
  });
  const posts = await loadPosts(ctx, people);
  const fcr = posts.get(actions[0].owners[0].postId)!;
  expect(fcr).toEqual({
    name: 'FCR',
    holders: [people.get(alex.id)],
    view: {
      postId: actions[0].owners[0].postId,
      post: 'FCR',
      role: null,
      holders: [{ personId: alex.id, displayName: 'Alex', aadObjectId: null, teamsUserId: '29:alex' }],
    },
  });
  expect(posts.get(actions[0].owners[1].postId)).toMatchObject({ name: 'Crime Registrar', holders: [] });
  const conversations = await loadPersonalConversations(ctx);
  expect(conversations.get(alex.id)).toEqual(expect.any(String));
});
