/** `npm run chaser -- remind`: the dry run shows who would get which card when, and writes nothing; the real run queues. */
import { runCli } from '../../bot/cli/run';
import { testClock } from '../helpers/clock';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { addConversation } from './reminders.fixture';

let t: TestDatabase;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { DATABASE_URL: t.url, REMINDER_TIME: '09:00' },
    now: testClock('2020-01-01T00:00:00Z').now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}

beforeAll(async () => {
  t = await createTestDb();
  await seedPlan(t.db, {
    key: 'P',
    owner: 'Plan Owner',
    createdAt: '2026-10-01',
    actions: [
      { ref: 'A1', owners: ['Head A'], due: '2026-12-14', createdAt: '2026-10-01' },
      { ref: 'B1', owners: ['Head B'], due: '2026-11-10', createdAt: '2026-10-01' },
    ],
  });
  for (const [name, post, timeZone] of [
    ['Ann', 'Head A', 'Europe/London'],
    ['Ben', 'Head B', 'America/New_York'],
    ['Olivia', 'Plan Owner', 'Europe/London'],
  ]) {
    const p = await seedPerson(t.db, { displayName: name, posts: [post], timeZone });
    await addConversation(t.db, p.id);
  }
});
afterAll(() => t.drop());

describe('remind', () => {
  it('--dry-run --json prints one object per card, as of the given moment, and writes nothing', async () => {
    const r = await cli('remind', '--as-of', '2026-11-25T15:00:00Z', '--dry-run', '--json');
    expect(r.code).toBe(0);
    const lines = r.out.map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        card: 'reminder',
        person: expect.objectContaining({ name: 'Ann' }),
        timeZone: 'Europe/London',
        localDate: '2026-11-25',
        localTime: '09:00',
        sendAt: '2026-11-25T09:00:00.000Z',
        actions: [expect.objectContaining({ ref: 'P-A1', kind: 'due-in-14', since: '2026-11-24', due: '2026-12-14' })],
      }),
      expect.objectContaining({
        card: 'reminder',
        person: expect.objectContaining({ name: 'Ben' }),
        timeZone: 'America/New_York',
        localTime: '09:00',
        sendAt: '2026-11-25T14:00:00.000Z',
        actions: [expect.objectContaining({ ref: 'P-B1', kind: 'overdue', since: '2026-11-24' })],
      }),
      expect.objectContaining({
        card: 'escalation',
        person: expect.objectContaining({ name: 'Olivia' }),
        actions: [expect.objectContaining({ ref: 'P-B1', kind: 'escalation' })],
      }),
    ]);
    expect(await t.db.prisma.outboxMessage.count()).toBe(0);
    expect(await t.db.prisma.reminderLog.count()).toBe(0);
    // Before 09:00 in New York, Ben is not due a card yet.
    const early = await cli('remind', '--as-of', '2026-11-25T10:00:00Z', '--dry-run', '--json');
    expect(early.out.map((l) => JSON.parse(l).person.name)).toEqual(['Ann', 'Olivia']);
  });

  it("reads a date as REMINDER_TIME that day, and a time without a zone as the organisation's", async () => {
    const onDate = await cli('remind', '--as-of', '2026-11-25', '--dry-run', '--json');
    expect(onDate.out.map((l) => JSON.parse(l).person.name)).toEqual(['Ann', 'Olivia']);
    // Ben's 09:00 in New York is 14:00 UTC, after London's 09:00: not yet his time.
    // 09:30 in London in summer time is 08:30 UTC.
    const summer = await cli('remind', '--as-of', '2026-06-03T09:30', '--dry-run');
    expect(summer.out[0]).toBe('No cards due as of Wed 3 Jun 2026 09:30 Europe/London.');
  });

  it('queues the cards once when run for real', async () => {
    expect(await cli('remind', '--as-of', '2026-11-25T15:00:00Z')).toMatchObject({
      code: 0,
      out: [
        'Queued 3 cards as of Wed 25 Nov 2026 15:00 Europe/London.',
        "The running bot's outbox worker sends them from Wed 25 Nov 2026 15:00 Europe/London, at once if that has passed.",
      ],
    });
    expect(await cli('remind', '--as-of', '2026-11-25T15:05:00Z', '--json')).toMatchObject({
      code: 0,
      out: ['{"asOf":"2026-11-25T15:05:00.000Z","queued":[],"alreadyQueued":[]}'],
    });
    expect(await t.db.prisma.outboxMessage.count()).toBe(3);
  });

  it('rejects a moment it cannot read, or a date that does not exist', async () => {
    const forms = '2026-12-07, 2026-12-07T09:30 (local time) or 2026-12-07T09:30:00Z (Europe/London)';
    for (const bad of ['tomorrow-ish', '2026-02-30', '9999-99-99', '1e15']) {
      expect(await cli('remind', '--as-of', bad, '--dry-run')).toMatchObject({
        code: 2,
        err: [`--as-of must look like ${forms}, got "${bad}"`],
      });
    }
  });

  it('says why a run finds no card: a day off, a time still to come, an owner with no chat', async () => {
    const saturday = await cli('remind', '--as-of', '2026-11-28T10:00', '--dry-run');
    expect(saturday.out).toEqual([
      'No cards due as of Sat 28 Nov 2026 10:00 Europe/London.',
      '- not a working day for Ann, Olivia: their next reminders go Mon 30 Nov 2026 09:00 Europe/London',
      '- not a working day for Ben: their next reminders go Mon 30 Nov 2026 09:00 America/New_York',
    ]);
    const early = await cli('remind', '--as-of', '2026-11-30T07:00', '--dry-run');
    expect(early.out).toEqual([
      'No cards due as of Mon 30 Nov 2026 07:00 Europe/London.',
      '- the reminder time has not come for Ann, Olivia: it comes Mon 30 Nov 2026 09:00 Europe/London',
      '- the reminder time has not come for Ben: it comes Mon 30 Nov 2026 09:00 America/New_York',
    ]);
    const dan = await seedPerson(t.db, { displayName: 'Dan', posts: ['Head D'] });
    await seedPlan(t.db, {
      key: 'Q',
      createdAt: '2026-10-01',
      actions: [{ ref: 'D1', owners: ['Head D'], due: '2026-11-20', createdAt: '2026-10-01' }],
    });
    const noChat = await cli('remind', '--as-of', '2026-11-30T10:00', '--dry-run');
    expect(noChat.out).toContain(
      '- Dan is owed 1 reminder but has no chat with Chaser yet: a card goes once they message the bot',
    );
    await t.db.prisma.person.update({ where: { id: dan.id }, data: { remindersPaused: true } });
    const paused = await cli('remind', '--as-of', '2026-11-30T10:00', '--dry-run');
    expect(paused.out).toContain('- Dan is owed 1 reminder but paused reminders');
  });
});
