import { lookup as systemLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, isIPv6, type LookupFunction } from 'node:net';

/**
 * The only way the hub makes outbound HTTP requests while verifying third-party credentials
 * (did:web documents, status list credentials, JSON-LD contexts).
 *
 * The URLs come from credentials that anyone can write, so every request is treated as hostile:
 * a credential could point at our own database, a cloud metadata service or an intranet page
 * (server-side request forgery), hang forever, or send gigabytes. Hence:
 * - the host is resolved first and EVERY address is checked; the connection is then pinned to a
 *   checked address so a second DNS answer cannot swap in a private one (DNS rebinding);
 * - redirects are followed by hand (at most 3) and each target is checked again;
 * - one deadline covers DNS, connecting, redirects and reading the body; bodies are capped.
 *
 * Error style: `fetchJson` never rejects. Every expected failure comes back as a
 * `SafeFetchFailure` value, so callers must handle it (the verifier turns it into a
 * plain-English verification message) rather than let it escape as a 500.
 */

export type SafeFetchFailureKind =
  | 'bad-url'
  | 'blocked-address'
  | 'redirect-refused'
  | 'timeout'
  | 'too-large'
  | 'http-status'
  | 'not-json'
  | 'network';

export interface SafeFetchSuccess {
  ok: true;
  /** The URL the body finally came from, after any redirects. */
  url: string;
  body: unknown;
  /** The media type without parameters, lower-cased, e.g. `application/did+ld+json`. */
  contentType: string;
}

export interface SafeFetchFailure {
  ok: false;
  kind: SafeFetchFailureKind;
  /** A sentence fit to show a person checking a credential. Never contains response bodies. */
  reason: string;
  /** The URL being fetched when it failed (a redirect target if the failure came after a redirect). */
  url: string;
  /** The HTTP status, for `http-status` failures. */
  status?: number;
}

export type SafeFetchResult = SafeFetchSuccess | SafeFetchFailure;

/** Resolves a host name to all of its addresses. Defaults to the system resolver; tests inject a fake. */
export type HostLookup = (hostname: string) => Promise<readonly string[]>;

export interface SafeFetcherOptions {
  /** Deadline for the whole fetch: DNS, connect, redirects and body. Default 5000. */
  timeoutMs?: number;
  /** Largest body accepted, in bytes. Default 256 KiB. */
  maxBytes?: number;
  /** Switch off the address check entirely (tests and local development only). Default false. */
  allowPrivateAddresses?: boolean;
  /**
   * Exact addresses permitted even though they are not public, e.g. `['127.0.0.1']` in a test that
   * maps a fake public name to a local server. Narrower than `allowPrivateAddresses`, so a test can
   * still prove that any other private address is refused.
   */
  allowAddresses?: readonly string[];
  /** Permit plain `http:` URLs (tests and local development only). Default false. */
  allowHttp?: boolean;
  /** Longest time a successful result is reused. Default 5 minutes; 0 switches the cache off. */
  cacheTtlMs?: number;
  /** Most results kept; the oldest are dropped first. Default 500. */
  maxCacheEntries?: number;
  lookup?: HostLookup;
  /** Clock for cache expiry, injectable for tests. */
  now?: () => number;
}

export interface SafeFetcher {
  fetchJson(url: string): Promise<SafeFetchResult>;
}

const MAX_REDIRECTS = 3;
const USER_AGENT = 'MicroCredentialsHub-Verifier';
const ACCEPT = 'application/did+ld+json, application/ld+json, application/json';
const JSON_MEDIA_TYPES = new Set([
  'application/json',
  'application/ld+json',
  'application/did+json',
  'application/did+ld+json',
  'application/vc+ld+json',
  'application/vc',
  // Some static hosts serve did.json or status lists as text; accepted only if the body parses.
  'text/plain',
]);

// ---------------------------------------------------------------------------------------------
// Address classification
// ---------------------------------------------------------------------------------------------

export type AddressCategory =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

