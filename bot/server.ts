/**
 * The HTTP endpoint: /api/messages for Bot Framework activities, /healthz (liveness) and /readyz
 * (database reachable, migrations applied). A malformed request gets 400 and never kills the process.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { z } from 'zod';
import type { ChaserAdapter } from './adapter';
import type { Logger } from './logger';

export interface ServerDeps {
  adapter: ChaserAdapter;
  /** The bot's turn logic (teams-ai Application.run). */
  run: (context: TurnContext) => Promise<unknown>;
  ready: () => Promise<{ ok: boolean; detail: string }>;
  metrics?: () => string;
  log: Logger;
  /** More routes on the same port: the board tab and its API (bot/tab). */
  routes?: express.Router;
  /** Largest accepted request body; Teams messages are limited to ~100 KB, card submits are smaller. */
  maxBodyBytes?: number;
}

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
    const envelope = ActivityEnvelope.safeParse(req.body);
    if (!envelope.success) {
      const { path } = envelope.error.issues[0];
      res.status(400).json({ error: `expected a Bot Framework activity${path.length ? ` (${path.join('.')} is missing or malformed)` : ''}` });
      return;
    }
    try {
      const invoke = await deps.adapter.handle(req.body, req.headers.authorization ?? '', async (context) => {
        await deps.run(context);
      });
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.send(invoke.body);
      else res.end();
    } catch (err) {
      if (err instanceof AuthenticationError) {
        deps.log.warn({ reason: err.message }, 'refused a request without a valid Bot Framework token');
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      deps.log.error({ err }, 'activity processing failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
    }
  });
  if (deps.routes) app.use(deps.routes);
  // Body parser failures (bad JSON, too large) answer with their status instead of a stack trace.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) deps.log.error({ err }, 'request failed');
    res.status(status).json({ error: status === 413 ? 'request too large' : status === 400 ? 'malformed request' : 'internal error' });
  });
  return app;
}

const id = z.object({ id: z.string().min(1) });

/**
 * What every Bot Framework activity carries: the SDK and teams-ai read these without checking, so a
 * request without them failed inside the turn as a 500 ("Cannot read properties of undefined").
 */
const ActivityEnvelope = z.object({ type: z.string().min(1), serviceUrl: z.string().min(1), from: id, recipient: id, conversation: id });

export function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, () => resolve(server));
    server.once('error', reject);
  });
}
