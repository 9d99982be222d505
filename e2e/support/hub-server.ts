import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { seedDemoData } from '../../src/seed.ts';
import { createServices, type Services } from '../../src/services.ts';
import { TEST_TODAY } from '../../test/support/test-app.ts';

/** Signs the browser's session and form cookies; the hub refuses to start without one. */
const E2E_AUTH_SECRET = 'e2e-secret-that-is-long-enough-for-the-hub-0123456789';

export interface HubServer {
  /** Where the browser reaches the hub, e.g. http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /**
   * The hub's own services on the same database, configured as the running hub is: for setting up
   * what no page offers a stranger, such as a member of staff with roles at an institution.
   */
  services: Services;
  close(): Promise<void>;
}

/** Asks the operating system for a port nobody is using right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() =>
        port > 0 ? resolve(port) : reject(new Error('The operating system gave no free port')),
      );
    });
  });
}

function isAddressInUse(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'EADDRINUSE';
}

/**
 * The real hub with the demo catalogue, in this process, on 127.0.0.1. PUBLIC_URL must name the
 * port before the app is built (canonical links and JSON-LD use it), so a free port is picked
 * first; if another process takes it in between, try another.
 */
export async function startHub(): Promise<HubServer> {
  const database: Database = await openDatabase({ pgliteDataDir: 'memory://' });
  try {
    await seedDemoData(database, TEST_TODAY);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: String(port),
        PUBLIC_URL: baseUrl,
        SEED_DEMO_DATA: 'true',
        AUTH_SECRET: E2E_AUTH_SECRET,
        KEY_ENCRYPTION_KEY: 'e2e-key-encryption-key-long-enough-0123456789',
        // Tests make the people they need (support/people.ts) rather than rely on demo accounts.
        SEED_DEMO_ACCOUNTS: 'false',
      });
      const app: FastifyInstance = await buildApp({ config, database, clock: () => TEST_TODAY });
      try {
        await app.listen({ host: '127.0.0.1', port });
      } catch (error) {
        await app.close();
        if (isAddressInUse(error) && attempt < 5) continue;
        throw error;
      }
      return {
        baseUrl,
        services: createServices({ config, database, clock: () => TEST_TODAY }),
        async close() {
          await app.close();
          await database.close();
        },
      };
    }
  } catch (error) {
    await database.close();
    throw error;
  }
}
