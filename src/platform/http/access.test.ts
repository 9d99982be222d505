import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { requireDeclaredAccess } from './access.ts';

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
