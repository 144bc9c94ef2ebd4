/** The digest sweep: each slot once across concurrent sweeps and restarts, late catch-up, linking mid-week. */
import { openDb, type Db } from '../../core/db/client';
import type { CoreContext } from '../../core/context';
import { sweepDigests } from '../../core/digest/sweep';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { digestActivity } from '../../cards/digest';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPlan } from '../helpers/fixtures';
import { queuedActivity } from '../helpers/outbox';
import { testClock } from '../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-03T12:00:00Z');
let boardId: string;
const render = (d: Parameters<typeof digestActivity>[0], late: string | undefined) => digestActivity(d, { late });
const ctxFor = (db: Db): CoreContext => ({
  db,
  now: clock.now,
  timeZone: 'Europe/London',
  ragWindows: DEFAULT_RAG_WINDOWS,
  adminAadIds: [],
});

beforeAll(async () => {
  t = await createTestDb();
  const plan = await seedPlan(t.db, {
    key: 'BTP-CDI',
    createdAt: '2015-01-01',
    actions: [{ ref: '1', due: '2015-05-01', owners: ['FCR'] }],
  });
  const channel = await t.db.prisma.conversationRef.create({
    data: { conversationId: '19:general@thread.tacv2', scope: 'channel', serviceUrl: 'http://x', reference: '{}' },
  });
  // Linked on Wednesday 3 June: Monday 1 June's slot is before the link and is never posted.
  const board = await t.db.prisma.board.create({
    data: {
      key: 'ICB',
      name: 'ICB',
      conversationId: channel.id,
      digestsFrom: clock.now(),
      plans: { create: { planId: plan.id } },
    },
  });
  boardId = board.id;
});
afterAll(() => t.drop());

const digests = () => t.db.prisma.digest.findMany({ where: { boardId }, orderBy: { scheduledFor: 'asc' } });
const outbox = () =>
  t.db.prisma.outboxMessage.findMany({ where: { purpose: 'digest' }, orderBy: { createdAt: 'asc' } });
const cardText = (m: { activity: string | null }) => JSON.stringify(queuedActivity(m).attachments[0].content);

describe('digest sweep', () => {
  it('posts nothing for a slot before the board was linked', async () => {
    expect((await sweepDigests(ctxFor(t.db), render)).queued).toEqual([]);
    expect(await digests()).toEqual([]);
  });

  it('queues the slot exactly once when two instances sweep at the same time', async () => {
    clock.set('2015-06-08T07:00:20Z'); // Monday 08:00:20 BST
    // PostgreSQL: two instances, each with its own connection pool. SQLite is a one-instance database
    // (its driver waits for locks synchronously, so two connections in one process would stall each
    // other): there the overlapping sweeps share the process's client, as two scheduler ticks would.
    const other = t.db.provider === 'postgresql' ? await openDb(t.url) : t.db;
    try {
      const results = await Promise.all([
        sweepDigests(ctxFor(t.db), render),
        sweepDigests(ctxFor(other), render),
        sweepDigests(ctxFor(other), render),
      ]);
      expect(results.flatMap((r) => r.failed)).toEqual([]);
      expect(results.flatMap((r) => r.queued)).toEqual(['ICB 2015-06-08T08:00']);
    } finally {
      if (other !== t.db) await other.close();
    }
    const [d] = await digests();
    expect(d).toMatchObject({
      periodKey: '2015-06-08T08:00',
      scheduledFor: new Date('2015-06-08T07:00:00Z'),
      late: false,
    });
    const messages = await outbox();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      id: d.outboxId,
      idempotencyKey: `digest:${boardId}:2015-06-08T08:00`,
      status: 'queued',
    });
    expect(cardText(messages[0])).toContain('As of Mon 8 Jun 2015 08:00');
    expect(cardText(messages[0])).not.toContain('Late');
  });

  it('queues nothing more after a restart in the same slot', async () => {
    clock.set('2015-06-08T07:03:00Z');
    const restarted = await openDb(t.url);
    try {
      expect((await sweepDigests(ctxFor(restarted), render)).queued).toEqual([]);
    } finally {
      await restarted.close();
    }
    expect(await outbox()).toHaveLength(1);
  });

  it('after downtime posts the missed slot once, marked late and computed as of the slot', async () => {
    clock.set('2015-06-15T09:30:00Z'); // down at 08:00, back at 10:30
    expect((await sweepDigests(ctxFor(t.db), render)).queued).toEqual(['ICB 2015-06-15T08:00']);
    expect((await sweepDigests(ctxFor(t.db), render)).queued).toEqual([]);
    const late = (await digests())[1];
    expect(late).toMatchObject({ periodKey: '2015-06-15T08:00', late: true });
    const text = cardText((await outbox())[1]);
    expect(text).toContain('Late: this digest was due Mon 08:00');
    expect(text).toContain('As of Mon 15 Jun 2015 08:00');
    expect(text).toMatch(/"text":"Red",[^}]*\},\{"type":"TextBlock","text":"1 \(±0\)"/);
  });

  it('after a long outage posts only the most recent missed slot', async () => {
    clock.set('2015-06-30T12:00:00Z'); // missed 22 and 29 June
    expect((await sweepDigests(ctxFor(t.db), render)).queued).toEqual(['ICB 2015-06-29T08:00']);
    expect((await digests()).map((d) => d.periodKey)).toEqual([
      '2015-06-08T08:00',
      '2015-06-15T08:00',
      '2015-06-29T08:00',
    ]);
  });

  it('stops when the board is unlinked', async () => {
    await t.db.prisma.board.update({ where: { id: boardId }, data: { conversationId: null } });
    clock.set('2015-07-06T07:00:10Z');
    expect((await sweepDigests(ctxFor(t.db), render)).queued).toEqual([]);
  });
});
