/**
 * Production mode with the identity service black-holed: its host takes connections and never answers
 * (a dropped route, a stuck proxy). Every request carrying a token must still be answered at once, 401
 * for what is not one of ours and 503 with Retry-After for what cannot be checked without keys, and
 * /readyz says the keys are missing. The SDK alone waited minutes per request here.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import {
  APP_ID,
  APP_PASSWORD,
  OfflineCredentialsFactory,
  rsaKey,
  startTokenIssuer,
  type TokenIssuer,
} from './token-issuer';

let bot: TestBot;
let issuer: TokenIssuer;
let blackHole: Server;
const held: Socket[] = [];

/** Far beyond the keys' fetch timeout, far below the minutes the SDK waited: a request past it hung. */
const HUNG = 8000;

beforeAll(async () => {
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  issuer = await startTokenIssuer(); // signs tokens only: its keys are never reachable
  blackHole = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  const metadata = `http://127.0.0.1:${(blackHole.address() as AddressInfo).port}/openidconfiguration`;
  bot = await startTestBot({
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD, AUTH_KEYS_TIMEOUT_MS: '300' },
    adapter: { openIdMetadataUrl: metadata, credentialsFactory: new OfflineCredentialsFactory() },
  });
});
afterAll(async () => {
  await bot.stop();
  await issuer.close();
  for (const s of held) s.destroy();
  await new Promise<void>((resolve) => blackHole.close(() => resolve()));
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const claims = () => ({ serviceurl: bot.connector.url });

async function post(headers: Record<string, string>) {
  const res = await fetch(`${bot.chaser.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(message("what's red?", { serviceUrl: bot.connector.url })),
    signal: AbortSignal.timeout(HUNG),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

describe('a black-holed identity host', () => {
  it.each([
    ['no Authorization header', () => ({}), 401],
    ['a token that is not a JWT', () => bearer('not-a-jwt'), 401],
    ['a token from another issuer', () => bearer(issuer.sign({ ...claims(), iss: 'https://evil.example.com' })), 401],
    [
      'a Basic scheme',
      () => ({ authorization: `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}` }),
      401,
    ],
    ['an expired token', () => bearer(issuer.sign({ ...claims(), expiresIn: -3600 })), 503],
    ['a token for another app', () => bearer(issuer.sign({ ...claims(), aud: 'another-app-id' })), 503],
    [
      'a token signed with an unpublished key',
      () => bearer(issuer.sign(claims(), { key: rsaKey(), kid: 'unknown-kid' })),
      503,
    ],
    [
      'a token issued for another service URL',
      () => bearer(issuer.sign({ serviceurl: 'https://smba.example.com/' })),
      503,
    ],
    ['a well-formed channel token', () => bearer(issuer.sign(claims())), 503],
  ])('answers %s at once, runs nothing', async (_case, headers, status) => {
    const res = await post(headers());
    expect(res.status).toBe(status);
    if (status === 503) expect(Number(res.retryAfter)).toBeGreaterThan(0);
    expect(await bot.chaser.core.db.prisma.person.count()).toBe(0);
    expect(bot.connector.recorded).toEqual([]);
  });

  it('answers many at once without queueing them behind each other', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => post(bearer(issuer.sign(claims())))));
    expect(all.map((r) => r.status)).toEqual(Array(20).fill(503));
  });

  it('reports not ready while it holds no signing keys', async () => {
    const ready = await fetch(`${bot.chaser.url}/readyz`, { signal: AbortSignal.timeout(HUNG) });
    expect(ready.status).toBe(503);
    expect((await ready.json()).detail).toMatch(/Bot Framework keys not loaded \(no answer within 300 ms\)/);
  });
});

describe('an identity host that goes silent after the keys were fetched', () => {
  let held: TestBot;
  let live: TokenIssuer;

  beforeAll(async () => {
    live = await startTokenIssuer();
    held = await startTestBot({
      env: {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: APP_PASSWORD,
        AUTH_KEYS_TIMEOUT_MS: '300',
        TURN_DEADLINE_MS: '1000',
      },
      adapter: { openIdMetadataUrl: live.openIdMetadataUrl, credentialsFactory: new OfflineCredentialsFactory() },
    });
    for (let i = 0; i < 100 && (await fetch(`${held.chaser.url}/readyz`)).status !== 200; i++)
      await new Promise((r) => setTimeout(r, 20));
    live.goSilent();
  });
  afterAll(async () => {
    await held.stop();
    await live.close();
  });

  const send = (token: string) =>
    fetch(`${held.chaser.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(message('help', { serviceUrl: held.connector.url })),
      signal: AbortSignal.timeout(HUNG),
    });
  const own = () => ({ serviceurl: held.connector.url });

  it.each([
    ['a token signed with an unpublished key', () => live.sign(own(), { key: rsaKey(), kid: 'unknown-kid' })],
    ['an expired token', () => live.sign({ ...own(), expiresIn: -3600 })],
    ['a token for another app', () => live.sign({ ...own(), aud: 'another-app-id' })],
  ])('refuses %s with 401 from the keys it holds', async (_case, token) => {
    expect((await send(token())).status).toBe(401);
  });

  it('answers a valid token whose full check waits on the silent host with 503 and Retry-After, before Teams gives up', async () => {
    const res = await send(live.sign(own()));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });
});
