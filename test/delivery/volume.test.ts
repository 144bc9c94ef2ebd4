/**
 * 10,000 queued messages to 2,000 conversations, some of them busy (100 messages each, more than
 * Teams lets a bot send to one conversation in 30 s): every message is delivered exactly once and
 * the stand-in, enforcing Teams' per-conversation limits, never has to refuse one. Pacing runs on a
 * virtual clock shared with the stand-in, and the transport is a bare HTTP POST (see http-send.ts).
 */
import { createMetrics } from '../../core/metrics';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { createOutboxWorker, outboxClientId } from '../../jobs/outbox-worker';
import { testClock } from '../helpers/clock';
import { startConnector } from '../helpers/connector';
import { createTestDb } from '../helpers/db';
import { httpSend } from './http-send';
import { queueMessages, seedConversations } from './seed';
import { virtualTimer } from './virtual-timer';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

it('delivers 10,000 messages to 2,000 conversations exactly once, within Teams limits', async () => {
  const t = await createTestDb();
  const timer = virtualTimer();
  const connector = await startConnector({ teamsLimits: true, now: timer.now });
  try {
    const convs = await seedConversations(t.db, 2000, connector.url);
    // 20 busy conversations with 100 messages each, the other 8,000 spread round-robin.
    const to = [
      ...convs.slice(0, 20).flatMap((c) => Array<string>(100).fill(c)),
      ...Array.from({ length: 8000 }, (_, i) => convs[20 + (i % 1980)]),
    ];
    await queueMessages(t.db, to);
    const clock = testClock('2026-03-02T09:00:00Z');
    const worker = createOutboxWorker({
      core: { db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
      instanceId: 'volume',
      log: silent,
      metrics: createMetrics(),
      send: httpSend,
      ratePerSecond: 1000,
      timer,
      tuning: { batchSize: 500, concurrency: 64 },
    });

    const result = await worker.drain();
    await worker.close();

    expect(result).toEqual({ sent: 10_000, retried: 0, failed: 0, gone: 0 });
    expect(connector.violations).toBe(0);
    expect(connector.duplicates).toBe(0);
    expect(connector.attempts).toBe(10_000);
    const byClientId = new Map(connector.sends().map((s) => [s.activity.channelData.chaserOutboxId, s]));
    expect(byClientId.size).toBe(10_000);
    const rows = await t.db.prisma.outboxMessage.findMany({
      select: { id: true, status: true, activityId: true, conversation: { select: { conversationId: true } } },
    });
    for (const r of rows) {
      const sent = byClientId.get(outboxClientId(r.id));
      expect(r.status).toBe('sent');
      expect(sent?.activityId).toBe(r.activityId);
      expect(sent?.conversationId).toBe(r.conversation.conversationId);
    }
    // The busy conversations needed more than a minute of (virtual) time: pacing did the work.
    expect(timer.now()).toBeGreaterThan(60_000);
  } finally {
    await connector.close();
    await t.drop();
  }
}, 120_000);
