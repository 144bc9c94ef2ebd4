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
  const code = await runCli(argv, { env: { DATABASE_URL: t.url, REMINDER_TIME: '09:00' }, now: testClock('2020-01-01T00:00:00Z').now, out: (l) => out.push(l), err: (l) => err.push(l) });
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
  for (const [name, post, timeZone] of [['Ann', 'Head A', 'Europe/London'], ['Ben', 'Head B', 'America/New_York'], ['Olivia', 'Plan Owner', 'Europe/London']]) {
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
      expect.objectContaining({ card: 'reminder', person: expect.objectContaining({ name: 'Ann' }), timeZone: 'Europe/London', localDate: '2026-11-25', localTime: '09:00', sendAt: '2026-11-25T09:00:00.000Z', actions: [expect.objectContaining({ ref: 'P-A1', kind: 'due-in-14', since: '2026-11-24', due: '2026-12-14' })] }),
      expect.objectContaining({ card: 'reminder', person: expect.objectContaining({ name: 'Ben' }), timeZone: 'America/New_York', localTime: '09:00', sendAt: '2026-11-25T14:00:00.000Z', actions: [expect.objectContaining({ ref: 'P-B1', kind: 'overdue', since: '2026-11-24' })] }),
      expect.objectContaining({ card: 'escalation', person: expect.objectContaining({ name: 'Olivia' }), actions: [expect.objectContaining({ ref: 'P-B1', kind: 'escalation' })] }),
    ]);
    expect(await t.db.prisma.outboxMessage.count()).toBe(0);
    expect(await t.db.prisma.reminderLog.count()).toBe(0);
    // Before 09:00 in New York, Ben is not due a card yet.
    const early = await cli('remind', '--as-of', '2026-11-25T10:00:00Z', '--dry-run', '--json');
    expect(early.out.map((l) => JSON.parse(l).person.name)).toEqual(['Ann', 'Olivia']);
  });

  it('queues the cards once when run for real', async () => {
    expect(await cli('remind', '--as-of', '2026-11-25T15:00:00Z')).toMatchObject({ code: 0, out: ['queued 3 cards'] });
    expect(await cli('remind', '--as-of', '2026-11-25T15:05:00Z', '--json')).toMatchObject({ code: 0, out: ['{"asOf":"2026-11-25T15:05:00.000Z","queued":[],"alreadyQueued":[]}'] });
    expect(await t.db.prisma.outboxMessage.count()).toBe(3);
  });

  it('rejects a moment it cannot read', async () => {
    expect(await cli('remind', '--as-of', 'tomorrow-ish', '--dry-run')).toMatchObject({ code: 2, err: ['--as-of must be a date-time such as 2026-11-24T09:00:00Z, got "tomorrow-ish"'] });
  });
});
