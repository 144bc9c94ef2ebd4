/**
 * A stand-in for the Microsoft identity platform's keys for Teams SSO tokens, on 127.0.0.1: publishes an
 * RSA key as a JWKS (the board tab's TAB_JWKS_URL) and signs tokens as Entra ID issues them for the tab.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rsaKey, signJwt } from './token-issuer';

export const TENANT = '72f988bf-0000-4000-8000-000000000001';
export const TAB_CLIENT_ID = '11111111-2222-3333-4444-555555555555';
export const TAB_APP_ID_URI = `api://chaser.example.com/${TAB_CLIENT_ID}`;

export interface SsoClaims {
  oid: string;
  tid?: string;
  aud?: string;
  iss?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

export interface SsoIssuer {
  jwksUrl: string;
  sign(claims: SsoClaims, opts?: { foreignKey?: boolean }): string;
  close(): Promise<void>;
}

export async function startSsoIssuer(): Promise<SsoIssuer> {
  const key = rsaKey();
  const jwk = key.export({ format: 'jwk' });
  const kid = createHash('sha256').update(String(jwk.n)).digest('hex').slice(0, 16);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`,
    sign: (c, opts = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const exp = now + (c.expiresIn ?? 3600);
      const tid = c.tid ?? TENANT;
      const payload = {
        aud: c.aud ?? TAB_APP_ID_URI,
        iss: c.iss ?? `https://login.microsoftonline.com/${tid}/v2.0`,
        tid,
        oid: c.oid,
        scp: 'access_as_user',
        iat: Math.min(now, exp) - 60,
        nbf: Math.min(now, exp) - 60,
        exp,
      };
      return signJwt(payload, opts.foreignKey ? rsaKey() : key, kid);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