const CATEGORY_DESCRIPTIONS: Record<Exclude<AddressCategory, 'public'>, string> = {
  unspecified: 'an unspecified (0.0.0.0 or ::) address',
  loopback: 'a loopback address (this machine)',
  private: 'a private network address',
  shared: 'a carrier-grade NAT (shared) address',
  'link-local': 'a link-local address',
  'unique-local': 'a unique-local (private IPv6) address',
  multicast: 'a multicast address',
  documentation: 'an address reserved for documentation',
  reserved: 'a reserved or special-purpose address',
  invalid: 'not a valid IP address',
};

interface Range {
  base: bigint;
  prefix: number;
  category: AddressCategory;
}

function range(cidr: string, category: AddressCategory): Range {
  const [address = '', prefix = ''] = cidr.split('/');
  const base = isIPv4(address) ? parseIPv4(address) : parseIPv6(address);
  if (base === undefined) throw new Error(`Bad range ${cidr}`);
  return { base, prefix: Number(prefix), category };
}

// From the IANA special-purpose registries. Anything here is never a legitimate home for a
// public credential document, and several (metadata services, intranets) are classic SSRF targets.
const IPV4_RANGES: readonly Range[] = [
  range('0.0.0.0/32', 'unspecified'),
  range('0.0.0.0/8', 'reserved'), // "this network": 0.x.x.x reaches the local host on Linux
  range('10.0.0.0/8', 'private'),
  range('100.64.0.0/10', 'shared'),
  range('127.0.0.0/8', 'loopback'),
  range('169.254.0.0/16', 'link-local'), // includes cloud metadata at 169.254.169.254
  range('172.16.0.0/12', 'private'),
  range('192.0.0.0/24', 'reserved'),
  range('192.0.2.0/24', 'documentation'),
  range('192.88.99.0/24', 'reserved'), // deprecated 6to4 relay anycast
  range('192.168.0.0/16', 'private'),
  range('198.18.0.0/15', 'reserved'), // benchmarking
  range('198.51.100.0/24', 'documentation'),
  range('203.0.113.0/24', 'documentation'),
  range('224.0.0.0/4', 'multicast'),
  range('240.0.0.0/4', 'reserved'), // includes 255.255.255.255 broadcast
];

const IPV6_RANGES: readonly Range[] = [
  range('::/128', 'unspecified'),
  range('::1/128', 'loopback'),
  range('64:ff9b:1::/48', 'private'), // local-use NAT64
  range('100::/64', 'reserved'), // discard-only
  range('2001:db8::/32', 'documentation'),
  range('2001::/23', 'reserved'), // IETF protocol assignments, including Teredo tunnels
  range('3fff::/20', 'documentation'),
  range('fc00::/7', 'unique-local'),
  range('fe80::/10', 'link-local'),
  range('fec0::/10', 'private'), // deprecated site-local
  range('ff00::/8', 'multicast'),
];

// IPv6 forms that carry an IPv4 address inside them: judge them by the IPv4 address they reach,
// otherwise ::ffff:127.0.0.1 or 2002:7f00:1:: would slip past as "IPv6 global".
const IPV4_MAPPED = range('::ffff:0:0/96', 'reserved');
const NAT64 = range('64:ff9b::/96', 'reserved');
const SIX_TO_FOUR = range('2002::/16', 'reserved');
const GLOBAL_UNICAST = range('2000::/3', 'public');

function inRange(address: bigint, bits: number, r: Range): boolean {
  const shift = BigInt(bits - r.prefix);
  return address >> shift === r.base >> shift;
}

