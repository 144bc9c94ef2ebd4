/**
 * Production mode (app id + password set): the SDK validates every inbound Bot Framework JWT against
 * signing keys from a local token issuer (no network). A request without a valid token gets 401 and
 * nothing of it runs: no reply, no person or conversation stored.
 */
import { installed, message } from '../helpers/activities';
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
const credentials = new OfflineCredentialsFactory();

beforeAll(async () => {
  // CloudAdapter prints every refused request to console.error; the assertions below are what matters.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  issuer = await startTokenIssuer();
  bot = await startTestBot({
    // On a loaded machine the local issuer's keys can take longer than the default bound to arrive;
    // the bounded wait itself is black-holed-identity.test.ts's subject.
    env: { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: APP_PASSWORD, AUTH_KEYS_TIMEOUT_MS: '5000' },
    adapter: { openIdMetadataUrl: issuer.openIdMetadataUrl, credentialsFactory: credentials },
  });
});
afterAll(async () => {
  await bot.stop();
  await issuer.close();
});
beforeEach(() => bot.connector.clear());

const where = () => ({ serviceUrl: bot.connector.url });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function nothingStored() {
  const prisma = bot.chaser.core.db.prisma;
  expect(await prisma.person.count()).toBe(0);
  expect(await prisma.conversationRef.count()).toBe(0);
  expect(bot.connector.recorded).toEqual([]);
}

describe('inbound authentication in production mode', () => {
  it.each([
    ['no Authorization header', () => ({})],
    ['an empty bearer token', () => bearer('')],
    ['a token that is not a JWT', () => bearer('not-a-jwt')],
    ['an expired token', () => bearer(issuer.sign({ serviceurl: bot.connector.url, expiresIn: -3600 }))],
    ['a token for another app', () => bearer(issuer.sign({ serviceurl: bot.connector.url, aud: 'another-app-id' }))],
    [
      'a token from another issuer',
      () => bearer(issuer.sign({ serviceurl: bot.connector.url, iss: 'https://evil.example.com' })),
    ],
    ['a token signed with another key under the published key id', () => bearer(forgedWithSameKid())],
    [
      'a token signed with an unpublished key',
      () => bearer(issuer.sign({ serviceurl: bot.connector.url }, { key: rsaKey(), kid: 'unknown-kid' })),
    ],
    ['a token issued for another service URL', () => bearer(issuer.sign({ serviceurl: 'https://smba.example.com/' }))],
    [
      'a Basic scheme with the app password',
      () => ({ authorization: `Basic ${Buffer.from(`${APP_ID}:${APP_PASSWORD}`).toString('base64')}` }),
    ],
  ])('refuses %s with 401 and does nothing', async (_case, headers) => {
    const res = await bot.post(message("what's red?", where()), headers());
    expect(res.status).toBe(401);
    const install = await bot.post(installed(where()), headers());
    expect(install.status).toBe(401);
    await nothingStored();
  });

  it('refuses a validly signed activity whose serviceUrl is not a Bot Framework or Teams host, with 400', async () => {
    for (const serviceUrl of [
      'https://evil.example.com/',
      'https://smba.trafficmanager.net.evil.example/',
      'http://smba.trafficmanager.net/emea/',
    ]) {
      const res = await bot.post(message('help', { serviceUrl }), bearer(issuer.sign({ serviceurl: serviceUrl })));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatch(/^serviceUrl (host \S+ is not in SERVICE_URL_HOSTS|must be https)$/);
    }
    await nothingStored();
  });

  it('reports the signing keys it holds as fresh', async () => {
    const ready = await fetch(`${bot.chaser.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).detail).toMatch(/Bot Framework keys \d+ s old; Entra ID keys \d+ s old$/);
  });

  it('accepts a valid channel token, handles the message and replies with outbound credentials', async () => {
    const res = await bot.post(message('help', where()), bearer(issuer.sign({ serviceurl: bot.connector.url })));
    expect(res.status).toBe(200);
    await bot.connector.waitFor((r) => r.length === 1);
    expect(JSON.stringify(bot.connector.sends()[0].activity)).toContain('What you can ask Chaser');
    expect(credentials.issued).toContain(APP_ID);
    expect(bot.connector.sends()[0].authorization).toBe('Bearer outbound-test-token');
    expect(await bot.chaser.core.db.prisma.person.count()).toBe(1);
  });
});

/** Same kid and claims as a real token, but the signature is from a key the issuer never published. */
function forgedWithSameKid(): string {
  const genuine = issuer.sign({ serviceurl: bot.connector.url });
  const [head, payload] = genuine.split('.');
  const other = issuer.sign(
    { serviceurl: bot.connector.url },
    { key: rsaKey(), kid: JSON.parse(Buffer.from(head, 'base64url').toString()).kid },
  );
  return `${head}.${payload}.${other.split('.')[2]}`;
}
