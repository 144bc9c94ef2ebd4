/**
 * A bounded check of an inbound Bot Framework token before the turn. The SDK fetches the OpenID metadata
 * and signing keys itself, with no timeout: when the identity host takes connections and never answers,
 * every request carrying a well-formed token waited minutes. Here the keys are fetched with a short
 * timeout, kept, refreshed in the background, and a request is answered from what is held: 401 for a
 * token that is not one of ours, 503 with Retry-After while no keys can be had. A token that passes
 * still goes through the SDK's full validation (channel endorsements, the service URL claim) in the turn.
 *
 * jose verifies the signature and claims (a maintained library; its local key set is fed keys fetched
 * here so the fetch, its timeout and the freshness report stay in one place).
 */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet } from 'jose';

/** Where a family of issuers publishes its keys (an OpenID configuration with a `jwks_uri`). */
export interface KeySource {
  name: string;
  openIdMetadataUrl: string;
  issues(issuer: string): boolean;
}

const ENTRA_METADATA = 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration';
const ENTRA_V1_ISSUER = /^https:\/\/sts\.windows\.net\/[0-9a-f-]{36}\/$/;
const ENTRA_V2_ISSUER = /^https:\/\/login\.microsoftonline\.com\/[0-9a-f-]{36}\/v2\.0$/;

/** Teams' channel tokens, and Entra tokens (the Emulator, skills), as the SDK accepts them in the public cloud. */
export function publicCloudKeySources(openIdMetadataUrl?: string): KeySource[] {
  return [
    {
      name: 'Bot Framework',
      openIdMetadataUrl: openIdMetadataUrl ?? 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      issues: (iss) => iss === 'https://api.botframework.com',
    },
    {
      name: 'Entra ID',
      openIdMetadataUrl: openIdMetadataUrl ?? ENTRA_METADATA,
      issues: (iss) => ENTRA_V1_ISSUER.test(iss) || ENTRA_V2_ISSUER.test(iss),
    },
  ];
}

export type GateResult =
  | { ok: true }
  | { ok: false; status: 401; reason: string }
  | { ok: false; status: 503; reason: string; retryAfterSeconds: number };

export interface TokenGate {
  check(authorization: string): Promise<GateResult>;
  /** For /readyz: whether every source's keys are held and how old they are. */
  freshness(): { ok: boolean; detail: string };
  close(): void;
}

export interface TokenGateOptions {
  appId: string;
  sources: KeySource[];
  /** The longest a metadata or key fetch may take, and the longest a request waits for keys. */
  fetchTimeoutMs: number;
  /** How often keys are refreshed in the background (Microsoft rotates them every few weeks). */
  refreshEveryMs?: number;
  /** A token naming a key we do not hold refreshes the keys at most this often. */
  cooldownMs?: number;
  onRefreshFailed?: (source: string, error: string) => void;
}

/** Keys older than this (no refresh has worked for a day) make /readyz report not ready. */
const STALE_AFTER_MS = 24 * 3600_000;
const RETRY_AFTER_SECONDS = 30;

interface Held {
  source: KeySource;
  keys?: ReturnType<typeof createLocalJWKSet>;
  loadedAt?: number;
  lastError?: string;
  lastAttempt: number;
  loading?: Promise<void>;
}

