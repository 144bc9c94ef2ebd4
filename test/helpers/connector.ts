/**
 * A local Bot Connector stand-in: the HTTP API the bot calls to talk to Teams, on 127.0.0.1. It records
 * every reply, proactive message, card update and created conversation, and can be told to answer
 * like Teams does under load or when a user has blocked the bot (`respond`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  kind: 'send' | 'update' | 'createConversation';
  conversationId: string;
  activityId: string;
  replyToId?: string;
  activity: Record<string, any>;
  at: number;
}

/** Return a status (and headers) to fail a request instead of recording it. */
export type Responder = (req: { method: string; path: string; conversationId: string; body: any }) => { status: number; headers?: Record<string, string>; body?: unknown } | undefined;

export interface ConnectorStandIn {
  url: string;
  recorded: Recorded[];
  sends(conversationId?: string): Recorded[];
  updates(): Recorded[];
  respond(responder: Responder | undefined): void;
  waitFor(predicate: (r: Recorded[]) => boolean, timeoutMs?: number): Promise<void>;
  clear(): void;
  close(): Promise<void>;
}

export async function startConnector(): Promise<ConnectorStandIn> {
  const recorded: Recorded[] = [];
  let responder: Responder | undefined;
  let seq = 0;

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
    if (injected) return reply(injected.status, injected.body ?? { error: { code: String(injected.status) } }, injected.headers);

    if (req.method === 'POST' && !m[1]) {
      const id = `a:created-${++seq}`;
      recorded.push({ kind: 'createConversation', conversationId: id, activityId: '', activity: body, at: Date.now() });
      return reply(200, { id, activityId: body?.activity ? `act-${seq}` : undefined });
    }
    if (req.method === 'POST') {
      const activityId = `act-${++seq}`;
      recorded.push({ kind: 'send', conversationId, activityId, replyToId: m[2] && decodeURIComponent(m[2]), activity: body, at: Date.now() });
      return reply(200, { id: activityId });
    }
    if (req.method === 'PUT' && m[2]) {
      recorded.push({ kind: 'update', conversationId, activityId: decodeURIComponent(m[2]), activity: body, at: Date.now() });
      return reply(200, { id: m[2] });
    }
    return reply(405, { error: { code: 'MethodNotAllowed' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    recorded,
    sends: (conversationId) => recorded.filter((r) => r.kind === 'send' && (!conversationId || r.conversationId === conversationId)),
    updates: () => recorded.filter((r) => r.kind === 'update'),
    respond: (r) => {
      responder = r;
    },
    waitFor: async (predicate, timeoutMs = 5000) => {
      const until = Date.now() + timeoutMs;
      while (!predicate(recorded)) {
        if (Date.now() > until) throw new Error(`connector stand-in: condition not met within ${timeoutMs} ms (${recorded.length} recorded)`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    clear: () => {
      recorded.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
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
