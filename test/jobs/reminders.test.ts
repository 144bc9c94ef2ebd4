/**
 * The reminder job against a real database on a test clock: who gets which card on which day, at their
 * local 09:00, in two time zones, never on weekends, once each however often or concurrently it runs.
 */
import { openDb } from '../../core/db/client';
import { runReminders } from '../../core/reminders/run';
import { addDays, isoWeekday, localDate } from '../../core/time';
import { dailyCardActivity } from '../../jobs/reminders';
import { testClock } from '../helpers/clock';
import { createTestDb, testProvider, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { addConversation, cardOf, coreFor, runJob, sentReminders, silentLog, wipe } from './reminders.fixture';

let t: TestDatabase;
const clock = testClock('2026-11-23T08:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
beforeEach(async () => {
  await wipe(t.db);
  silentLog.warn.mockClear();
});
afterAll(() => t.drop());

/** Ann (London) and Ben (New York) own actions in a plan Olivia owns; all three chat with the bot. */
async function seedWorld() {
  await seedPlan(t.db, {
    key: 'P',
    owner: 'Plan Owner',
    createdAt: '2026-10-01',
    actions: [
      { ref: 'A1', owners: ['Head A'], due: '2026-12-14', dueText: 'Mid Dec 26', createdAt: '2026-10-01' },
      { ref: 'A2', owners: ['Head A'], due: '2026-12-03', createdAt: '2026-10-01' },
      { ref: 'S1', owners: ['Head A'], due: null, createdAt: '2026-10-24' },
      { ref: 'B1', owners: ['Head B'], due: '2026-12-19', createdAt: '2026-10-01' },
      { ref: 'C1', owners: ['Head A'], due: '2026-12-14', status: 'awaiting_verification', createdAt: '2026-10-01' },
      { ref: 'C2', owners: ['Head B'], due: '2026-12-14', status: 'complete', createdAt: '2026-10-01' },
    ],
  });
  const ann = await seedPerson(t.db, { displayName: 'Ann', posts: ['Head A'], timeZone: 'Europe/London' });
  const ben = await seedPerson(t.db, { displayName: 'Ben', posts: ['Head B'], timeZone: 'America/New_York' });
  const olivia = await seedPerson(t.db, { displayName: 'Olivia', posts: ['Plan Owner'], timeZone: 'Europe/London' });
  for (const p of [ann, ben, olivia]) await addConversation(t.db, p.id);
  return { ann, ben, olivia };
}

/** Runs the job on each day from `from` to `to` at the given UTC times. */
async function runDays(from: string, to: string, times: string[]) {
  const core = coreFor(t.db, clock);
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const time of times) {
      clock.set(`${d}T${time}:00Z`);
      await runJob(core);
    }
  }
}

