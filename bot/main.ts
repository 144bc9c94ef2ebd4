/**
 * Starts Chaser: validated config → migrations → database → (demo data) → bot → HTTP server, and with
 * CHASER_JOBS=1 the scheduler and the outbox worker loop.
 * Tests start it the same way, on port 0, with their own environment and clock, and CHASER_JOBS=0:
 * no background timers; they run `jobs.scheduler.runAll()` and `jobs.worker.drain()` by hand.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PromptCompletionModel } from '@microsoft/teams-ai';
import { aiSettings, isAuthenticated, loadConfig, type Config } from '../core/config';
import type { CoreContext } from '../core/context';
import { openDb, redactUrl } from '../core/db/client';
import { databaseReadiness, migrate } from '../core/db/migrate';
import { sealLegacyHistory } from '../core/history/seal';
import { DEFAULT_RAG_WINDOWS } from '../core/rag';
import { systemClock, type Clock } from '../core/time';
import { loadDemo } from '../prisma/seed/load-demo';
import { ownerLoopMessages } from '../cards/owner-loop-messages';
import { createMetrics, type Metrics } from '../core/metrics';
import { JOBS } from '../jobs';
import { createOutboxWorker, newInstanceId, type OutboxWorker, type PaceTimer } from '../jobs/outbox-worker';
import { startScheduler, type Scheduler } from '../jobs/scheduler';
import { createOutboxSender } from './outbox-send';
import { createConversationOpener } from './open-conversation';
import { createAdapter, createInboundTokenGate, type AdapterOverrides } from './adapter';
import { createModel } from './ai/model';
import { createBotApp, type ChaserApp } from './app';
import { createLogger, type Logger } from './logger';
import { createHttpApp, listen } from './server';
import { createTabRoutes } from './tab';

const LOCAL_MODE_WARNING =
  'LOCAL MODE: no MICROSOFT_APP_ID/MICROSOFT_APP_PASSWORD, so requests are NOT authenticated: anyone who can reach ' +
  'this port can act as any user. Replies go only to a serviceUrl on this machine. For development only.';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  now?: Clock;
  log?: Logger;
  adapter?: AdapterOverrides;
  /** The clock outbox pacing waits on (benchmarks fake it); real time by default. */
  paceTimer?: PaceTimer;
  /** The AI layer's model (tests script one); by default built from the OpenAI/Azure settings, if any. */
  aiModel?: PromptCompletionModel;
}

export interface RunningChaser {
  config: Config;
  core: CoreContext;
  app: ChaserApp;
  server: Server;
  url: string;
  log: Logger;
  metrics: Metrics;
  /** Present whatever CHASER_JOBS says; only with CHASER_JOBS=1 do they run by themselves. */
  jobs: { scheduler: Scheduler; worker: OutboxWorker };
  close(): Promise<void>;
}

export async function startChaser(opts: StartOptions = {}): Promise<RunningChaser> {
  const config = loadConfig(opts.env ?? process.env);
  const log = opts.log ?? createLogger(config.LOG_LEVEL);
  const applied = await migrate(config.DATABASE_URL);
  log.info({ database: redactUrl(config.DATABASE_URL), applied }, 'database ready');
  const db = await openDb(config.DATABASE_URL);
  const sealed = await sealLegacyHistory(db);
  if (sealed) log.info({ sealed }, 'history entries written before the hash chain were added to it');
  const core: CoreContext = {
    db,
    now: opts.now ?? systemClock,
    timeZone: config.DEFAULT_TIME_ZONE,
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: config.ADMIN_AAD_IDS,
    teamsAppId: config.TEAMS_APP_ID,
  };
  if (config.CHASER_DEMO && (await loadDemo(core, ownerLoopMessages))) log.info('loaded the demo plan');

  const settings = aiSettings(config);
  const aiModel = opts.aiModel ?? (settings && createModel(settings));
  if (settings) log.info({ provider: settings.provider }, 'AI layer on for questions the parser cannot read');

  const adapter = createAdapter(config, opts.adapter);
  const tokenGate = createInboundTokenGate(config, opts.adapter ?? {}, (source, error) =>
    log.warn({ source, error }, 'could not refresh the token signing keys'),
  );
  const app = createBotApp(adapter, { core, config, log, aiModel });
  const metrics = createMetrics();
  const instanceId = newInstanceId();
  const worker = createOutboxWorker({
    core,
    instanceId,
    log,
    metrics,
    send: createOutboxSender(config, opts.adapter),
    ratePerSecond: config.SEND_RATE_PER_SECOND,
    maxRetryAfterMs: config.OUTBOX_MAX_RETRY_AFTER_SECONDS * 1000,
    timer: opts.paceTimer,
  });
  const scheduler = startScheduler(
    JOBS,
    { core, config, instanceId, log, opener: createConversationOpener(config, core, opts.adapter) },
    { tick: config.CHASER_JOBS },
  );
  const http = createHttpApp({
    adapter,
    run: (context) => app.run(context),
    log,
    routes: createTabRoutes({ core, config, log }),
    metrics: () => metrics.render(),
    tokenGate,
    serviceUrlHosts: config.SERVICE_URL_HOSTS,
    turnDeadlineMs: config.TURN_DEADLINE_MS,
    ready: async () => {
      const database = await databaseReadiness(db, config.DATABASE_URL);
      if (!database.ok) return database;
      const keys = tokenGate?.freshness() ?? { ok: true, detail: 'local mode, no tokens checked' };
      return { ok: keys.ok, detail: `${database.detail}; ${keys.detail}` };
    },
  });
  const server = await listen(http, config.PORT, config.HOST);
  const port = (server.address() as AddressInfo).port;
  log.info({ host: config.HOST, port }, 'Chaser is listening on /api/messages');
  if (!isAuthenticated(config)) log.warn({ host: config.HOST }, LOCAL_MODE_WARNING);
  if (config.CHASER_JOBS) {
    worker.start();
    void scheduler.runAll();
  }
  return {
    config,
    core,
    app,
    server,
    url: `http://127.0.0.1:${port}`,
    log,
    metrics,
    jobs: { scheduler, worker },
    close: async () => {
      tokenGate?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await scheduler.stop();
      await worker.close();
      await db.close();
    },
  };
}
