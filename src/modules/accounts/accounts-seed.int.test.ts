import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createServices, type Services } from '../../services.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { anInstitution } from '../../../test/support/builders.ts';
import { TEST_TODAY } from '../../../test/support/test-app.ts';
import { DEMO_ACCOUNT_INSTITUTIONS, DEMO_PASSWORD, seedDemoAccounts } from './accounts-seed.ts';

const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  PUBLIC_URL: 'http://hub.test',
  AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
  KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
  SEED_DEMO_ACCOUNTS: 'false',
});

const abertay = anInstitution({
  slug: DEMO_ACCOUNT_INSTITUTIONS.slugA,
  name: 'Abertay University',
  codePrefix: 'ABTY',
});
const argyll = anInstitution({
  slug: DEMO_ACCOUNT_INSTITUTIONS.slugB,
  name: 'Argyll College UHI',
  kind: 'college',
  codePrefix: 'ARGY',
});

async function rolesOf(services: Services, email: string) {
  const user = await services.accounts.findUserByEmail(email);
  if (!user) throw new Error(`No account ${email}`);
  const principal = await services.accounts.principalForUser(user);
  if (principal.kind !== 'user') throw new Error('Expected a user');
  return {
    user,
    isSectorAdmin: principal.isSectorAdmin,
    roles: Object.fromEntries(
      principal.memberships.map((membership) => [membership.institutionSlug, membership.roles]),
    ),
  };
}

describe.each(testDatabaseKinds())('demo accounts on %s', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCatalogue(testDatabase.database, [abertay, argyll], []);
    services = createServices({ config, database: testDatabase.database, clock: () => TEST_TODAY });
  });
  afterAll(async () => {
    await testDatabase.drop();
  });

  it('creates five people at each institution, a learner and a sector admin, each with their roles', async () => {
    const result = await seedDemoAccounts(services);

    expect(result.skipped).toEqual([]);
    expect(result.accounts.map((account) => account.email)).toEqual([
      'author@abertay.demo.scot',
      'reviewer@abertay.demo.scot',
      'reviewer2@abertay.demo.scot',
      'registry@abertay.demo.scot',
      'admin@abertay.demo.scot',
      'author@argyll.demo.scot',
      'reviewer@argyll.demo.scot',
      'reviewer2@argyll.demo.scot',
      'registry@argyll.demo.scot',
      'admin@argyll.demo.scot',
      'learner@demo.scot',
      'sector-admin@demo.scot',
    ]);
    expect(result.accounts.every((account) => account.isNew)).toBe(true);

    expect((await rolesOf(services, 'author@abertay.demo.scot')).roles).toEqual({
      'abertay-university': ['author'],
    });
    expect((await rolesOf(services, 'reviewer@abertay.demo.scot')).roles).toEqual({
      'abertay-university': ['reviewer'],
    });
    expect((await rolesOf(services, 'reviewer2@abertay.demo.scot')).roles).toEqual({
      'abertay-university': ['reviewer'],
    });
    expect((await rolesOf(services, 'registry@argyll.demo.scot')).roles).toEqual({
      'argyll-college-uhi': ['registry'],
    });
    expect((await rolesOf(services, 'admin@argyll.demo.scot')).roles).toEqual({
      'argyll-college-uhi': ['admin'],
    });
    const learner = await rolesOf(services, 'learner@demo.scot');
    expect(learner).toMatchObject({ roles: {}, isSectorAdmin: false });
    expect(learner.user.emailVerified).toBe(true);
    expect(await rolesOf(services, 'sector-admin@demo.scot')).toMatchObject({
      roles: {},
      isSectorAdmin: true,
    });
  });

  it('a demo account signs in with the shared demo password', async () => {
    const outcome = await services.accounts.signIn(
      'reviewer2@argyll.demo.scot',
      DEMO_PASSWORD,
      '203.0.113.7',
    );
    expect(outcome.ok).toBe(true);
  });

  it('running it again creates nothing and leaves changed accounts as they are', async () => {
    const reviewer = await rolesOf(services, 'reviewer@abertay.demo.scot');
    const abertayId = (await services.catalogue.findInstitution('abertay-university'))?.id ?? '';
    await services.accounts.revokeRole({ userId: reviewer.user.id, institutionId: abertayId }, 'reviewer', {
      id: 'test',
      name: 'Test',
    });
    const membersBefore = await services.accounts.membersOf(abertayId);

    const again = await seedDemoAccounts(services);

    expect(again.accounts).toHaveLength(12);
    expect(again.accounts.some((account) => account.isNew)).toBe(false);
    expect(await services.accounts.membersOf(abertayId)).toEqual(membersBefore);
    expect((await rolesOf(services, 'reviewer@abertay.demo.scot')).roles).toEqual({});
  });
});

describe('demo accounts without the demo catalogue', () => {
  it('are created only for the demo institution that exists, and not at all when neither does', async () => {
    const testDatabase = await createTestDatabase('pglite');
    try {
      const services = createServices({ config, database: testDatabase.database, clock: () => TEST_TODAY });
      const none = await seedDemoAccounts(services);
      expect(none.accounts).toEqual([]);
      expect(none.skipped.join(' ')).toContain('demo catalogue is not loaded');
      expect(await services.accounts.findUserByEmail('learner@demo.scot')).toBeUndefined();

      await publishCatalogue(testDatabase.database, [argyll], []);
      const some = await seedDemoAccounts(services);
      expect(some.skipped).toEqual([
        "No institution 'abertay-university' in this database: its demo accounts were not created.",
      ]);
      expect(some.accounts.map((account) => account.email)).toContain('admin@argyll.demo.scot');
      expect(some.accounts.map((account) => account.email)).not.toContain('admin@abertay.demo.scot');
    } finally {
      await testDatabase.drop();
    }
  });
});
