/**
 * The benchmark's stand-in for the Bot Connector's POST to /api/messages: node:http on a keep-alive
 * agent. It runs on the bot's own event loop, so its cost lands in every end-to-end figure; undici's
 * fetch spent ~1 ms more per request here than this does, time a real connector (another machine) never
 * takes from the bot.
 */
import http from 'node:http';

export type Post = (path: string, body: unknown) => Promise<{ status: number; text: string }>;

export function createPoster(baseUrl: string): Post & { close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (path: string, body: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = JSON.stringify(body);
      const req = http.request(
        new URL(path, baseUrl),
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return Object.assign(post, { close: () => agent.destroy() });
}
