/**
 * Who the reminder sweep opens chats with, and how fast: only people known to Teams in a tenant the bot
 * already talks in, at most a batch per sweep (the rest wait, not reported), paced, and a refusal is
 * not retried until its time is up.
 */
import { REFUSED_RETRY_DAYS, type OpenTarget } from '../../core/people/reach';
import { runReminders } from '../../core/reminders/run';
import { dailyCardActivity } from '../../jobs/reminders';
import { MAX_OPENS_PER_SWEEP, OPEN_RATE_PER_SECOND, reachPeople } from '../../jobs/open-conversations';
import { testClock } from '../helpers/clock';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';
import { addConversation, coreFor, sentReminders, silentLog, wipe } from './reminders.fixture';

let t: TestDatabase;
const clock = testClock('2026-11-24T09:00:00Z');
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

/** A pace timer on a fake monotonic clock: sleeping moves it on. */
function fakeTimer() {
  let ms = 0;
  return { now: () => ms, sleep: async (d: number) => void (ms += d) };
}

beforeEach(async () => {
  await wipe(t.db);
  await t.db.prisma.appState.deleteMany();
  clock.set('2026-11-24T09:00:00Z');
});

describe('opening chats for the reminder sweep', () => {
  it("keeps owners the sweep did not get to off the plan owner's card, so their reminders stay owed", async () => {
    await seedPlan(t.db, {
      key: 'P',
      owner: 'Plan Owner',
      createdAt: '2026-10-01',
      actions: [{ ref: 'K1', owners: ['Head K'], due: '2026-11-25', createdAt: '2026-10-01' }],
    });
    const kim = await seedPerson(t.db, { displayName: 'Kim', teamsUserId: '29:kim', posts: ['Head K'] });
    await addConversation(t.db, (await seedPerson(t.db, { displayName: 'Olivia', posts: ['Plan Owner'] })).id);
    const core = coreFor(t.db, clock);
    const asked: string[][] = [];
    const run = (later: string[]) =>
      runReminders(core, {
        reminderTime: '09:00',
        render: dailyCardActivity,
        reach: async (people) => (asked.push(people), { opened: 0, later }),
      });

    expect((await run([kim.id])).queued).toEqual([]);
    expect(await sentReminders(t.db)).toEqual([]);
    // Not held the next time: reported on the plan owner's card, and that reminder is settled.
    await run([]);
    expect(asked).toEqual([[kim.id], [kim.id]]);
    expect(await sentReminders(t.db)).toEqual([
      { date: '2026-11-24', to: 'Olivia', card: 'escalation', ref: 'K1', kind: 'due-in-1' },
    ]);
  });

  it('opens a paced batch of people known to Teams, holds the rest for the next sweep, and skips refusals', async () => {
    const p = t.db.prisma;
    // The bot talks in tenant T (Olivia's chat); nobody it knows about in tenant U.
    const olivia = await p.person.create({ data: { displayName: 'Olivia', teamsUserId: '29:olivia', tenantId: 'T' } });
    await p.conversationRef.create({
      data: {
        conversationId: 'a:olivia',
        scope: 'personal',
        personId: olivia.id,
        tenantId: 'T',
        serviceUrl: 'https://smba.example/uk/',
        reference: JSON.stringify({ bot: { id: '28:bot', name: 'Chaser' } }),
      },
    });
    const many = Array.from({ length: MAX_OPENS_PER_SWEEP + 2 }, (_, i) => ({
      displayName: `Owner ${i}`,
      aadObjectId: `aad-${i}`,
      tenantId: 'T',
    }));
    await p.person.createMany({
      data: [...many, { displayName: 'Una', teamsUserId: '29:una', tenantId: 'U' }, { displayName: 'Nat' }],
    });
    const ids = new Map((await p.person.findMany()).map((x) => [x.displayName, x.id]));
    const wanted = [ids.get('Una')!, ids.get('Nat')!, ids.get('Olivia')!, ...many.map((m) => ids.get(m.displayName)!)];

    const opened: OpenTarget[] = [];
    const timer = fakeTimer();
    const core = coreFor(t.db, clock);
    // Owner 0 is refused; everyone else opens.
    const opener = {
      open: async (target: OpenTarget) => (
        opened.push(target), target.memberId === 'aad-0' ? ('forbidden' as const) : ('opened' as const)
      ),
    };
    const first = await reachPeople({ core, log: silentLog }, opener, timer)(wanted);

    // Una's tenant has no known service URL, Nat has no Teams ids, Olivia already has a chat.
    expect(opened.map((o) => o.displayName)).toEqual(many.slice(0, MAX_OPENS_PER_SWEEP).map((m) => m.displayName));
    expect(opened[0]).toEqual({
      personId: ids.get('Owner 0'),
      displayName: 'Owner 0',
      memberId: 'aad-0',
      aadObjectId: 'aad-0',
      tenantId: 'T',
      serviceUrl: 'https://smba.example/uk/',
      bot: { id: '28:bot', name: 'Chaser' },
    });
    expect(first).toEqual({
      opened: MAX_OPENS_PER_SWEEP - 1,
      later: many.slice(MAX_OPENS_PER_SWEEP).map((m) => ids.get(m.displayName)),
    });
    // Evenly spaced at the create rate (the Pacer allows a slot a little early).
    expect(timer.now()).toBeGreaterThanOrEqual(((MAX_OPENS_PER_SWEEP - 3) * 1000) / OPEN_RATE_PER_SECOND);

    // Next sweep: Owner 0 is not asked again until the refusal expires.
    opened.length = 0;
    await reachPeople({ core, log: silentLog }, opener, fakeTimer())([ids.get('Owner 0')!]);
    expect(opened).toEqual([]);
    clock.advance(REFUSED_RETRY_DAYS * 86_400_000 + 1);
    await reachPeople({ core, log: silentLog }, opener, fakeTimer())([ids.get('Owner 0')!]);
    expect(opened.map((o) => o.displayName)).toEqual(['Owner 0']);
  });
});
