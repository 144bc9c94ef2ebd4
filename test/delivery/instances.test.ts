/**
 * Claims never overlap, and on PostgreSQL two bot instances drain one outbox together: both take
 * part, no message is claimed or sent twice, and Teams' per-conversation limits hold across them
 * (the SQLite deployment runs a single instance, so that test exists only for PostgreSQL).
 */
import { createMetrics } from '../../core/metrics';
import { claimDue } from '../../core/outbox/claim';
import { openDb } from '../../core/db/client';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { systemClock } from '../../core/time';
import { createOutboxWorker } from '../../jobs/outbox-worker';
import { startConnector } from '../helpers/connector';
import { createTestDb, testProvider } from '../helpers/db';
import { httpSend } from './http-send';
import { queueMessages, seedConversations } from './seed';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

it('gives each row to one claimer only, even when claims race', async () => {
  const t = await createTestDb();
  try {
    const convs = await seedConversations(t.db, 20, 'http://127.0.0.1:9');
    await queueMessages(
      t.db,
      Array.from({ length: 300 }, (_, i) => convs[i % convs.length]),
    );
    const now = new Date('2026-03-02T09:00:00Z');
    const claims = await Promise.all(
      ['a', 'b', 'c'].map((instanceId) => claimDue(t.db, { instanceId, limit: 120, leaseMs: 60_000, now })),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const held = await t.db.prisma.outboxMessage.groupBy({
      by: ['claimedBy'],
      where: { status: 'sending' },
      _count: { _all: true },
    });
    expect(Object.fromEntries(held.map((h) => [h.claimedBy, h._count._all]))).toEqual(
      Object.fromEntries(['a', 'b', 'c'].map((id, i) => [id, claims[i].length]).filter(([, n]) => n)),
    );
  } finally {
    await t.drop();
  }
});

if (testProvider() === 'postgresql') {
  it('shares the outbox between two instances without a duplicate', async () => {
    const t = await createTestDb();
    const connector = await startConnector({ teamsLimits: true });
    const second = await openDb(t.url);
    try {
      const convs = await seedConversations(t.db, 200, connector.url);
      await queueMessages(
        t.db,
        Array.from({ length: 2000 }, (_, i) => convs[i % convs.length]),
      );
      const workers = [t.db, second].map((db, i) =>
        createOutboxWorker({
          core: { db, now: systemClock, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
          instanceId: `instance-${i}`,
          log: silent,
          metrics: createMetrics(),
          send: httpSend,
          ratePerSecond: 1000,
          tuning: { batchSize: 50, concurrency: 16 },
        }),
      );
      // Both polling loops run, as in two deployed instances: a round that finds every due conversation
      // locked by the other instance simply tries again, so both take part.
      // Connections are opened first so both instances make their first claim together; a conversation
      // then stays with the instance that sent there, by design.
      await Promise.all([t.db, second].map((db) => db.prisma.$queryRaw`SELECT 1`));
      for (const w of workers) w.start();
      const until = Date.now() + 50_000;
      while ((await t.db.prisma.outboxMessage.count({ where: { status: 'sent' } })) < 2000 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
      }
      await Promise.all(workers.map((w) => w.close()));

      const sentBy = await t.db.prisma.outboxMessage.groupBy({
        by: ['claimedBy'],
        where: { status: 'sent' },
        _count: { _all: true },
      });
      const counts = Object.fromEntries(sentBy.map((g) => [g.claimedBy, g._count._all]));
      expect((counts['instance-0'] ?? 0) + (counts['instance-1'] ?? 0)).toBe(2000);
      expect(counts['instance-0']).toBeGreaterThan(0);
      expect(counts['instance-1']).toBeGreaterThan(0);
      expect(connector.attempts).toBe(2000);
      expect(connector.duplicates).toBe(0);
      expect(connector.violations).toBe(0);
      expect(new Set(connector.sends().map((s) => s.activity.channelData.chaserOutboxId)).size).toBe(2000);
      expect(await t.db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(2000);
    } finally {
      await second.close();
      await connector.close();
      await t.drop();
    }
  }, 60_000);
}
