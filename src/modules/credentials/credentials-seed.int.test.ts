import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { testServices } from '../../../test/support/people.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { aMicroCredential, anInstitution, anOffering } from '../../../test/support/builders.ts';
import { TEST_TODAY } from '../../../test/support/test-app.ts';
import type { Services } from '../../services.ts';
import { seedDemoCredentials } from './credentials-seed.ts';

describe.each(testDatabaseKinds())('demo credentials (%s)', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCatalogue(
      testDatabase.database,
      [anInstitution({ slug: 'abertay-university', name: 'Abertay University', codePrefix: 'ABTY' })],
      [
        {
          institution: 'abertay-university',
          input: aMicroCredential({ title: 'Started course' }),
          offerings: [anOffering({ startsOn: '2026-11-09', endsOn: '2027-01-15', enrolBy: '2026-11-02' })],
          slug: 'started-course',
        },
        {
          institution: 'abertay-university',
          input: aMicroCredential({ title: 'Future course' }),
          offerings: [anOffering()],
          slug: 'future-course',
        },
      ],
    );
    services = testServices(testDatabase.database);
  });
  afterAll(async () => {
    await services.credentials.worker.stop();
    await testDatabase.drop();
  });

  it('issues valid credentials on courses that have started, with claim links in the outbox, once', async () => {
    expect(await seedDemoCredentials(services, TEST_TODAY)).toBe(4);
    const institution = (await services.catalogue.findInstitution('abertay-university'))!;
    const issued = await services.credentials.credentialsOfInstitution(institution.id, 10);
    expect(issued.every((credential) => credential.title === 'Started course')).toBe(true);
    expect((await services.credentials.verify(JSON.parse(issued[0]!.signedJson))).verdict).toBe('valid');
    const mails = await services.mailer.latest(10, 'learner@demo.scot');
    expect(mails.some((mail) => /\/claim\//.test(mail.body))).toBe(true);
    expect(await seedDemoCredentials(services, TEST_TODAY)).toBe(0);
  });
});
