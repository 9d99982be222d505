import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';

/** A fixed "today" so dates in tests and the demo data never drift. */
export const TEST_TODAY = new Date('2026-11-23T09:00:00Z');

export async function buildTestApp(
  database: Database,
  overrides: Record<string, string> = {},
): Promise<FastifyInstance> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://hub.test',
    AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
    KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
    SEED_DEMO_ACCOUNTS: 'false',
    ...overrides,
  });
  const app = await buildApp({ config, database, clock: () => TEST_TODAY });
  await app.ready();
  return app;
}
