/**
 * Achieved outbox send rate against the in-process connector stand-in, as a fraction of the configured
 * ceiling (SEND_RATE_PER_SECOND). Real time, the real adapter transport, Teams' per-conversation
 * limits enforced by the stand-in. Target: at least 95 % of the ceiling.
 *   npx tsx bench/send-rate.ts            (prints one JSON line)
 */
import { loadConfig } from '../core/config';
import { createMetrics } from '../core/metrics';
import { DEFAULT_RAG_WINDOWS } from '../core/rag';
import { systemClock } from '../core/time';
import { createOutboxSender } from '../bot/outbox-send';
import { createOutboxWorker } from '../jobs/outbox-worker';
import { startConnector } from '../test/helpers/connector';
import { createTestDb } from '../test/helpers/db';
import { queueMessages, seedConversations } from '../test/delivery/seed';

export interface SendRateOptions {
  /** The ceiling under test (messages per second); default 30, Teams' documented per-app figure. */
  ceiling?: number;
  messages?: number;
  conversations?: number;
}

export interface SendRateResult {
  ratePerSecond: number;
  ceiling: number;
  fraction: number;
  messages: number;
  violations: number;
}

export async function benchSendRate(opts: SendRateOptions = {}): Promise<SendRateResult> {
  const ceiling = opts.ceiling ?? 30;
  const messages = opts.messages ?? ceiling * 10;
  const t = await createTestDb();
  const connector = await startConnector({ teamsLimits: true });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  try {
    const convs = await seedConversations(t.db, opts.conversations ?? Math.max(10, messages / 5), connector.url);
    await queueMessages(
      t.db,
      Array.from({ length: messages }, (_, i) => convs[i % convs.length]),
    );
    const worker = createOutboxWorker({
      core: { db: t.db, now: systemClock, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] },
      instanceId: 'bench',
      log: quiet,
      metrics: createMetrics(),
      send: createOutboxSender(loadConfig({})),
      ratePerSecond: ceiling,
    });
    const draining = worker.drain();
    await connector.waitFor((r) => r.length >= 1, 60_000);
    const first = connector.sends()[0].at;
    const result = await draining;
    await worker.close();
    const sends = connector.sends();
    const seconds = (sends[sends.length - 1].at - first) / 1000;
    const ratePerSecond = (sends.length - 1) / seconds;
    if (result.sent !== messages) throw new Error(`sent ${result.sent} of ${messages}`);
    return {
      ratePerSecond: round(ratePerSecond),
      ceiling,
      fraction: round(ratePerSecond / ceiling),
      messages,
      violations: connector.violations,
    };
  } finally {
    await connector.close();
    await t.drop();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

if (require.main === module) {
  benchSendRate({ ceiling: Number(process.env.SEND_RATE_PER_SECOND ?? 30) }).then(
    (r) => console.log(JSON.stringify({ bench: 'send-rate', ...r })),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