function parseIPv4(text: string): bigint | undefined {
  if (!isIPv4(text)) return undefined;
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function parseIPv6(text: string): bigint | undefined {
  const address = text.split('%')[0] ?? ''; // a zone (fe80::1%eth0) does not change the class
  if (!isIPv6(address)) return undefined;
  const groups = (side: string): number[] =>
    side === ''
      ? []
      : side.split(':').flatMap((part) => {
          if (!part.includes('.')) return [parseInt(part, 16)];
          const v4 = Number(parseIPv4(part));
          return [v4 >>> 16, v4 & 0xffff];
        });
  const [head = '', tail] = address.split('::');
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

function classifyIPv4(value: bigint): AddressCategory {
  return IPV4_RANGES.find((r) => inRange(value, 32, r))?.category ?? 'public';
}

/**
 * Which kind of address this is. Only `public` addresses may be contacted by default.
 * Accepts dotted IPv4, any IPv6 form (with or without brackets or a zone).
 */
export function classifyAddress(address: string): AddressCategory {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = parseIPv4(bare);
  if (v4 !== undefined) return classifyIPv4(v4);
  const v6 = parseIPv6(bare);
  if (v6 === undefined) return 'invalid';
  if (inRange(v6, 128, IPV4_MAPPED) || inRange(v6, 128, NAT64)) return classifyIPv4(v6 & 0xffffffffn);
  if (inRange(v6, 128, SIX_TO_FOUR)) return classifyIPv4((v6 >> 80n) & 0xffffffffn);
  const special = IPV6_RANGES.find((r) => inRange(v6, 128, r));
  if (special) return special.category;
  // Everything outside 2000::/3 is unallocated or special (including the old ::a.b.c.d form).
  return inRange(v6, 128, GLOBAL_UNICAST) ? 'public' : 'reserved';
}

/** A comparable key so that `::1`, `0:0::1` and `[::1]` count as the same allowlisted address. */
function addressKey(address: string): string | undefined {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const v4 = parseIPv4(bare);
  if (v4 !== undefined) return `4:${v4}`;
  const v6 = parseIPv6(bare);
  return v6 === undefined ? undefined : `6:${v6}`;
}

// ---------------------------------------------------------------------------------------------
// The fetcher
// ---------------------------------------------------------------------------------------------

/** Thrown inside one fetch to stop it with a prepared failure; never escapes `fetchJson`. */
class Stop {
  constructor(readonly failure: SafeFetchFailure) {}
}

function fail(kind: SafeFetchFailureKind, url: string, reason: string, status?: number): Stop {
  return new Stop(
    status === undefined ? { ok: false, kind, reason, url } : { ok: false, kind, reason, url, status },
  );
}

interface CacheEntry {
  result: SafeFetchSuccess;
  expiresAt: number;
}

const defaultLookup: HostLookup = async (hostname) =>
  (await systemLookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

export function createSafeFetcher(options: SafeFetcherOptions = {}): SafeFetcher {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const allowPrivate = options.allowPrivateAddresses ?? false;
  const allowHttp = options.allowHttp ?? false;
  const cacheTtlMs = options.cacheTtlMs ?? 5 * 60 * 1000;
  const maxCacheEntries = options.maxCacheEntries ?? 500;
  const resolveHost = options.lookup ?? defaultLookup;
  const now = options.now ?? Date.now;
  const allowlist = new Set(
    (options.allowAddresses ?? []).map((address) => {
      const key = addressKey(address);
      if (key === undefined) throw new Error(`allowAddresses: "${address}" is not an IP address`);
      return key;
    }),
  );

  const cache = new Map<string, CacheEntry>();
  // Verifying a batch often asks for the same status list many times at once: share one request.
  const inFlight = new Map<string, Promise<SafeFetchResult>>();

  const seconds = `${Math.round(timeoutMs / 100) / 10} seconds`;

  function checkScheme(url: URL, redirected: boolean): void {
    if (url.protocol === 'https:' || (allowHttp && url.protocol === 'http:')) {
      // Credentials in a URL would be sent to a stranger's server; no legitimate document needs them.
      if (url.username || url.password)
        throw fail(
          redirected ? 'redirect-refused' : 'bad-url',
          url.href,
          'The address contains a user name or password.',
        );
      return;
    }
    const expected = allowHttp ? 'https: or http:' : 'https:';
    throw redirected
      ? fail(
          'redirect-refused',
          url.href,
          `The server redirected to a ${url.protocol} address; only ${expected} is allowed.`,
        )
      : fail('bad-url', url.href, `Only ${expected} addresses can be fetched, not ${url.protocol}.`);
  }

  function isAllowed(address: string): boolean {
    const category = classifyAddress(address);
    if (category === 'invalid') return false;
    if (allowPrivate || category === 'public') return true;
    const key = addressKey(address);
    return key !== undefined && allowlist.has(key);
  }

  /** Resolve and vet the host; returns the addresses the connection may use. */
  async function vetHost(url: URL, signal: AbortSignal): Promise<string[]> {
    const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    let addresses: readonly string[];
    if (isIP(hostname)) {
      addresses = [hostname];
    } else {
      try {
        addresses = await untilAborted(resolveHost(hostname), signal);
      } catch (error) {
        if (signal.aborted) throw error;
        throw fail('network', url.href, `The host name ${hostname} could not be found.`);
      }
      if (addresses.length === 0)
        throw fail('network', url.href, `The host name ${hostname} has no addresses.`);
    }
    // One bad address is enough to refuse: the resolver decides which one we would get, and an
    // attacker controls the resolver.
    for (const address of addresses) {
      if (!isAllowed(address)) {
        const category = classifyAddress(address);
        const what = category === 'public' ? 'not allowed' : CATEGORY_DESCRIPTIONS[category];
        const subject = isIP(hostname) ? `${address} is` : `${hostname} resolves to ${address}, which is`;
        throw fail(
          'blocked-address',
          url.href,
          `${subject} ${what}; the hub does not fetch from such addresses.`,
        );
      }
    }
    return [...addresses];
  }

  async function fetchUncached(start: URL): Promise<SafeFetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let current = start;
    try {
      for (let redirects = 0; ; redirects++) {
        const addresses = await vetHost(current, controller.signal);
        const response = await send(current, addresses, controller.signal);
        const status = response.statusCode ?? 0;

        if ([301, 302, 303, 307, 308].includes(status)) {
          response.destroy();
          const location = response.headers.location;
          if (!location)
            throw fail(
              'redirect-refused',
              current.href,
              `The server redirected (${status}) without saying where.`,
            );
          if (redirects >= MAX_REDIRECTS)
            throw fail(
              'redirect-refused',
              current.href,
              `The server redirected more than ${MAX_REDIRECTS} times.`,
            );
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw fail(
              'redirect-refused',
              current.href,
              'The server redirected to an address that is not a valid URL.',
            );
          }
          next.hash = '';
          checkScheme(next, true);
          current = next;
          continue;
        }

        if (status < 200 || status > 299) {
          response.destroy();
          throw fail('http-status', current.href, `The server answered with HTTP status ${status}.`, status);
        }

        const contentType =
          (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!JSON_MEDIA_TYPES.has(contentType)) {
          response.destroy();
          const described = contentType ? `"${contentType}"` : 'no content type';
          throw fail('not-json', current.href, `The server sent ${described}, not a JSON document.`);
        }
        // We asked for identity encoding; decompressing would also let a small body inflate past maxBytes.
        const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
        if (encoding !== 'identity') {
          response.destroy();
          throw fail(
            'not-json',
            current.href,
            `The server sent a compressed (${encoding}) body, which is not accepted.`,
          );
        }

        const declared = Number(response.headers['content-length']);
        if (Number.isFinite(declared) && declared > maxBytes) {
          response.destroy();
          throw fail(
            'too-large',
            current.href,
            `The document is ${declared} bytes; the limit is ${maxBytes}.`,
          );
        }
        const bytes = await readBody(response, maxBytes, controller.signal, current.href);

        let body: unknown;
        try {
          body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
        } catch {
          throw fail('not-json', current.href, 'The document is not valid JSON.');
        }
        const result: SafeFetchSuccess = { ok: true, url: current.href, body, contentType };
        remember(start.href, result, response.headers['cache-control']);
        return result;
      }
    } catch (error) {
      if (error instanceof Stop) return error.failure;
      if (controller.signal.aborted) {
        return {
          ok: false,
          kind: 'timeout',
          url: current.href,
          reason: `The server did not answer within ${seconds}.`,
        };
      }
      const code = (error as NodeJS.ErrnoException | undefined)?.code;
      return {
        ok: false,
        kind: 'network',
        url: current.href,
        reason: `The server could not be reached${code ? ` (${code})` : ''}.`,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  function remember(key: string, result: SafeFetchSuccess, cacheControl: string | undefined): void {
    const ttl = cacheLifetime(cacheControl, cacheTtlMs);
    if (ttl <= 0 || maxCacheEntries <= 0) return;
    cache.delete(key);
    while (cache.size >= maxCacheEntries) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) break;
      cache.delete(oldest);
    }
    cache.set(key, { result, expiresAt: now() + ttl });
  }

  function recall(key: string): SafeFetchSuccess | undefined {
    const entry = cache.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      cache.delete(key);
      return undefined;
    }
    return entry.result;
  }

  // Callers get their own copy of the body so that one verifier mutating a document cannot change
  // what the next one sees from the cache.
  const copy = (result: SafeFetchResult): SafeFetchResult =>
    result.ok ? { ...result, body: structuredClone(result.body) } : result;

  return {
    async fetchJson(input: string): Promise<SafeFetchResult> {
      let url: URL;
      try {
        // WHATWG parsing normalises odd hosts (2130706433, 0x7f.1, [::ffff:127.0.0.1]) into the
        // canonical address that the check then sees, so there is one parser and no disagreement.
        url = new URL(input);
      } catch {
        return { ok: false, kind: 'bad-url', url: input, reason: 'The address is not a valid URL.' };
      }
      url.hash = '';
      try {
        checkScheme(url, false);
      } catch (error) {
        if (error instanceof Stop) return error.failure;
        throw error;
      }
      const key = url.href;
      const cached = recall(key);
      if (cached) return copy(cached);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = fetchUncached(url).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return copy(await pending);
    },
  };
}

/** How long a response may be reused: our own limit, shortened by max-age, zero for no-store. */
export function cacheLifetime(cacheControl: string | undefined, defaultTtlMs: number): number {
  let ttl = defaultTtlMs;
  for (const directive of (cacheControl ?? '').split(',')) {
    const [name = '', value] = directive.trim().toLowerCase().split('=');
    // no-cache means "revalidate every time"; we do not revalidate, so it is the same as no-store.
    if (name === 'no-store' || name === 'no-cache') return 0;
    if (name === 'max-age' && value !== undefined && /^\d+$/.test(value.replace(/"/g, ''))) {
      ttl = Math.min(ttl, Number(value.replace(/"/g, '')) * 1000);
    }
  }
  return ttl;
}

/**
 * Connect to one of the pre-checked addresses while keeping the original host name for the Host
 * header and TLS SNI/certificate check. Pinning is what defeats DNS rebinding: Node never does a
 * second lookup of its own.
 */
function send(url: URL, addresses: readonly string[], signal: AbortSignal): Promise<IncomingMessage> {
  const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const pinned: LookupFunction = (_name, lookupOptions, callback) => {
    const entries: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
    if (lookupOptions.all) callback(null, entries);
    else callback(null, entries[0]?.address ?? '', entries[0]?.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { Host: url.host, Accept: ACCEPT, 'User-Agent': USER_AGENT, 'Accept-Encoding': 'identity' },
        lookup: pinned,
        ...(isIP(hostname) ? {} : { servername: hostname }),
        // No pooling: a pooled socket would skip our lookup, and these hosts are rarely revisited.
        agent: false,
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

async function readBody(
  response: IncomingMessage,
  maxBytes: number,
  signal: AbortSignal,
  url: string,
): Promise<Buffer> {
  // Aborting the request does not always end a response that is already streaming; do it here so
  // a server trickling bytes cannot outlive the deadline.
  const onAbort = (): void => {
    response.destroy(new Error('aborted'));
  };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      total += chunk.length;
      // Content-Length can be absent or lie; the streamed count is what actually protects memory.
      if (total > maxBytes) {
        response.destroy();
        throw fail('too-large', url, `The document is larger than the limit of ${maxBytes} bytes.`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** DNS lookups cannot be cancelled, but we can stop waiting for them when the deadline passes. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
