/**
 * The board tab's sign-in with Azure settings: only a Teams SSO token signed by the identity platform's
 * published keys, for this app, from an allowed tenant and not expired, signs in; it maps to the Person
 * by AAD object id. The developer sign-in is off.
 */
import { startTestBot, type TestBot } from '../helpers/bot';
import { APP_PASSWORD, OfflineCredentialsFactory } from './token-issuer';
import { startSsoIssuer, TAB_APP_ID_URI, TAB_CLIENT_ID, TENANT, type SsoIssuer } from './sso-issuer';

const OID = '0a0a0a0a-1111-2222-3333-444444444444';
let bot: TestBot;
let issuer: SsoIssuer;
let personId: string;

beforeAll(async () => {
  issuer = await startSsoIssuer();
  bot = await startTestBot({
    env: {
      MICROSOFT_APP_ID: TAB_CLIENT_ID,
      MICROSOFT_APP_PASSWORD: APP_PASSWORD,
      ALLOWED_TENANTS: TENANT,
      TAB_APP_ID_URI,
      TAB_JWKS_URL: issuer.jwksUrl,
    },
    adapter: { credentialsFactory: new OfflineCredentialsFactory() },
  });
  personId = (
    await bot.chaser.core.db.prisma.person.create({ data: { displayName: 'Dana Director', aadObjectId: OID } })
  ).id;
});
afterAll(async () => {
  await bot.stop();
  await issuer.close();
});

const session = async (authorization?: string) => {
  const res = await fetch(`${bot.chaser.url}/api/tab/session`, { headers: authorization ? { authorization } : {} });
  return { status: res.status, body: await res.json() };
};

describe('board tab sign-in with Teams SSO', () => {
  it.each([
    ['no token', () => undefined],
    ['a token that is not a JWT', () => 'Bearer not-a-jwt'],
    ['an expired token', () => `Bearer ${issuer.sign({ oid: OID, expiresIn: -3600 })}`],
    [
      'a token for another audience',
      () => `Bearer ${issuer.sign({ oid: OID, aud: 'api://elsewhere.example.com/other' })}`,
    ],
    [
      'a token from a tenant not allowed',
      () => `Bearer ${issuer.sign({ oid: OID, tid: '99999999-0000-4000-8000-000000000009' })}`,
    ],
    [
      'a token whose issuer is not its tenant',
      () => `Bearer ${issuer.sign({ oid: OID, iss: 'https://login.microsoftonline.com/common/v2.0' })}`,
    ],
    ['a token signed with an unpublished key', () => `Bearer ${issuer.sign({ oid: OID }, { foreignKey: true })}`],
    ['the developer sign-in', () => `Developer ${personId}`],
  ])('refuses %s with 401', async (_case, header) => {
    expect((await session(header())).status).toBe(401);
  });

  it('signs in with a token for the Application ID URI or the client id, as the Person with its oid', async () => {
    for (const aud of [TAB_APP_ID_URI, TAB_CLIENT_ID]) {
      const res = await session(`Bearer ${issuer.sign({ oid: OID, aud })}`);
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ personId, displayName: 'Dana Director', mode: 'sso' });
    }
  });

  it('answers 403 with a message to a valid token for someone Chaser does not know', async () => {
    const res = await session(`Bearer ${issuer.sign({ oid: 'ffffffff-1111-2222-3333-444444444444' })}`);
    expect(res.status).toBe(403);
    expect(res.body.error).toContain('say "hello" to the bot');
  });

  it('hides the developer sign-in list', async () => {
    expect((await fetch(`${bot.chaser.url}/api/tab/developer/people`)).status).toBe(404);
  });
});
