/**
 * What the endpoint refuses before any turn, and the limits a turn runs within, in local mode: activities
 * that are not well-formed get 400 (never 500), replies go only to a Bot Connector on this machine, the
 * server listens on loopback and says loudly that nothing is authenticated, and a Bot Connector that
 * takes a reply and never answers does not hold the request past the turn's deadline.
 */
import type { AddressInfo } from 'node:net';
import { message } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { captureLog } from './log-capture';

let bot: TestBot;
const logs = captureLog('info');

beforeAll(async () => {
  bot = await startTestBot({ env: { TURN_DEADLINE_MS: '4000' }, log: logs.log });
});
afterAll(() => bot.stop());
beforeEach(() => bot.connector.clear());

const raw = (body: string) =>
  fetch(`${bot.chaser.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

async function nothingHappened() {
  expect(await bot.chaser.core.db.prisma.person.count()).toBe(0);
  expect(bot.connector.recorded).toEqual([]);
}

describe('malformed activities', () => {
  it.each([
    ['not an http(s) URL', 'ftp://127.0.0.1/', 'serviceUrl must be an http(s) URL'],
    ['a javascript: URL', 'javascript:alert(1)', 'serviceUrl must be an http(s) URL'],
    ['not a URL at all', 'smba trafficmanager', 'serviceUrl is not a URL'],
    ['a URL with credentials', 'http://user:pw@127.0.0.1/', 'serviceUrl must not carry credentials'],
  ])('refuses a serviceUrl that is %s with 400', async (_case, serviceUrl, error) => {
    const res = await bot.post(message('help', { serviceUrl }));
    expect(res).toEqual({ status: 400, body: { error } });
    await nothingHappened();
  });

  it('refuses 50,000 levels of nesting with 400 and keeps serving', async () => {
    const deep = `${'{"":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    const activity = JSON.stringify(message('help', { serviceUrl: bot.connector.url }));
    const res = await raw(`${activity.slice(0, -1)},"value":${deep}}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'expected a Bot Framework activity (nested deeper than 64 levels)' });
    const arrays = await raw(`${activity.slice(0, -1)},"value":${'['.repeat(50_000)}${']'.repeat(50_000)}}`);
    expect(arrays.status).toBe(400);
    await nothingHappened();
    expect((await fetch(`${bot.chaser.url}/healthz`)).status).toBe(200);
  });
});

describe('local mode', () => {
  it.each([
    ['another host', 'https://smba.trafficmanager.net/emea/'],
    ['a private address', 'http://10.0.0.5:8080/'],
    ['a host name that is not localhost', 'http://127.0.0.1.nip.io/'],
  ])('never answers a serviceUrl on %s: 400, nothing sent or stored', async (_case, serviceUrl) => {
    const res = await bot.post(message('help', { serviceUrl }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/^local mode answers only a serviceUrl on this machine/);
    await nothingHappened();
  });

  it('listens on loopback only, and says loudly that nothing is authenticated', () => {
    expect((bot.chaser.server.address() as AddressInfo).address).toBe('127.0.0.1');
    const warning = logs.entries().find((e) => e.level === 40 && /^LOCAL MODE/.test(e.msg));
    expect(warning?.msg).toContain('requests are NOT authenticated');
  });

  it('reports ready without signing keys to check', async () => {
    const ready = await fetch(`${bot.chaser.url}/readyz`);
    expect(await ready.json()).toEqual({
      ok: true,
      detail: 'database reachable, migrations applied; local mode, no tokens checked',
    });
  });
});

describe("a turn's deadline", () => {
  it('answers the request once a Bot Connector that took the reply has not answered by the deadline', async () => {
    bot.connector.inject({ hang: true, times: 1 });
    const res = await fetch(`${bot.chaser.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message('help', { serviceUrl: bot.connector.url })),
      // Beyond the 4 s deadline configured here (and the watchdog after it); without one the request waited minutes.
      signal: AbortSignal.timeout(12_000),
    });
    expect(res.status).toBe(200);
    expect(bot.connector.attempts).toBeGreaterThanOrEqual(1);
    expect(
      logs.entries().some((e) => e.msg === 'turn failed' && /within the turn's 4000 ms/.test(e.err?.message)),
    ).toBe(true);
  });
});
