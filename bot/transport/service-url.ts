/**
 * Where a turn's replies may go. The activity names the Bot Connector to answer (its serviceUrl), and the
 * bot sends there with its credentials: in local mode nothing vouches for the activity, so only this
 * machine is answered; with Azure settings, only the Bot Framework's and Teams' hosts (SERVICE_URL_HOSTS).
 */
import { isIP } from 'node:net';

/** Why `serviceUrl` may not be answered, or undefined when it may. */
export function serviceUrlRefusal(
  serviceUrl: string,
  opts: { authenticated: boolean; allowedHosts: readonly string[] },
): string | undefined {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return 'serviceUrl is not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'serviceUrl must be an http(s) URL';
  if (url.username || url.password) return 'serviceUrl must not carry credentials';
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isLoopback(host)) return undefined;
  if (!opts.authenticated) return 'local mode answers only a serviceUrl on this machine (127.0.0.1, ::1 or localhost)';
  if (url.protocol !== 'https:') return 'serviceUrl must be https';
  if (!opts.allowedHosts.some((pattern) => hostMatches(host, pattern))) {
    return `serviceUrl host ${host} is not in SERVICE_URL_HOSTS`;
  }
  return undefined;
}

/** 127.0.0.0/8, ::1 or localhost, as a URL's hostname (brackets removed). */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** `pattern` is a host name, or `*.domain` for any host under it. */
export function hostMatches(host: string, pattern: string): boolean {
  return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
}
