/**
 * Where a file sent to the bot may be downloaded from. An activity names the file's downloadUrl and the bot
 * fetches it from inside the network it runs in, so an unchecked URL would let a sender make the bot read
 * internal services. With Azure settings only https URLs on FILE_DOWNLOAD_HOSTS (where Teams keeps chat
 * files) are fetched, and never one whose name resolves to a loopback, private, link-local or otherwise
 * internal address; in local mode only this machine (the Playground and tests serve files there). Each
 * redirect is checked the same way.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
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

/** Why `downloadUrl` may not be fetched, or undefined when it may. */
export async function downloadRefusal(downloadUrl: string, policy: DownloadPolicy): Promise<string | undefined> {
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'not an http(s) URL';
  if (url.username || url.password) return 'a URL with credentials';
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!policy.authenticated)
    return isLoopback(host) ? undefined : `local mode downloads only from this machine, not ${host}`;
  if (url.protocol !== 'https:') return 'not https';
  if (!policy.allowedHosts.some((pattern) => hostMatches(host, pattern)))
    return `${host} is not in FILE_DOWNLOAD_HOSTS`;
  const addresses = isIP(host) ? [host] : await (policy.resolve ?? resolveAll)(host);
  const internal = addresses.find((a) => isInternal(a));
  return internal ? `${host} resolves to an internal address (${internal})` : undefined;
}

function isInternal(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as IPv4.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  return INTERNAL.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
