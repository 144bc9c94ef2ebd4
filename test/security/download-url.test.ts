/**
 * Where a file sent to the bot may be fetched from (bot/transport/download-url.ts): with Azure settings only
 * https on FILE_DOWNLOAD_HOSTS, never an internal address whatever the name; in local mode only this machine.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDownload, pinnedGet, type DownloadPolicy } from '../../bot/transport/download-url';

const downloadRefusal = async (url: string, policy: DownloadPolicy) => (await checkDownload(url, policy)).refusal;

const hosts = ['*.sharepoint.com'];
const resolvingTo =
  (...addresses: string[]) =>
  async () =>
    addresses;
const azure = (...addresses: string[]) => ({
  authenticated: true,
  allowedHosts: hosts,
  resolve: resolvingTo(...addresses),
});
const local = { authenticated: false, allowedHosts: hosts };
const FILE = 'https://contoso-my.sharepoint.com/personal/alex/Documents/plan.xlsx';

describe('with Azure settings', () => {
  it('fetches an https file on an allowed host that resolves to a public address', async () => {
    expect(await downloadRefusal(FILE, azure('13.107.136.10'))).toBeUndefined();
    expect(await downloadRefusal(FILE, azure('2620:1ec:8f8::10'))).toBeUndefined();
  });

  it.each([
    ['plain http', FILE.replace('https:', 'http:'), azure('13.107.136.10'), 'not https'],
    [
      'a host not on the list',
      'https://files.example.com/plan.xlsx',
      azure('93.184.216.34'),
      'files.example.com is not in FILE_DOWNLOAD_HOSTS',
    ],
    [
      'credentials in the URL',
      'https://u:p@contoso.sharepoint.com/x',
      azure('13.107.136.10'),
      'a URL with credentials',
    ],
    ['not a URL', 'plan.xlsx', azure(), 'not a URL'],
    ['another scheme', 'file:///etc/passwd', azure(), 'not an http(s) URL'],
  ])('refuses %s', async (_what, url, policy, reason) => {
    expect(await downloadRefusal(url, policy)).toBe(reason);
  });

  it.each([
    ['loopback', '127.0.0.1'],
    ['a private network', '10.20.30.40'],
    ['a private network', '192.168.1.10'],
    ['a private network', '172.20.0.5'],
    ['the cloud metadata service', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['IPv6 loopback', '::1'],
    ['an IPv6 unique local address', 'fd12:3456::1'],
    ['an IPv4-mapped loopback', '::ffff:127.0.0.1'],
  ])('refuses an allowed name that resolves to %s (%s)', async (_what, address) => {
    expect(await downloadRefusal(FILE, azure('13.107.136.10', address))).toBe(
      `contoso-my.sharepoint.com resolves to an internal address (${address})`,
    );
  });
});

describe('in local mode', () => {
  it('fetches only from this machine', async () => {
    expect(await downloadRefusal('http://127.0.0.1:3000/plan.csv', local)).toBeUndefined();
    expect(await downloadRefusal('http://localhost:3000/plan.csv', local)).toBeUndefined();
    expect(await downloadRefusal(FILE, local)).toBe(
      'local mode downloads only from this machine, not contoso-my.sharepoint.com',
    );
    expect(await downloadRefusal('http://10.0.0.1/plan.csv', local)).toBe(
      'local mode downloads only from this machine, not 10.0.0.1',
    );
  });
});

describe('DNS rebinding', () => {
  it('resolves the name once and connects only to the address it checked', async () => {
    // A name that answers with a public address when checked and with loopback afterwards.
    const answers = ['13.107.136.10', '127.0.0.1'];
    const resolve = jest.fn(async () => [answers.shift()!]);
    const target = await checkDownload(FILE, { authenticated: true, allowedHosts: hosts, resolve });
    expect(target).toEqual({ addresses: ['13.107.136.10'] });
    expect(resolve).toHaveBeenCalledTimes(1);
  });

  it('sends the request to the pinned address, whatever the name resolves to, keeping the name as Host', async () => {
    const hits: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      hits.push(req.headers.host);
      res.end('plan');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      // "files.invalid" resolves nowhere (RFC 2606): the request can only have reached the pinned address.
      const res = await pinnedGet(`http://files.invalid:${port}/plan.csv`, ['127.0.0.1'], AbortSignal.timeout(5000));
      let body = '';
      for await (const chunk of res) body += chunk;
      expect(body).toBe('plan');
      expect(hits).toEqual([`files.invalid:${port}`]);
    } finally {
      server.close();
    }
  });
});
