/**
 * The HTTP endpoint: /api/messages for Bot Framework activities, /healthz (liveness) and /readyz
 * (database reachable, migrations applied, signing keys held). What can be refused without the turn is
 * refused here, each with its own status and nothing stored: a malformed request or activity 400, a
 * serviceUrl the bot may not answer 400, a token that is not one of ours 401, no signing keys to check it
 * 503 with Retry-After. The rest goes through CloudAdapter's documented `process`, under a deadline.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from './logger';
import { serviceUrlRefusal } from './transport/service-url';
import type { TokenGate } from './transport/token-gate';
import { withTurnDeadline } from './transport/turn-deadline';

export interface ServerDeps {
  adapter: CloudAdapter;
  /** The bot's turn logic (teams-ai Application.run). */
  run: (context: TurnContext) => Promise<unknown>;
  ready: () => Promise<{ ok: boolean; detail: string }>;
  metrics?: () => string;
  log: Logger;
  /** Present with Azure settings: the bounded token check that runs before the SDK's own. */
  tokenGate?: TokenGate;
  /** Bot Connector hosts a reply may go to with Azure settings (SERVICE_URL_HOSTS). */
  serviceUrlHosts: readonly string[];
  /** Everything the turn sends must be done by then (TURN_DEADLINE_MS). */
  turnDeadlineMs: number;
  /** More routes on the same port: the board tab and its API (bot/tab). */
  routes?: express.Router;
  /** Largest accepted request body; Teams messages are limited to ~100 KB, card submits are smaller. */
  maxBodyBytes?: number;
}

/** Past the turn's deadline, the time the SDK gets to write the answer it has before the watchdog does. */
const WATCHDOG_GRACE_MS = 2000;

/** Teams activities nest a dozen levels at most; far deeper is an attack on recursive code further on. */
const MAX_DEPTH = 64;

export function createHttpApp(deps: ServerDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => res.json({ ok: true }));
  app.get('/readyz', async (_req, res) => {
    const r = await deps.ready().catch((err: Error) => ({ ok: false, detail: err.message }));
    res.status(r.ok ? 200 : 503).json(r);
  });
  if (deps.metrics) {
    const metrics = deps.metrics;
    app.get('/metrics', (_req, res) => res.type('text/plain; version=0.0.4').send(metrics()));
  }
  app.post('/api/messages', express.json({ limit: deps.maxBodyBytes ?? 256 * 1024 }), async (req, res) => {
    const malformed = activityProblem(req.body, deps);
    if (malformed) {
      res.status(400).json({ error: malformed });
      return;
    }
    if (deps.tokenGate) {
      const gate = await deps.tokenGate.check(req.headers.authorization ?? '');
      if (!gate.ok) {
        deps.log.warn({ reason: gate.reason }, 'refused a request without a valid Bot Framework token');
        if (gate.status === 503) res.set('retry-after', String(gate.retryAfterSeconds));
        const error = gate.status === 401 ? 'unauthorized' : 'cannot check tokens now, try again later';
        res.status(gate.status).json({ error });
        return;
      }
    }
    // Last resort, for waits the deadline cannot reach (the SDK's own fetch of signing keys has no
    // timeout): the request is answered anyway, before Teams gives up on it.
    const watchdog = setTimeout(() => {
      if (res.headersSent) return;
      deps.log.warn({ activityType: req.body.type }, 'a turn ran past its deadline; answered 503');
      res.set('retry-after', '5').status(503).json({ error: 'took too long, try again' });
    }, deps.turnDeadlineMs + WATCHDOG_GRACE_MS);
    try {
      const logic = async (context: TurnContext) => void (await deps.run(context));
      await withTurnDeadline(deps.turnDeadlineMs, () => deps.adapter.process(req, res, logic));
    } catch (err) {
      // The adapter answers every failure it sees itself; this is one in writing that answer (or one
      // written after the watchdog answered).
      if (!res.headersSent) {
        deps.log.error({ err }, 'activity processing failed');
        res.status(500).json({ error: 'internal error' });
      }
    } finally {
      clearTimeout(watchdog);
    }
  });
  if (deps.routes) app.use(deps.routes);
  // Body parser failures (bad JSON, too large) answer with their status instead of a stack trace.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log.error({ err }, 'request failed');
    res
      .status(status)
      .json({ error: status === 413 ? 'request too large' : status === 400 ? 'malformed request' : 'internal error' });
  });
  return app;
}

const id = z.object({ id: z.string().min(1) });

/**
 * What every Bot Framework activity carries: the SDK and teams-ai read these without checking, so a
 * request without them failed inside the turn as a 500 ("Cannot read properties of undefined").
 */
const ActivityEnvelope = z.object({
  type: z.string().min(1),
  serviceUrl: z.string().min(1),
  from: id,
  recipient: id,
  conversation: id,
});

/** Why the body cannot be handled as an activity, or undefined when it can. */
function activityProblem(body: unknown, deps: Pick<ServerDeps, 'tokenGate' | 'serviceUrlHosts'>): string | undefined {
  if (nestedDeeperThan(body, MAX_DEPTH)) {
    return `expected a Bot Framework activity (nested deeper than ${MAX_DEPTH} levels)`;
  }
  const envelope = ActivityEnvelope.safeParse(body);
  if (!envelope.success) {
    const { path } = envelope.error.issues[0];
    return `expected a Bot Framework activity${path.length ? ` (${path.join('.')} is missing or malformed)` : ''}`;
  }
  const fence = { authenticated: !!deps.tokenGate, allowedHosts: deps.serviceUrlHosts };
  return serviceUrlRefusal(envelope.data.serviceUrl, fence);
}

/** Without recursion, so the check itself cannot run out of stack. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(v)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
}
