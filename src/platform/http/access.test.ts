import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { enforceAccess, requireDeclaredAccess } from './access.ts';

describe('route access declarations', () => {
  it('refuses to start when a route does not say who may use it', async () => {
    const app = Fastify();
    const starting = (async () => {
      await app.register(async (routes) => {
        requireDeclaredAccess(routes);
        routes.get('/forgotten', async () => 'open to anyone by accident');
      });
      await app.ready();
    })();
    await expect(starting).rejects.toThrow(/GET \/forgotten does not declare config.access/);
  });

  it('accepts routes that declare their access', async () => {
    const app = Fastify();
    await app.register(async (routes) => {
      requireDeclaredAccess(routes);
      routes.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    });
    await app.ready();
    expect((await app.inject({ url: '/declared' })).body).toBe('ok');
  });
});

describe('after the session runs out', () => {
  it('a form sent from a page brings the person back to that page after signing in', async () => {
    const app = Fastify();
    await app.register(async (routes) => {
      requireDeclaredAccess(routes);
      enforceAccess(routes, async () => ({ outcome: 'sign-in' }));
      routes.post('/things/1/comments', { config: { access: 'signed-in' } }, async () => 'saved');
    });
    const fromPage = await app.inject({
      method: 'POST',
      url: '/things/1/comments',
      headers: { host: 'hub.test', referer: 'http://hub.test/things/1?tab=comments' },
    });
    expect(fromPage.statusCode).toBe(303);
    expect(fromPage.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/things/1?tab=comments')}`);
    const fromElsewhere = await app.inject({
      method: 'POST',
      url: '/things/1/comments',
      headers: { host: 'hub.test', referer: 'https://evil.example/phish' },
    });
    expect(fromElsewhere.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/things/1/comments')}`);
  });
});
