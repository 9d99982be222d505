import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * A person using the hub's pages through `app.inject`: keeps cookies between requests like a
 * browser, and posts forms with the anti-forgery token from the last page it read.
 */
export class Visitor {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;
  last: LightMyRequestResponse | undefined;

  constructor(
    private readonly app: FastifyInstance,
    /** Where the requests come from: sign-in limits count attempts per address. */
    private readonly remoteAddress = '127.0.0.1',
  ) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    const setCookies = response.headers['set-cookie'];
    for (const header of Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) {
      const [pair = '', ...attributes] = header.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const isExpired = attributes.some((attribute) => /max-age=0\b/i.test(attribute.trim())) || value === '';
      if (isExpired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token) this.csrfToken = token;
    this.last = response;
    return response;
  }

  private cookieHeader(): string {
    return [...this.cookies.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.remoteAddress,
        headers: { cookie: this.cookieHeader() },
      }),
    );
  }

  /** Posts a form as the page would, with its anti-forgery token unless one is given. */
  async post(url: string, fields: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams();
    if (!('_csrf' in fields) && this.csrfToken) form.append('_csrf', this.csrfToken);
    for (const [name, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
    }
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.remoteAddress,
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      }),
    );
  }

  /** Reads a page first (for its form token), then posts to the same or another address. */
  async submit(
    pageUrl: string,
    fields: Record<string, string | string[]>,
    action = pageUrl.split('?')[0] ?? pageUrl,
  ) {
    await this.get(pageUrl);
    return this.post(action, fields);
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.includes('session_token'));
  }
}

/** The link in the newest mail to an address, as the person would follow it, read from the outbox. */
export async function linkInLatestMail(app: FastifyInstance, to: string, pattern: RegExp): Promise<string> {
  const outbox = await app.inject({ url: `/dev/outbox?to=${encodeURIComponent(to)}` });
  const mailId = /href="\/dev\/outbox\/([0-9a-f-]{36})"/.exec(outbox.body)?.[1];
  if (!mailId) throw new Error(`No mail to ${to} in the outbox`);
  const mail = await app.inject({ url: `/dev/outbox/${mailId}` });
  const link = [...mail.body.matchAll(/href="(https?:\/\/[^"]+)"/g)]
    .map((match) => (match[1] ?? '').replace(/&amp;/g, '&'))
    .find((href) => pattern.test(href));
  if (!link) throw new Error(`The newest mail to ${to} has no link matching ${pattern}`);
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
