import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { notFound } from '../../platform/http/problems.ts';
import { EXTENSION_CONTEXT_PATH } from './achievement-credential-model.ts';
import { EXTENSION_CONTEXT } from './document-loader.ts';
import type { CredentialsService } from './credentials-service.ts';

/**
 * The public, static-like documents a verifier anywhere fetches: issuers' DID documents, status
 * list credentials and the hub's JSON-LD extension context. They are cacheable (design.md §8), so
 * a CDN can serve them; status lists for a short time, so a revocation shows promptly.
 */
export async function credentialsDocuments(
  app: FastifyInstance,
  { credentials }: { credentials: CredentialsService },
) {
  const extensionContextBody = JSON.stringify(EXTENSION_CONTEXT, null, 2);

  app.get(
    '/issuers/:slug/did.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Credentials'],
        summary: "An institution's DID document (did:web)",
        description:
          'Lists every Ed25519 key the institution has signed with (as Multikey verification methods), including keys retired by rotation, so older credentials keep verifying.',
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]+$', maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const document = await credentials.didDocumentOf(slug);
      if (!document) throw notFound(`There is no institution ${slug}.`);
      return reply
        .header('content-type', 'application/did+json')
        .header('cache-control', 'public, max-age=300')
        .header('access-control-allow-origin', '*')
        .send(JSON.stringify(document, null, 2));
    },
  );

  app.get(
    '/status-lists/:listId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Credentials'],
        summary: 'A signed Bitstring Status List credential',
        description:
          'Revocation or suspension bits of up to 131,072 credentials, GZIP-compressed and signed by the institution. Cached for at most a minute.',
        params: Type.Object({ listId: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const { listId } = request.params as { listId: string };
      const list = await credentials.findStatusList(listId);
      if (!list) throw notFound('There is no such status list.');
      const body = await credentials.statusListCredential(listId);
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      reply
        .header('content-type', 'application/vc+ld+json')
        .header('cache-control', 'public, max-age=60')
        .header('access-control-allow-origin', '*')
        .header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(body);
    },
  );

  app.get(
    EXTENSION_CONTEXT_PATH,
    {
      config: { access: 'public' },
      schema: {
        tags: ['Credentials'],
        summary: "The hub's JSON-LD extension context",
        description:
          'Terms for the framework facts Open Badges has no term for (ECTS, notional hours, delivery mode, assessment, quality assurance). Bundled with the hub, so signing never needs the network.',
      },
    },
    async (_request, reply) =>
      reply
        .header('content-type', 'application/ld+json')
        .header('cache-control', 'public, max-age=86400')
        .header('access-control-allow-origin', '*')
        .send(extensionContextBody),
  );
}
