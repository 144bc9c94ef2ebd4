/**
 * Who is calling the tab's API. In Teams the tab sends the SSO token Teams gave it
 * (`authentication.getAuthToken`); it is checked with `jose` against the identity platform's published
 * keys (signature, audience, issuer, expiry) and its tenant against ALLOWED_TENANTS, then mapped to the
 * Person by AAD object id. Without Azure settings (local mode) a developer sign-in names a person
 * directly, and only from this machine, so the tab runs in a browser next to the Playground.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { isAuthenticated, type Config } from '../../core/config';
import type { CoreContext } from '../../core/context';
import { personByAadObjectId, personById } from '../../core/people/directory';

export interface TabUser {
  personId: string;
  displayName: string;
  mode: 'sso' | 'developer';
}

export type SignIn = { ok: true; user: TabUser } | { ok: false; status: 401 | 403; error: string };

/** Short: a slow key server must not hold every request; jose caches the keys between fetches. */
const KEYS_TIMEOUT_MS = 3000;

export interface TabAuth {
  /** True without Azure settings: the developer sign-in is on (from loopback only). */
  local: boolean;
  signIn(authorization: string | undefined, remoteAddress: string | undefined): Promise<SignIn>;
}

export function createTabAuth(config: Config, ctx: Pick<CoreContext, 'db'>): TabAuth {
  const local = !isAuthenticated(config);
  const keys = createRemoteJWKSet(new URL(config.TAB_JWKS_URL), {
    timeoutDuration: KEYS_TIMEOUT_MS,
    cooldownDuration: 30_000,
  });
  const audience = [config.TAB_APP_ID_URI, config.MICROSOFT_APP_ID].filter((a): a is string => !!a);
  const refused = (error: string): SignIn => ({ ok: false, status: 401, error });

  async function sso(token: string): Promise<SignIn> {
    let claims: JWTPayload & { tid?: string; oid?: string };
    try {
      ({ payload: claims } = await jwtVerify(token, keys, { audience, algorithms: ['RS256'], clockTolerance: 60 }));
    } catch (err) {
      return refused(
        err instanceof errors.JWTExpired ? 'your sign-in has expired: reload the tab' : 'sign-in token not accepted',
      );
    }
    const tid = typeof claims.tid === 'string' ? claims.tid : '';
    // v2 and v1 tokens name the tenant's issuer differently; either must be this token's own tenant.
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (!tid || !issuers.includes(String(claims.iss))) return refused('sign-in token not accepted');
    if (config.ALLOWED_TENANTS.length && !config.ALLOWED_TENANTS.includes(tid))
      return refused('your organisation is not allowed to use Chaser');
    const person = typeof claims.oid === 'string' ? await personByAadObjectId(ctx, claims.oid) : null;
    if (!person)
      return { ok: false, status: 403, error: 'Chaser does not know you yet: say "hello" to the bot in Teams first' };
    return { ok: true, user: { personId: person.id, displayName: person.displayName, mode: 'sso' } };
  }

  async function developer(personId: string, remoteAddress: string | undefined): Promise<SignIn> {
    if (!local || !isLoopback(remoteAddress))
      return refused('developer sign-in is only for a local Chaser, from this machine');
    const person = await personById(ctx, personId);
    if (!person) return refused('no such person');
    return { ok: true, user: { personId: person.id, displayName: person.displayName, mode: 'developer' } };
  }

  return {
    local,
    signIn: async (authorization, remoteAddress) => {
      const [scheme, value] = (authorization ?? '').split(' ', 2);
      if (scheme === 'Bearer' && value && !local) return sso(value);
      if (scheme === 'Developer' && value) return developer(value, remoteAddress);
      return refused('sign in first');
    },
  };
}

/**
 * The caller's address when it reached Chaser directly; undefined through a proxy (which forwards from
 * loopback too), so the developer sign-in is never offered to someone the proxy let in.
 */
type Incoming = { headers: Record<string, unknown>; socket: { remoteAddress?: string } };

export function directAddress(req: Incoming): string | undefined {
  return req.headers['x-forwarded-for'] || req.headers.forwarded ? undefined : req.socket.remoteAddress;
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}
