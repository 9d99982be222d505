import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheLifetime,
  classifyAddress,
  createSafeFetcher,
  type AddressCategory,
  type HostLookup,
  type SafeFetchResult,
} from './safe-fetch.ts';

describe('address classification', () => {
  const table: [string, AddressCategory][] = [
    // IPv4 that may be contacted
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['93.184.216.34', 'public'],
    ['172.15.255.255', 'public'],
    ['172.32.0.0', 'public'],
    ['100.63.255.255', 'public'],
    ['100.128.0.0', 'public'],
    ['192.169.0.1', 'public'],
    ['223.255.255.255', 'public'],
    // IPv4 that may not
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'reserved'],
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['192.88.99.1', 'reserved'],
    ['192.168.1.1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['198.19.255.255', 'reserved'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // IPv6 that may be contacted
    ['2001:4860:4860::8888', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['2a00:1450:4009:81f::200e', 'public'],
    ['[2001:4860:4860::8888]', 'public'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::808:808', 'public'],
    ['2002:808:808::1', 'public'],
    // IPv6 that may not
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::127.0.0.1', 'reserved'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b:1::1', 'private'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fec0::1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['ff05::1:3', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['2001::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
    // Not addresses at all
    ['localhost', 'invalid'],
    ['127.1', 'invalid'],
    ['2130706433', 'invalid'],
    ['256.0.0.1', 'invalid'],
    ['', 'invalid'],
  ];

  it.each(table)('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });
});

describe('cache lifetime from Cache-Control', () => {
  it('uses our limit unless the server asks for less, and nothing for no-store or no-cache', () => {
    expect(cacheLifetime(undefined, 300_000)).toBe(300_000);
    expect(cacheLifetime('public', 300_000)).toBe(300_000);
    expect(cacheLifetime('max-age=60', 300_000)).toBe(60_000);
    expect(cacheLifetime('public, Max-Age=3600', 300_000)).toBe(300_000);
    expect(cacheLifetime('max-age=0', 300_000)).toBe(0);
    expect(cacheLifetime('max-age=soon', 300_000)).toBe(300_000);
    expect(cacheLifetime('no-store', 300_000)).toBe(0);
    expect(cacheLifetime('max-age=60, no-cache', 300_000)).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Against a real local server
// ---------------------------------------------------------------------------------------------

type Handler = (path: string, response: ServerResponse, headers: IncomingHttpHeaders) => void;

let server: Server;
let port: number;
let handler: Handler;
let hits: string[];
let lastHeaders: IncomingHttpHeaders;

const json = (response: ServerResponse, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(200, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    lastHeaders = request.headers;
    handler(request.url ?? '', response, request.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  hits = [];
  handler = (_path, response) => json(response, { hello: 'world' });
});

/** A DNS that answers from a table and records what it was asked. */
function fakeDns(table: Record<string, readonly string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = async (hostname: string): Promise<readonly string[]> => {
    asked.push(hostname);
    const answer = table[hostname];
    if (!answer) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return Object.assign(lookup, { asked });
}

const local = (path = '/doc.json'): string => `http://127.0.0.1:${port}${path}`;
const publicTest = (path = '/doc.json'): string => `http://public.test:${port}${path}`;

/** Fetches from 127.0.0.1 under a public-looking name, allowing exactly that one local address. */
function pinnedFetcher(extra: Record<string, readonly string[]> = {}, options = {}) {
  const dns = fakeDns({ 'public.test': ['127.0.0.1'], ...extra });
  const fetcher = createSafeFetcher({
    allowHttp: true,
    allowAddresses: ['127.0.0.1'],
    lookup: dns,
    ...options,
  });
  return { fetcher, dns };
}

function expectFailure(result: SafeFetchResult, kind: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.kind).toBe(kind);
    expect(result.reason.length).toBeGreaterThan(10);
  }
}

describe('safe fetch: schemes and URLs', () => {
  it('refuses http unless allowHttp is set, without looking anything up', async () => {
    const dns = fakeDns({ 'example.org': ['93.184.216.34'] });
    const result = await createSafeFetcher({ lookup: dns }).fetchJson('http://example.org/did.json');
    expectFailure(result, 'bad-url');
    expect(dns.asked).toEqual([]);
  });

  it('refuses other schemes, malformed URLs and URLs carrying credentials', async () => {
    const fetcher = createSafeFetcher({ allowHttp: true, lookup: fakeDns({}) });
    expectFailure(await fetcher.fetchJson('ftp://example.org/x'), 'bad-url');
    expectFailure(await fetcher.fetchJson('file:///etc/passwd'), 'bad-url');
    expectFailure(await fetcher.fetchJson('not a url'), 'bad-url');
    expectFailure(await fetcher.fetchJson('https://user:pw@example.org/x'), 'bad-url');
  });
});

describe('safe fetch: addresses', () => {
  it('refuses a loopback server by default', async () => {
    const result = await createSafeFetcher({ allowHttp: true }).fetchJson(local());
    expectFailure(result, 'blocked-address');
    expect(hits).toEqual([]);
  });

  it.each([
    'https://2130706433/',
    'https://0x7f.1/',
    'https://127.1/',
    'https://017700000001/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00::1]/',
    'https://0.0.0.0/',
  ])('refuses the numeric host in %s without DNS', async (url) => {
    const dns = fakeDns({});
    const result = await createSafeFetcher({ lookup: dns }).fetchJson(url);
    expectFailure(result, 'blocked-address');
    expect(dns.asked).toEqual([]);
  });

  it('refuses a name the DNS resolves to a private address', async () => {
    const dns = fakeDns({ 'evil.test': ['10.0.0.5'] });
    const result = await createSafeFetcher({ lookup: dns }).fetchJson('https://evil.test/did.json');
    expectFailure(result, 'blocked-address');
    if (!result.ok) expect(result.reason).toContain('evil.test resolves to 10.0.0.5');
  });

  it('refuses a name when any one of its addresses is private', async () => {
    const dns = fakeDns({ 'mixed.test': ['93.184.216.34', '::ffff:127.0.0.1'] });
    expectFailure(
      await createSafeFetcher({ lookup: dns }).fetchJson('https://mixed.test/'),
      'blocked-address',
    );
  });

  it('refuses a DNS answer that is not an address', async () => {
    const dns = fakeDns({ 'odd.test': ['not-an-ip'] });
    expectFailure(await createSafeFetcher({ lookup: dns }).fetchJson('https://odd.test/'), 'blocked-address');
  });

  it('reports a name that does not resolve as a network failure', async () => {
    expectFailure(
      await createSafeFetcher({ lookup: fakeDns({}) }).fetchJson('https://nowhere.test/'),
      'network',
    );
  });

  it('allows local servers when allowPrivateAddresses is on', async () => {
    const fetcher = createSafeFetcher({ allowHttp: true, allowPrivateAddresses: true });
    expect(await fetcher.fetchJson(local())).toEqual({
      ok: true,
      url: local(),
      body: { hello: 'world' },
      contentType: 'application/json',
    });
  });

  it('connects to the checked address while sending the original host name and our headers', async () => {
    const { fetcher, dns } = pinnedFetcher();
    const result = await fetcher.fetchJson(publicTest());
    expect(result.ok).toBe(true);
    expect(dns.asked).toEqual(['public.test']);
    expect(lastHeaders.host).toBe(`public.test:${port}`);
    expect(lastHeaders.accept).toBe('application/did+ld+json, application/ld+json, application/json');
    expect(lastHeaders['user-agent']).toBe('MicroCredentialsHub-Verifier');
  });

  it('allows only the listed addresses, not every private one', async () => {
    const { fetcher } = pinnedFetcher({ 'other.test': ['127.0.0.2'] });
    expectFailure(await fetcher.fetchJson(`http://other.test:${port}/`), 'blocked-address');
  });

  it('rejects an allowAddresses entry that is not an address', () => {
    expect(() => createSafeFetcher({ allowAddresses: ['localhost'] })).toThrow(/not an IP address/);
  });
});

describe('safe fetch: redirects', () => {
  const redirectTo =
    (location: string, status = 302): Handler =>
    (path, response) => {
      if (path === '/start') {
        response.writeHead(status, { Location: location });
        response.end();
      } else json(response, { arrived: path });
    };

  it('follows a redirect on an allowed host and reports the final URL', async () => {
    handler = redirectTo('/final.json', 301);
    const { fetcher } = pinnedFetcher();
    const result = await fetcher.fetchJson(publicTest('/start'));
    expect(result).toMatchObject({
      ok: true,
      url: publicTest('/final.json'),
      body: { arrived: '/final.json' },
    });
    expect(hits).toEqual(['/start', '/final.json']);
  });

  it('refuses a redirect to a loopback address even though the first host was allowed', async () => {
    handler = redirectTo(`http://127.0.0.2:${port}/secret`);
    const { fetcher } = pinnedFetcher();
    const result = await fetcher.fetchJson(publicTest('/start'));
    expectFailure(result, 'blocked-address');
    if (!result.ok) expect(result.url).toBe(`http://127.0.0.2:${port}/secret`);
    expect(hits).toEqual(['/start']);
  });

  it('refuses a redirect to a name that resolves to a private address', async () => {
    handler = redirectTo(`http://intranet.test:${port}/admin`, 307);
    const { fetcher, dns } = pinnedFetcher({ 'intranet.test': ['192.168.0.10'] });
    expectFailure(await fetcher.fetchJson(publicTest('/start')), 'blocked-address');
    expect(dns.asked).toEqual(['public.test', 'intranet.test']);
  });

  it('refuses a redirect to another scheme', async () => {
    handler = redirectTo('file:///etc/passwd');
    const { fetcher } = pinnedFetcher();
    expectFailure(await fetcher.fetchJson(publicTest('/start')), 'redirect-refused');
  });

  it('refuses a redirect without a Location', async () => {
    handler = (_path, response) => {
      response.writeHead(302);
      response.end();
    };
    const { fetcher } = pinnedFetcher();
    expectFailure(await fetcher.fetchJson(publicTest('/start')), 'redirect-refused');
  });

  it('gives up after three redirects', async () => {
    handler = (path, response) => {
      const n = Number(path.slice(1));
      response.writeHead(302, { Location: `/${n + 1}` });
      response.end();
    };
    const { fetcher } = pinnedFetcher();
    expectFailure(await fetcher.fetchJson(publicTest('/0')), 'redirect-refused');
    expect(hits).toEqual(['/0', '/1', '/2', '/3']);
  });

  it('accepts exactly three redirects', async () => {
    handler = (path, response) => {
      const n = Number(path.slice(1));
      if (n === 3) return json(response, { n });
      response.writeHead(308, { Location: `/${n + 1}` });
      response.end();
    };
    const { fetcher } = pinnedFetcher();
    expect(await fetcher.fetchJson(publicTest('/0'))).toMatchObject({ ok: true, body: { n: 3 } });
  });
});

describe('safe fetch: time and size limits', () => {
  it('times out when the server never answers', async () => {
    handler = () => {};
    const { fetcher } = pinnedFetcher({}, { timeoutMs: 200 });
    const started = Date.now();
    const result = await fetcher.fetchJson(publicTest());
    expectFailure(result, 'timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls after the headers', async () => {
    handler = (_path, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"partial":');
    };
    const { fetcher } = pinnedFetcher({}, { timeoutMs: 200 });
    expectFailure(await fetcher.fetchJson(publicTest()), 'timeout');
  });

  it('times out when DNS never answers', async () => {
    const fetcher = createSafeFetcher({ timeoutMs: 100, lookup: () => new Promise(() => {}) });
    expectFailure(await fetcher.fetchJson('https://slow-dns.test/'), 'timeout');
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    handler = (_path, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '2000' });
      response.end(`"${'x'.repeat(1998)}"`);
    };
    const { fetcher } = pinnedFetcher({}, { maxBytes: 1000 });
    const result = await fetcher.fetchJson(publicTest());
    expectFailure(result, 'too-large');
    if (!result.ok) expect(result.reason).toContain('2000');
  });

  it('stops reading a streamed body once it passes the limit', async () => {
    handler = (_path, response) => {
      // No Content-Length: chunked, so only counting the bytes can catch it.
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('[');
      for (let i = 0; i < 100; i++) response.write(`"${'x'.repeat(100)}",`);
      response.end('"end"]');
    };
    const { fetcher } = pinnedFetcher({}, { maxBytes: 1000 });
    expectFailure(await fetcher.fetchJson(publicTest()), 'too-large');
  });

  it('accepts a body exactly at the limit', async () => {
    handler = (_path, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`"${'x'.repeat(998)}"`);
    };
    const { fetcher } = pinnedFetcher({}, { maxBytes: 1000 });
    expect((await fetcher.fetchJson(publicTest())).ok).toBe(true);
  });
});

describe('safe fetch: what counts as JSON', () => {
  const serve =
    (contentType: string | undefined, body: string, headers: Record<string, string> = {}): Handler =>
    (_path, response) => {
      response.writeHead(200, { ...(contentType ? { 'Content-Type': contentType } : {}), ...headers });
      response.end(body);
    };

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'application/ld+json',
    'application/did+json',
    'application/did+ld+json',
    'Application/DID+LD+JSON; profile="https://w3id.org/did-resolution"',
    'application/vc+ld+json',
    'application/vc',
    'text/plain',
  ])('accepts %s', async (contentType) => {
    handler = serve(contentType, '{"id":"did:web:example.org"}');
    const { fetcher } = pinnedFetcher();
    const result = await fetcher.fetchJson(publicTest());
    expect(result).toMatchObject({ ok: true, body: { id: 'did:web:example.org' } });
    if (result.ok) expect(result.contentType).toBe(contentType.split(';')[0]?.toLowerCase());
  });

  it.each([
    ['text/html', '<html></html>'],
    ['text/html', '{"looks":"like json"}'],
    [undefined, '{"a":1}'],
    ['application/json', '{"broken":'],
    ['text/plain', 'hello'],
    ['application/json', ''],
  ])('refuses %s with body %j', async (contentType, body) => {
    handler = serve(contentType, body);
    const { fetcher } = pinnedFetcher();
    expectFailure(await fetcher.fetchJson(publicTest()), 'not-json');
  });

  it('refuses a compressed body it did not ask for', async () => {
    handler = serve('application/json', '\x1f\x8b', { 'Content-Encoding': 'gzip' });
    const { fetcher } = pinnedFetcher();
    expectFailure(await fetcher.fetchJson(publicTest()), 'not-json');
  });

  it('reports an error status with the status code', async () => {
    handler = (_path, response) => {
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end('{"error":"not found"}');
    };
    const { fetcher } = pinnedFetcher();
    const result = await fetcher.fetchJson(publicTest());
    expectFailure(result, 'http-status');
    if (!result.ok) expect(result.status).toBe(404);
  });
});

describe('safe fetch: caching', () => {
  it('answers a second request for the same URL from memory', async () => {
    const { fetcher } = pinnedFetcher();
    expect((await fetcher.fetchJson(publicTest())).ok).toBe(true);
    expect((await fetcher.fetchJson(publicTest('/doc.json#key-1'))).ok).toBe(true);
    expect(hits).toEqual(['/doc.json']);
  });

  it('does not cache failures', async () => {
    handler = (_path, response) => {
      response.writeHead(500);
      response.end();
    };
    const { fetcher } = pinnedFetcher();
    await fetcher.fetchJson(publicTest());
    await fetcher.fetchJson(publicTest());
    expect(hits).toHaveLength(2);
  });

  it('does not cache a response marked no-store', async () => {
    handler = (_path, response) => json(response, { fresh: true }, { 'Cache-Control': 'no-store' });
    const { fetcher } = pinnedFetcher();
    await fetcher.fetchJson(publicTest());
    await fetcher.fetchJson(publicTest());
    expect(hits).toHaveLength(2);
  });

  it('keeps a result no longer than max-age, or the default TTL', async () => {
    let clock = 0;
    handler = (path, response) =>
      json(response, {}, path === '/short' ? { 'Cache-Control': 'max-age=10' } : {});
    const { fetcher } = pinnedFetcher({}, { now: () => clock, cacheTtlMs: 60_000 });
    await fetcher.fetchJson(publicTest('/short'));
    await fetcher.fetchJson(publicTest('/long'));
    clock = 9_000;
    await fetcher.fetchJson(publicTest('/short'));
    await fetcher.fetchJson(publicTest('/long'));
    expect(hits).toEqual(['/short', '/long']);
    clock = 11_000;
    await fetcher.fetchJson(publicTest('/short'));
    await fetcher.fetchJson(publicTest('/long'));
    expect(hits).toEqual(['/short', '/long', '/short']);
    clock = 61_000;
    await fetcher.fetchJson(publicTest('/long'));
    expect(hits).toEqual(['/short', '/long', '/short', '/long']);
  });

  it('drops the oldest entry when full', async () => {
    const { fetcher } = pinnedFetcher({}, { maxCacheEntries: 2 });
    for (const path of ['/a', '/b', '/c', '/b', '/c', '/a']) await fetcher.fetchJson(publicTest(path));
    expect(hits).toEqual(['/a', '/b', '/c', '/a']);
  });

  it('can be switched off', async () => {
    const { fetcher } = pinnedFetcher({}, { cacheTtlMs: 0 });
    await fetcher.fetchJson(publicTest());
    await fetcher.fetchJson(publicTest());
    expect(hits).toHaveLength(2);
  });

  it('gives each caller its own copy of the body', async () => {
    const { fetcher } = pinnedFetcher();
    const first = await fetcher.fetchJson(publicTest());
    if (first.ok) (first.body as Record<string, unknown>).hello = 'tampered';
    expect(await fetcher.fetchJson(publicTest())).toMatchObject({ ok: true, body: { hello: 'world' } });
  });

  it('shares one request among simultaneous callers', async () => {
    const { fetcher } = pinnedFetcher();
    const results = await Promise.all([1, 2, 3].map(() => fetcher.fetchJson(publicTest())));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(hits).toHaveLength(1);
  });
});