export function createTokenGate(opts: TokenGateOptions): TokenGate {
  const cooldownMs = opts.cooldownMs ?? 30_000;
  const held: Held[] = opts.sources.map((source) => ({ source, lastAttempt: 0 }));

  const fetchJson = async (url: string): Promise<unknown> => {
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.fetchTimeoutMs) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return res.json();
  };
  const load = (h: Held): Promise<void> => {
    h.loading ??= (async () => {
      h.lastAttempt = Date.now();
      try {
        const metadata = (await fetchJson(h.source.openIdMetadataUrl)) as { jwks_uri?: unknown } | null;
        if (typeof metadata?.jwks_uri !== 'string') throw new Error('the OpenID configuration has no jwks_uri');
        const jwks = (await fetchJson(metadata.jwks_uri)) as JSONWebKeySet;
        h.keys = createLocalJWKSet(jwks);
        h.loadedAt = Date.now();
        h.lastError = undefined;
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        h.lastError = timedOut ? `no answer within ${opts.fetchTimeoutMs} ms` : (err as Error).message;
        opts.onRefreshFailed?.(h.source.name, h.lastError);
      } finally {
        h.loading = undefined;
      }
    })();
    return h.loading;
  };
  const refreshAll = () => Promise.all(held.map(load));
  void refreshAll();
  const timer = setInterval(() => void refreshAll(), opts.refreshEveryMs ?? 3600_000);
  timer.unref();

  const unavailable = (h: Held): GateResult => ({
    ok: false,
    status: 503,
    reason: `${h.source.name} signing keys unavailable: ${h.lastError ?? 'still loading'}`,
    retryAfterSeconds: RETRY_AFTER_SECONDS,
  });
  const refused = (reason: string): GateResult => ({ ok: false, status: 401, reason });

  const verify = async (h: Held, token: string, issuer: string): Promise<GateResult> => {
    if (!h.keys) return unavailable(h);
    try {
      await jwtVerify(token, h.keys, { issuer, audience: opts.appId, algorithms: ['RS256'], clockTolerance: 300 });
      return { ok: true };
    } catch (err) {
      return refused(whyRefused(err));
    }
  };

  return {
    async check(authorization) {
      const token = /^Bearer (\S+)$/.exec(authorization)?.[1];
      if (!token) return refused('no bearer token');
      let issuer: string;
      let kid: string | undefined;
      try {
        kid = decodeProtectedHeader(token).kid;
        issuer = String(decodeJwt(token).iss ?? '');
      } catch {
        return refused('not a JWT');
      }
      const h = held.find((x) => x.source.issues(issuer));
      if (!h) return refused('issuer not accepted');
      // Never held, or a key we do not hold (rotation): fetch once, within the timeout, then decide.
      if (!h.keys || (kid && !(await holds(h, token)) && Date.now() - h.lastAttempt > cooldownMs)) {
        // The fetch goes on in the background if it takes longer; the request does not wait for it.
        await Promise.race([load(h), new Promise((resolve) => setTimeout(resolve, opts.fetchTimeoutMs).unref())]);
      }
      return verify(h, token, issuer);
    },
    freshness() {
      const now = Date.now();
      const parts = held.map((h) => {
        const name = h.source.name;
        if (h.loadedAt === undefined)
          return { ok: false, text: `${name} keys not loaded (${h.lastError ?? 'loading'})` };
        const failed = h.lastError ? ` (last refresh failed: ${h.lastError})` : '';
        const age = Math.round((now - h.loadedAt) / 1000);
        return { ok: now - h.loadedAt < STALE_AFTER_MS, text: `${name} keys ${age} s old${failed}` };
      });
      return { ok: parts.every((p) => p.ok), detail: parts.map((p) => p.text).join('; ') };
    },
    close: () => clearInterval(timer),
  };
}

/** Whether the held key set has the key the token names. */
async function holds(h: Held, token: string): Promise<boolean> {
  try {
    await h.keys!(decodeProtectedHeader(token), { payload: '', signature: '', protected: token.split('.')[0] });
    return true;
  } catch (err) {
    return !(err instanceof errors.JWKSNoMatchingKey);
  }
}

/** The log's reason for a refused token, in words (jose's messages never include the token). */
function whyRefused(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed) {
    return `token claim "${err.claim}" ${err.reason === 'check_failed' ? 'is not ours' : err.reason}`;
  }
  if (err instanceof errors.JWKSNoMatchingKey) return 'token signed with a key that is not published';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'token signature does not verify';
  return err instanceof Error ? `invalid token: ${err.message}` : 'invalid token';
}
