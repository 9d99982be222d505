import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/** Liveness says the process answers; readiness says it can reach its database. */
export async function healthRoutes(app: FastifyInstance, { database }: { database: Database }) {
  app.get(
    '/healthz',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'warn' },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/readyz',
    { config: { access: 'public' }, schema: { hide: true }, logLevel: 'warn' },
    async (_request, reply) => {
      try {
        await database.rows(sql`SELECT 1`);
        return { status: 'ready', database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: database.kind });
      }
    },
  );
}