describe('reminder job', () => {
  it('sends each owner one card a day at 09:00 local on working days, with every window, and escalates', async () => {
    await seedWorld();
    // London is on UTC in winter; New York is UTC-5. Each day: just before 09:00 in London, just after
    // (04:01 in New York), and just after 09:00 in New York (a second run for London).
    await runDays('2026-11-23', '2027-01-05', ['08:59', '09:01', '14:01']);

    const r = (date: string, to: string, ref: string, kind: string, card = 'reminder') => ({
      date,
      to,
      card,
      ref,
      kind,
    });
    expect(await sentReminders(t.db)).toEqual([
      r('2026-11-23', 'Ann', 'A2', 'due-in-14'),
      r('2026-11-23', 'Ann', 'S1', 'stale'),
      r('2026-11-24', 'Ann', 'A1', 'due-in-14'),
      r('2026-11-24', 'Ann', 'A2', 'due-in-7'),
      r('2026-12-01', 'Ben', 'B1', 'due-in-14'),
      r('2026-12-02', 'Ann', 'A2', 'due-in-1'),
      r('2026-12-03', 'Ann', 'A1', 'due-in-7'),
      r('2026-12-03', 'Ann', 'A2', 'due-today'),
      r('2026-12-10', 'Ann', 'A2', 'overdue'),
      r('2026-12-10', 'Ben', 'B1', 'due-in-7'),
      r('2026-12-11', 'Ann', 'A1', 'due-in-1'),
      r('2026-12-14', 'Ann', 'A1', 'due-today'),
      r('2026-12-17', 'Ann', 'A2', 'overdue'),
      r('2026-12-18', 'Ben', 'B1', 'due-in-1'),
      r('2026-12-18', 'Olivia', 'A2', 'escalation', 'escalation'),
      // B1 is due on Saturday 19 Dec: its due-day reminder waits for Monday.
      r('2026-12-21', 'Ann', 'A1', 'overdue'),
      r('2026-12-21', 'Ben', 'B1', 'due-today'),
      r('2026-12-23', 'Ann', 'S1', 'stale'),
      r('2026-12-24', 'Ann', 'A2', 'overdue'),
      r('2026-12-28', 'Ann', 'A1', 'overdue'),
      r('2026-12-28', 'Ben', 'B1', 'overdue'),
      r('2026-12-29', 'Olivia', 'A1', 'escalation', 'escalation'),
      r('2026-12-31', 'Ann', 'A2', 'overdue'),
      r('2027-01-04', 'Ann', 'A1', 'overdue'),
      r('2027-01-04', 'Ben', 'B1', 'overdue'),
      r('2027-01-04', 'Olivia', 'B1', 'escalation', 'escalation'),
    ]);

    const people = new Map((await t.db.prisma.person.findMany()).map((p) => [p.id, p]));
    const outbox = await t.db.prisma.outboxMessage.findMany();
    const days = new Set((await sentReminders(t.db)).map((s) => `${s.card}:${s.to}:${s.date}`));
    expect(outbox).toHaveLength(days.size);
    for (const row of outbox) {
      const [, personId, date] = row.idempotencyKey.split(':');
      const tz = people.get(personId)!.timeZone!;
      // Queued by the first run after 09:00 in the recipient's own zone (09:01 London, 14:01 UTC New York).
      expect(localDate(row.notBefore, tz)).toBe(date);
      expect(row.notBefore.toISOString().slice(11, 16)).toBe(tz === 'America/New_York' ? '14:01' : '09:01');
      expect(isoWeekday(date)).toBeLessThan(6);
      expect(row.conversationId).toBe((await t.db.prisma.conversationRef.findFirst({ where: { personId } }))!.id);
    }
  });

  it('puts all of an owner’s actions on one card with ref, due as written and as date, RAG and an Update button', async () => {
    const { ann } = await seedWorld();
    clock.set('2026-11-24T09:30:00Z');
    await runJob(coreFor(t.db, clock));
    const [row] = await t.db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: `reminder:${ann.id}:2026-11-24` },
    });
    expect(row.purpose).toBe('reminder');
    const card = cardOf(row);
    const text = JSON.stringify(card.body);
    expect(text).toContain('3 actions need your attention');
    expect(text).toContain('P\\\\-A1');
    expect(text).toContain('Due 14 Dec 2026 \\\\(Mid Dec 26\\\\) · due in 2 weeks');
    expect(text).toContain('P\\\\-A2');
    expect(text).toContain('Due 3 Dec 2026 · due in 9 days');
    expect(text).toContain('Due Ongoing · no update for 4 weeks');
    expect(text).not.toContain('P\\\\-C1');
    const updates = JSON.stringify(card.body).match(/"verb":"action\.open"/g) ?? [];
    expect(updates).toHaveLength(6); // verb and data.verb for each of the three rows
    expect(text).toContain(`"actionId":"${(await t.db.prisma.action.findFirst({ where: { ref: 'A1' } }))!.id}"`);
  });

  it('catches up once after downtime: the first run after 09:00 sends, later runs that day do not', async () => {
    const { ann } = await seedWorld();
    const core = coreFor(t.db, clock);
    clock.set('2026-11-24T15:47:00Z');
    await runJob(core);
    clock.set('2026-11-24T15:52:00Z');
    await runJob(core);
    clock.set('2026-11-24T23:59:00Z');
    await runJob(core);
    expect(
      await t.db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `reminder:${ann.id}:` } } }),
    ).toBe(1);
    // Down from Tuesday to the next Monday: one card with only the latest occasion of each action.
    clock.set('2026-12-21T11:00:00Z');
    await runJob(core);
    const monday = (await sentReminders(t.db)).filter((s) => s.date === '2026-12-21' && s.to === 'Ann');
    expect(monday.map((s) => `${s.ref} ${s.kind}`)).toEqual(['A1 overdue', 'A2 overdue']);
  });

  it('gives an away owner’s reminders to their delegate, or holds them until the owner is back', async () => {
    const { ann } = await seedWorld();
    const dan = await seedPerson(t.db, { displayName: 'Dan', timeZone: 'Europe/London' });
    await addConversation(t.db, dan.id);
    await t.db.prisma.person.update({
      where: { id: ann.id },
      data: { awayUntil: new Date('2026-11-26T00:00:00Z'), delegateId: dan.id },
    });
    const core = coreFor(t.db, clock);
    clock.set('2026-11-24T09:01:00Z');
    await runJob(core);
    const [danCard] = await t.db.prisma.outboxMessage.findMany({
      where: { idempotencyKey: `reminder:${dan.id}:2026-11-24` },
    });
    expect(JSON.stringify(cardOf(danCard).body)).toContain('On behalf of Ann (away)');
    expect((await sentReminders(t.db)).filter((s) => s.date === '2026-11-24').map((s) => `${s.to} ${s.ref}`)).toEqual([
      'Dan A1',
      'Dan A2',
      'Dan S1',
    ]);
    expect(await t.db.prisma.reminderLog.findMany({ where: { outboxId: danCard.id } })).toEqual([
      expect.objectContaining({ personId: ann.id }),
      expect.objectContaining({ personId: ann.id }),
      expect.objectContaining({ personId: ann.id }),
    ]);

    // No delegate: nothing while away; the latest occasion when back.
    await t.db.prisma.person.update({
      where: { id: ann.id },
      data: { awayUntil: new Date('2026-12-05T00:00:00Z'), delegateId: null },
    });
    await runDays('2026-11-25', '2026-12-04', ['09:01']);
    expect((await sentReminders(t.db)).filter((s) => s.date > '2026-11-24')).toEqual([]);
    await runDays('2026-12-07', '2026-12-07', ['09:01']);
    expect(
      (await sentReminders(t.db)).filter((s) => s.date > '2026-11-24').map((s) => `${s.to} ${s.ref} ${s.kind}`),
    ).toEqual(['Ann A1 due-in-7', 'Ann A2 due-today']);
  });

  it('respects paused reminders and snoozed actions', async () => {
    const { ann, ben } = await seedWorld();
    await t.db.prisma.person.update({ where: { id: ben.id }, data: { remindersPaused: true } });
    await t.db.prisma.action.updateMany({
      where: { ref: 'A1' },
      data: { snoozedUntil: new Date('2026-12-04T00:00:00Z') },
    });
    await runDays('2026-11-24', '2026-12-04', ['09:01', '14:01']);
    const sent = await sentReminders(t.db);
    expect(sent.filter((s) => s.to === 'Ben')).toEqual([]);
    expect(sent.filter((s) => s.ref === 'A1').map((s) => `${s.date} ${s.kind}`)).toEqual(['2026-12-04 due-in-7']);
    expect(ann).toBeDefined();
  });

  it('records one card per owner-day and one log per reminder when run twice, concurrently, or after a crash mid-run', async () => {
    await seedWorld();
    clock.set('2026-11-24T09:01:00Z');
    // A second instance: its own connection on PostgreSQL. libsql's SQLite calls block the event loop
    // while waiting for a lock, so two SQLite connections in one process would deadlock each other:
    // there the two runs share the connection and interleave their transactions.
    const second = testProvider() === 'postgresql' ? await openDb(t.url) : t.db;
    try {
      const [r1, r2] = await Promise.all(
        [runJob(coreFor(t.db, clock)), runJob(coreFor(second, clock))].map((p) => p.then(() => sentReminders(t.db))),
      );
      expect(r1.length).toBeGreaterThan(0);
      expect(r2).toEqual(await sentReminders(t.db));
      await runJob(coreFor(second, clock));
    } finally {
      if (second !== t.db) await second.close();
    }
    const keys = (await t.db.prisma.reminderLog.findMany()).map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(3);
    expect(await t.db.prisma.outboxMessage.count()).toBe(1);

    // A crash while rendering the second of two cards: the first is recorded whole, the second not at all.
    clock.set('2026-12-10T14:01:00Z');
    const core = coreFor(t.db, clock);
    let rendered = 0;
    const crashing = (card: Parameters<typeof dailyCardActivity>[0]) => {
      if (++rendered === 2) throw new Error('killed');
      return dailyCardActivity(card);
    };
    await expect(runReminders(core, { reminderTime: '09:00', render: crashing })).rejects.toThrow('killed');
    expect((await sentReminders(t.db)).filter((s) => s.date === '2026-12-10').map((s) => `${s.to} ${s.ref}`)).toEqual([
      'Ann A1',
      'Ann A2',
    ]);
    await runReminders(core, { reminderTime: '09:00', render: dailyCardActivity });
    await runReminders(core, { reminderTime: '09:00', render: dailyCardActivity });
    expect((await sentReminders(t.db)).filter((s) => s.date === '2026-12-10').map((s) => `${s.to} ${s.ref}`)).toEqual([
      'Ann A1',
      'Ann A2',
      'Ben B1',
    ]);
    expect(await t.db.prisma.outboxMessage.count()).toBe(3);
  });

  it('tells the plan owner about owners without a chat with the bot, once per reminder', async () => {
    const { ann } = await seedWorld();
    await t.db.prisma.conversationRef.deleteMany({ where: { personId: ann.id } });
    await t.db.prisma.person.update({
      where: { id: ann.id },
      data: { teamsUserId: '29:ann', aadObjectId: 'aad-ann', tenantId: 't1' },
    });
    await seedPlan(t.db, {
      key: 'Q',
      owner: 'Plan Owner',
      createdAt: '2026-10-01',
      actions: [{ ref: 'X1', owners: ['Head X'], due: '2026-12-01', createdAt: '2026-10-01' }],
    });
    await seedPerson(t.db, { displayName: 'Xena', posts: ['Head X'] });
    await runDays('2026-11-24', '2026-11-25', ['09:01']);
    const [row] = await t.db.prisma.outboxMessage.findMany({ where: { purpose: 'escalation' } });
    const text = JSON.stringify(cardOf(row).body);
    expect(text).toContain('Unreachable owners — 2');
    expect(text).toContain('**Ann** — known to Teams, has not installed Chaser');
    expect(text).toContain('P\\\\-A1 (due in 2 weeks), P\\\\-A2 (due in 9 days)');
    expect(text).toContain('**Xena** — not known to Teams yet');
    // Logged as delivered (to the plan owner): the next day's run does not report them again.
    expect(await t.db.prisma.outboxMessage.count()).toBe(1);
    expect((await sentReminders(t.db)).map((s) => `${s.to} ${s.ref} ${s.kind}`)).toEqual([
      'Olivia A1 due-in-14',
      'Olivia A2 due-in-7',
      'Olivia S1 stale',
      'Olivia X1 due-in-7',
    ]);
  });

  it('escalates a high-priority action after a week overdue, the rest after two (the default windows)', async () => {
    await seedWorld();
    await t.db.prisma.action.updateMany({ where: { ref: 'A2' }, data: { priority: 'high' } });
    await runDays('2026-12-04', '2026-12-11', ['09:01']);
    const escalations = (await sentReminders(t.db)).filter((s) => s.kind === 'escalation');
    expect(escalations.map((s) => `${s.date} ${s.to} ${s.ref}`)).toEqual(['2026-12-11 Olivia A2']);
  });

  it("follows a plan's own reminder policy and falls back to the defaults (with a warning) on a bad one", async () => {
    await seedWorld();
    await t.db.prisma.plan.update({
      where: { key: 'P' },
      data: {
        reminderPolicy: JSON.stringify({
          beforeDueWorkingDays: [2],
          onDueDate: false,
          overdueEveryDays: 30,
          escalateAfterDays: 60,
        }),
      },
    });
    await runDays('2026-11-23', '2026-12-18', ['09:01', '14:01']);
    expect((await sentReminders(t.db)).map((s) => `${s.date} ${s.to} ${s.ref} ${s.kind}`)).toEqual([
      '2026-11-23 Ann S1 stale',
      '2026-12-01 Ann A2 due-in-2',
      '2026-12-10 Ann A1 due-in-2',
      '2026-12-17 Ben B1 due-in-2',
    ]);
    await t.db.prisma.plan.update({ where: { key: 'P' }, data: { reminderPolicy: '{"overdueEvery": 3}' } });
    await runDays('2026-12-21', '2026-12-21', ['09:01']);
    expect(silentLog.warn).toHaveBeenCalledWith(
      { plan: 'P', error: expect.stringContaining('Unrecognized key') },
      'invalid reminder policy: using the defaults',
    );
    expect((await sentReminders(t.db)).filter((s) => s.date === '2026-12-21').map((s) => `${s.ref} ${s.kind}`)).toEqual(
      ['A1 overdue', 'A2 overdue', 'A2 escalation'],
    );
  });
});
