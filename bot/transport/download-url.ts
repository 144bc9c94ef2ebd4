/**
 * Where a file sent to the bot may be downloaded from. An activity names the file's downloadUrl and the bot
 * fetches it from inside the network it runs in, so an unchecked URL would let a sender make the bot read
 * internal services. With Azure settings only https URLs on FILE_DOWNLOAD_HOSTS (where Teams keeps chat
 * files) are fetched, and never one whose name resolves to a loopback, private, link-local or otherwise
 * internal address; in local mode only this machine (the Playground and tests serve files there). Each
 * redirect is checked the same way. The name is resolved once: the request connects to the addresses that
 * were checked (`pinnedGet`), so a name that answers differently the second time (DNS rebinding) cannot
 * send it anywhere else.
 */
import { lookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { hostMatches, isLoopback } from './service-url';

export interface DownloadPolicy {
  authenticated: boolean;
  allowedHosts: readonly string[];
  /** Resolves a host name to its addresses (tests inject one). */
  resolve?: (host: string) => Promise<string[]>;
}

/** Addresses no file Teams hands out can live at. */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  INTERNAL.addSubnet(net, prefix, 'ipv6');

const resolveAll = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Whether `downloadUrl` may be fetched: the reason it may not, or the addresses its name was checked at
 * (none in local mode, where only this machine's names are allowed).
 */
export type DownloadTarget = { refusal: string } | { refusal?: undefined; addresses?: string[] };

export async function checkDownload(downloadUrl: string, policy: DownloadPolicy): Promise<DownloadTarget> {
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    return { refusal: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { refusal: 'not an http(s) URL' };
  if (url.username || url.password) return { refusal: 'a URL with credentials' };
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!policy.authenticated)
    return isLoopback(host) ? {} : { refusal: `local mode downloads only from this machine, not ${host}` };
  if (url.protocol !== 'https:') return { refusal: 'not https' };
  if (!policy.allowedHosts.some((pattern) => hostMatches(host, pattern)))
    return { refusal: `${host} is not in FILE_DOWNLOAD_HOSTS` };
  const addresses = isIP(host) ? [host] : await (policy.resolve ?? resolveAll)(host);
  if (!addresses.length) return { refusal: `${host} does not resolve` };
  const internal = addresses.find((a) => isInternal(a));
  return internal ? { refusal: `${host} resolves to an internal address (${internal})` } : { addresses };
}

/**
 * GET `url`, connecting only to `addresses` when given (the name still goes in the Host header and the TLS
 * server name, so certificates are checked against it). Redirects are not followed: the caller checks each.
 */
export function pinnedGet(url: string, addresses: string[] | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  const lookup: LookupFunction | undefined = addresses && pinnedLookup(addresses);
  const get = new URL(url).protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    get(url, { signal, ...(lookup && { lookup }) }, resolve).on('error', reject);
  });
}

function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_host, options, callback) => {
    // Node asks for every address when it tries them in turn (autoSelectFamily), else for one.
    if (options.all) (callback as (err: null, all: typeof entries) => void)(null, entries);
    else callback(null, entries[0].address, entries[0].family);
  };
}

function isInternal(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  return INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
