/**
 * The whole bot over HTTP, as Teams drives it: Chaser on a random port with a fresh database and a
 * fixed clock, and a connector stand-in recording what it sends back.
 */
import { startChaser, type RunningChaser } from '../../bot/main';
import { createTestDatabaseUrl } from './db';
import { startConnector, type ConnectorStandIn } from './connector';
import { testClock, type TestClock } from './clock';
import type { StartOptions } from '../../bot/main';

export interface TestBot {
  chaser: RunningChaser;
  connector: ConnectorStandIn;
  clock: TestClock;
  /** POSTs an activity to /api/messages; resolves with the HTTP status and body (the invoke response). */
  post(activity: object, headers?: Record<string, string>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startTestBot(
  opts: {
    now?: string;
    env?: NodeJS.ProcessEnv;
    adapter?: StartOptions['adapter'];
    log?: StartOptions['log'];
    aiModel?: StartOptions['aiModel'];
  } = {},
): Promise<TestBot> {
  const { url, dispose } = await createTestDatabaseUrl();
  const connector = await startConnector();
  const clock = testClock(opts.now ?? '2015-06-01T09:00:00Z');
  const chaser = await startChaser({
    env: { PORT: '0', DATABASE_URL: url, LOG_LEVEL: 'silent', CHASER_JOBS: '0', ...opts.env },
    now: clock.now,
    adapter: opts.adapter,
    log: opts.log,
    aiModel: opts.aiModel,
  });
  return {
    chaser,
    connector,
    clock,
    post: async (activity, headers = {}) => {
      const res = await fetch(`${chaser.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: any = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        /* not JSON: keep the text */
      }
      return { status: res.status, body };
    },
    stop: async () => {
      await chaser.close();
      await connector.close();
      await dispose();
    },
  };
}
