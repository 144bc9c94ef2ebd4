/**
 * A stand-in for the Bot Framework token service, on 127.0.0.1: publishes an RSA signing key the way
 * login.botframework.com does (OpenID configuration → JWKS) and signs channel tokens with it, so the
 * SDK's real validation runs offline. Also an outbound credentials factory that needs no login service.
 */
import { createHash, createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const APP_ID = '11111111-2222-3333-4444-555555555555';
export const APP_PASSWORD = 'secret';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

export interface TokenIssuer {
  openIdMetadataUrl: string;
  /** A channel token for `claims.serviceurl`, signed with the published key unless `signWith` says otherwise. */
  sign(claims: TokenClaims, signWith?: { key: KeyObject; kid?: string }): string;
  /** From now on, take requests and never answer them (a black-holed identity host). */
  goSilent(): void;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export function rsaKey(): KeyObject {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

export function signJwt(payload: object, key: KeyObject, kid: string): string {
  const head = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(payload))}`;
  return `${head}.${b64url(createSign('RSA-SHA256').update(head).sign(key))}`;
}

export async function startTokenIssuer(): Promise<TokenIssuer> {
  const key = rsaKey();
  const jwk = key.export({ format: 'jwk' });
  const kid = createHash('sha256').update(String(jwk.n)).digest('hex').slice(0, 16);
  let base = '';
  let silent = false;
  const server: Server = createServer((req, res) => {
    if (silent) return;
    const body =
      req.url === '/keys'
        ? { keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] }
        : { issuer: CHANNEL_ISSUER, jwks_uri: `${base}/keys` };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    openIdMetadataUrl: `${base}/openidconfiguration`,
    sign: (claims, signWith) => {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + (claims.expiresIn ?? 3600);
      const payload = {
        iss: claims.iss ?? CHANNEL_ISSUER,
        aud: claims.aud ?? APP_ID,
        serviceurl: claims.serviceurl,
        nbf: Math.min(now, exp) - 60,
        iat: Math.min(now, exp) - 60,
        exp,
        jti: randomUUID(),
      };
      return signJwt(payload, signWith?.key ?? key, signWith?.kid ?? kid);
    },
    goSilent: () => {
      silent = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Outbound credentials for `APP_ID` that sign with a fixed token instead of asking Microsoft's login service. */
export class OfflineCredentialsFactory extends ServiceClientCredentialsFactory {
  readonly issued: string[] = [];

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === APP_ID;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string) {
    this.issued.push(appId);
    return {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(
        request: T,
      ): Promise<T> => {
        request.headers.set('authorization', 'Bearer outbound-test-token');
        return request;
      },
    };
  }
}
