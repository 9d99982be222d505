import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { createServices, type Services } from '../../src/services.ts';
import type { InstitutionRole } from '../../src/modules/accounts/index.ts';
import { TEST_TODAY } from './test-app.ts';
import { Visitor } from './visitor.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

/** The hub's services on a test database, configured as buildTestApp configures the app. */
export function testServices(database: Database): Services {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://hub.test',
    AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
    KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
    SEED_DEMO_ACCOUNTS: 'false',
  });
  return createServices({ config, database, clock: () => TEST_TODAY });
}

let counter = 0;

/** Creates a verified account holding the given roles, and signs it in through the sign-in page. */
export async function signedInStaff(
  app: FastifyInstance,
  services: Services,
  options: { name: string; institutionId?: string; roles?: InstitutionRole[]; isSectorAdmin?: boolean },
): Promise<Visitor & { userId: string; email: string }> {
  counter += 1;
  const email = `${options.name.toLowerCase().replace(/[^a-z]+/g, '.')}.${counter}@example.ac.uk`;
  const user = await services.accounts.createUser({
    name: options.name,
    email,
    password: TEST_PASSWORD,
    isEmailVerified: true,
  });
  if (options.institutionId && options.roles?.length)
    await services.accounts.grantRoles(
      { userId: user.id, institutionId: options.institutionId },
      options.roles,
      { id: 'test', name: 'Test' },
    );
  if (options.isSectorAdmin) await services.accounts.grantSectorAdmin(user.id, 'test');
  // Each person signs in from their own address, so sign-in limits never couple tests.
  const visitor = new Visitor(app, `198.51.100.${counter % 250}`);
  const response = await visitor.submit('/sign-in', { email, password: TEST_PASSWORD });
  if (response.statusCode !== 303) throw new Error(`Sign-in failed for ${email}: ${response.statusCode}`);
  return Object.assign(visitor, { userId: user.id, email });
}
