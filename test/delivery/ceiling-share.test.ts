/**
 * Instances share the app-wide ceiling by the conversations each holds: conversations stay with the
 * instance that sent there, so one instance often holds all the work while another idles, and an even
 * split would halve the rate. Pacing runs on a virtual clock, so the achieved rate is exact.
 */
import { createMetrics } from '../../core/metrics';
import { ceilingShare, heartbeat } from '../../core/outbox/instances';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { createOutboxWorker } from '../../jobs/outbox-worker';
import { testClock } from '../helpers/clock';
import { startConnector } from '../helpers/connector';
import { createTestDb } from '../helpers/db';
import { httpSend } from './http-send';
import { queueMessages, seedConversations } from './seed';
import { virtualTimer } from './virtual-timer';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('a share of the ceiling', () => {
  it('follows the conversations each live instance holds, summing to the whole', () => {
    expect(ceilingShare(200, [200, 0])).toBeCloseTo(200.5 / 201);
    expect(ceilingShare(0, [200, 0])).toBeCloseTo(0.5 / 201);
    expect(ceilingShare(30, [30, 10])).toBeCloseTo(30.5 / 41);
    expect(ceilingShare(200, [200, 0]) + ceilingShare(0, [200, 0])).toBeCloseTo(1);
    // Nobody holds anything: even shares; alone: all of it.
    expect(ceilingShare(0, [0, 0, 0, 0])).toBe(0.25);
    expect(ceilingShare(7, [7])).toBe(1);
  });

  it("counts an instance's work only while its heartbeat lives", async () => {
    const t = await createTestDb();
    try {
      const now = new Date('2026-03-02T09:00:00Z');
      const later = (s: number) => new Date(now.getTime() + s * 1000);
      expect(await heartbeat(t.db, 'a', now, later(6), 40)).toEqual([40]);
      expect((await heartbeat(t.db, 'b', now, later(6), 10)).sort()).toEqual([10, 40]);
      // a stops beating (killed): seven seconds on, only b counts, and a's load is gone with it.
      expect(await heartbeat(t.db, 'b', later(7), later(13), 12)).toEqual([12]);
      expect(await t.db.prisma.appState.count({ where: { key: { startsWith: 'outbox-load:' } } })).toBe(1);
    } finally {
      await t.drop();
    }
  });
});

it('lets the instance holding all the work send at the full ceiling while another idles', async () => {
  const t = await createTestDb();
  const timer = virtualTimer();
  const connector = await startConnector({ teamsLimits: true, now: timer.now });
  try {
    const convs = await seedConversations(t.db, 100, connector.url);
    await queueMessages(
      t.db,
      Array.from({ length: 500 }, (_, i) => convs[i % convs.length]),
    );
    const clock = testClock('2026-03-02T09:00:00Z');
    // A second instance, alive and holding nothing.
    await heartbeat(t.db, 'idle', clock.now(), new Date(clock.now().getTime() + 3_600_000), 0);
    const ceiling = 50;
    const worker = createOutboxWorker({
      core: { db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
      instanceId: 'busy',
      log: silent,
      metrics: createMetrics(),
      send: httpSend,
      ratePerSecond: ceiling,
      timer,
      tuning: { batchSize: 500, concurrency: 64 },
    });
    const started = timer.now();
    expect(await worker.drain()).toEqual({ sent: 500, retried: 0, failed: 0, gone: 0 });
    await worker.close();
    const rate = 500 / ((timer.now() - started) / 1000);
    expect(rate / ceiling).toBeGreaterThanOrEqual(0.95);
    expect(rate).toBeLessThanOrEqual(ceiling * 1.01);
    expect(connector.violations).toBe(0);
  } finally {
    await connector.close();
    await t.drop();
  }
}, 60_000);
