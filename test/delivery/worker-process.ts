/**
 * A worker process for the kill -9 test: sends the outbox of DATABASE_URL through the real adapter
 * transport until nothing is left, then exits 0. A killed predecessor's claims come back when its
 * heartbeat runs out (seconds), well before these leases.
 */
import { loadConfig } from '../../core/config';
import { openDb } from '../../core/db/client';
import { createMetrics } from '../../core/metrics';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { systemClock } from '../../core/time';
import { createOutboxSender } from '../../bot/outbox-send';
import { createOutboxWorker, newInstanceId } from '../../jobs/outbox-worker';

const silent = { info: () => undefined, warn: () => undefined, error: (o: object) => console.error(JSON.stringify(o)) };

async function main() {
  const db = await openDb(process.env.DATABASE_URL!);
  const worker = createOutboxWorker({
    core: { db, now: systemClock, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
    instanceId: newInstanceId(),
    log: silent,
    metrics: createMetrics(),
    send: createOutboxSender(loadConfig({}), {}, 5_000),
    // The chaos script sets a ceiling to measure the rate instances reach together; else one Teams never binds.
    ratePerSecond: Number(process.env.SEND_RATE_PER_SECOND) || 1000,
    tuning: { leaseMs: 10_000, batchSize: 50, concurrency: 8 },
  });
  process.stdout.write('ready\n');
  while ((await db.prisma.outboxMessage.count({ where: { status: { in: ['queued', 'sending'] } } })) > 0) {
    await worker.drain();
    await new Promise((r) => setTimeout(r, 50));
  }
  await worker.close();
  await db.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
