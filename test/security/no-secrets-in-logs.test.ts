/**
 * No secrets in logs: started with MICROSOFT_APP_PASSWORD=secret and fed requests carrying bearer tokens
 * (accepted, refused, expired), neither the password nor any token reaches the log stream — nor the
 * SDK's own console output — and logging the config or request headers by mistake is redacted.
 */
import { message, TENANT_ID } from '../helpers/activities';
import { startTestBot, type TestBot } from '../helpers/bot';
import { captureLog, type CapturedLog } from './log-capture';
import { APP_ID, APP_PASSWORD, OfflineCredentialsFactory, startTokenIssuer, type TokenIssuer } from './token-issuer';

let bot: TestBot;
let issuer: TokenIssuer;
let logs: CapturedLog;
const consoleOutput: string[] = [];

beforeAll(async () => {
  for (const method of ['error', 'warn', 'log', 'info'] as const) {
    jest
      .spyOn(console, method)
      .mockImplementation(
        (...args: unknown[]) =>
          void consoleOutput.push(
            args
              .map((a) =>
                a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : typeof a === 'string' ? a : JSON.stringify(a),
              )
              .join(' '),
          ),
      );
  }
  issuer = await startTokenIssuer();
  logs = captureLog('trace');
  bot = await startTestBot({
    env: {
      MICROSOFT_APP_ID: APP_ID,
      MICROSOFT_APP_PASSWORD: APP_PASSWORD,
      ALLOWED_TENANTS: TENANT_ID,
      LOG_LEVEL: 'trace',
    },
    adapter: { openIdMetadataUrl: issuer.openIdMetadataUrl, credentialsFactory: new OfflineCredentialsFactory() },
    log: logs.log,
  });
});
afterAll(async () => {
  await bot.stop();
  await issuer.close();
  jest.restoreAllMocks();
});

it('never writes the app password or a bearer token to the logs', async () => {
  const where = { serviceUrl: bot.connector.url };
  const tokens = [
    issuer.sign({ serviceurl: bot.connector.url }),
    issuer.sign({ serviceurl: bot.connector.url }),
    issuer.sign({ serviceurl: bot.connector.url, expiresIn: -3600 }),
  ];
  expect((await bot.post(message('help', where), { authorization: `Bearer ${tokens[0]}` })).status).toBe(200);
  // Refused by the tenant guard, which logs the refusal.
  expect(
    (
      await bot.post(message('help', { ...where, tenantId: 'another-tenant' }), {
        authorization: `Bearer ${tokens[1]}`,
      })
    ).status,
  ).toBe(200);
  expect((await bot.post(message('help', where), { authorization: `Bearer ${tokens[2]}` })).status).toBe(401);
  // A careless log line with the whole config or the request headers is still redacted.
  bot.chaser.log.info({ config: bot.chaser.config }, 'config');
  bot.chaser.log.info({ headers: { authorization: `Bearer ${tokens[0]}` } }, 'headers');
  bot.chaser.log.info({ req: { headers: { authorization: `Bearer ${tokens[0]}` } } }, 'request');

  const text = logs.text();
  // The logs did capture this run, so their silence about secrets means something.
  const messages = logs.entries().map((e) => e.msg);
  expect(messages).toEqual(
    expect.arrayContaining([
      'Chaser is listening on /api/messages',
      'refused an activity from a tenant not in ALLOWED_TENANTS',
      'refused a request without a valid Bot Framework token',
      'config',
      'headers',
      'request',
    ]),
  );
  expect(logs.entries().find((e) => e.msg === 'config')?.config).toMatchObject({
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: '***',
  });
  expect(logs.entries().find((e) => e.msg === 'refused a request without a valid Bot Framework token')?.reason).toMatch(
    /expired/,
  );

  for (const output of [text, consoleOutput.join('\n')]) {
    expect(output).not.toContain(APP_PASSWORD);
    for (const token of tokens) {
      expect(output).not.toContain(token);
      // Nor the signature alone: a token's last segment is what makes it usable.
      expect(output).not.toContain(token.split('.')[2]);
    }
  }
});
