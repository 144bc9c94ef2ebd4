/**
 * A local Bot Connector stand-in: the HTTP API the bot calls to talk to Teams, on 127.0.0.1. It records
 * every reply, proactive message, card update and created conversation, and can be told to answer
 * like Teams does under load or when a user has blocked the bot (`respond`, `inject`).
 *
 * With `teamsLimits` it enforces Teams' per-conversation send limits on receipt times: a send over a
 * limit gets 429 with Retry-After and is counted in `violations`. Sends carrying the outbox's
 * client-side id (channelData.chaserOutboxId) are deduplicated like an idempotent receiver: a repeat
 * gets the first send's activity id back, is not recorded again, and is counted in `duplicates`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEAMS_CONVERSATION_LIMITS, type RateLimit } from '../../core/outbox/pacing';

export interface Recorded {
  /** 'typing': the indicator teams-ai sends while a turn runs past a second, kept apart from messages. */
  kind: 'send' | 'typing' | 'update' | 'createConversation';
  conversationId: string;
  activityId: string;
  replyToId?: string;
  activity: Record<string, any>;
  at: number;
  /** The request's Authorization header: the bot's outbound token, when it has an app id. */
  authorization?: string;
}

/** Return a status (and headers) to fail a request instead of recording it. */
export type Responder = (req: {
  method: string;
  path: string;
  conversationId: string;
  body: any;
}) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;

/** A failure for the next `times` sends (to one conversation, or any): a status, or no answer at all. */
export type Fault = ({ status: number; retryAfterSeconds?: number; code?: string } | { hang: true }) & {
  times?: number;
  conversationId?: string;
};

export interface ConnectorOptions {
  /** The clock limits are measured on (ms); defaults to Date.now. */
  now?: () => number;
  /** Enforce Teams' per-conversation send limits (or these). */
  teamsLimits?: boolean | readonly RateLimit[];
}

export interface ConnectorStandIn {
  url: string;
  recorded: Recorded[];
  sends(conversationId?: string): Recorded[];
  updates(): Recorded[];
  respond(responder: Responder | undefined): void;
  /** Queues a fault for upcoming sends (POST activities). */
  inject(fault: Fault): void;
  /** Sends refused because they broke a per-conversation limit. */
  readonly violations: number;
  /** Repeated sends of an already-received outbox id (answered, not recorded). */
  readonly duplicates: number;
  /** Every send request that arrived, failed or not. */
  readonly attempts: number;
  waitFor(predicate: (r: Recorded[]) => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

export async function startConnector(opts: ConnectorOptions = {}): Promise<ConnectorStandIn> {
  const recorded: Recorded[] = [];
  let responder: Responder | undefined;
  let seq = 0;
  const now = opts.now ?? Date.now;
  const limits = opts.teamsLimits === true ? TEAMS_CONVERSATION_LIMITS : opts.teamsLimits || [];
  const received = new Map<string, number[]>();
  const byOutboxId = new Map<string, string>();
  const faults: Fault[] = [];
  const counts = { violations: 0, duplicates: 0, attempts: 0 };

  /** Seconds until the conversation has room, or 0 when this send is within every limit. */
  const overLimit = (conversationId: string, at: number): number => {
    const times = received.get(conversationId) ?? [];
    let wait = 0;
    for (const { limit, windowMs } of limits) {
      const inWindow = times.filter((t) => t > at - windowMs);
      if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit] + windowMs - at);
    }
    return Math.ceil(wait / 1000);
  };
  const takeFault = (conversationId: string): Fault | undefined => {
    const i = faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
    if (i < 0) return undefined;
    const f = faults[i];
    if ((f.times ?? 1) <= 1) faults.splice(i, 1);
    else faults[i] = { ...f, times: (f.times ?? 1) - 1 };
    return f;
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readJson(req);
    const path = (req.url ?? '').split('?')[0];
    const m = /^\/v3\/conversations(?:\/([^/]+)\/activities(?:\/([^/]+))?)?\/?$/.exec(path);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload ?? {}));
    };
    if (!m) return reply(404, { error: { code: 'NotFound', message: path } });
    const conversationId = m[1] ? decodeURIComponent(m[1]) : '';
    const injected = responder?.({ method: req.method ?? '', path, conversationId, body });
    if (injected)
      return reply(injected.status, injected.body ?? { error: { code: String(injected.status) } }, injected.headers);

    if (req.method === 'POST' && !m[1]) {
      const id = `a:created-${++seq}`;
      recorded.push({
        kind: 'createConversation',
        conversationId: id,
        activityId: '',
        activity: body,
        at: Date.now(),
        authorization: req.headers.authorization,
      });
      return reply(200, { id, activityId: body?.activity ? `act-${seq}` : undefined });
    }
    if (req.method === 'POST') {
      counts.attempts++;
      const fault = takeFault(conversationId);
      if (fault && 'hang' in fault) return; // never answers: the sender's timeout must fire
      if (fault)
        return reply(
          fault.status,
          { error: { code: fault.code ?? String(fault.status) } },
          fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
        );
      const at = now();
      const retryAfter = overLimit(conversationId, at);
      if (retryAfter > 0) {
        counts.violations++;
        return reply(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': String(retryAfter) });
      }
      if (limits.length) received.set(conversationId, [...(received.get(conversationId) ?? []), at]);
      const outboxId: string | undefined = body?.channelData?.chaserOutboxId;
      const earlier = outboxId && byOutboxId.get(outboxId);
      if (earlier) {
        counts.duplicates++;
        return reply(200, { id: earlier });
      }
      const activityId = `act-${++seq}`;
      if (outboxId) byOutboxId.set(outboxId, activityId);
      recorded.push({
        kind: body?.type === 'typing' ? 'typing' : 'send',
        conversationId,
        activityId,
        replyToId: m[2] && decodeURIComponent(m[2]),
        activity: body,
        at,
        authorization: req.headers.authorization,
      });
      return reply(200, { id: activityId });
    }
    if (req.method === 'PUT' && m[2]) {
      recorded.push({
        kind: 'update',
        conversationId,
        activityId: decodeURIComponent(m[2]),
        activity: body,
        at: Date.now(),
        authorization: req.headers.authorization,
      });
      return reply(200, { id: m[2] });
    }
    return reply(405, { error: { code: 'MethodNotAllowed' } });
  });
  // Longer than any client's idle keep-alive, so a reused connection is never closed under a request.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    recorded,
    sends: (conversationId) =>
      recorded.filter((r) => r.kind === 'send' && (!conversationId || r.conversationId === conversationId)),
    updates: () => recorded.filter((r) => r.kind === 'update'),
    respond: (r) => {
      responder = r;
    },
    inject: (fault) => {
      faults.push(fault);
    },
    get violations() {
      return counts.violations;
    },
    get duplicates() {
      return counts.duplicates;
    },
    get attempts() {
      return counts.attempts;
    },
    waitFor: async (predicate, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate(recorded)) {
        if (Date.now() > until)
          throw new Error(`connector stand-in: condition not met within ${timeoutMs} ms (${recorded.length} recorded)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    clear: () => {
      recorded.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // including requests left hanging by a fault
      }),
  };
}

function readJson(req: IncomingMessage): Promise<any> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}
