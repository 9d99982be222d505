import type { Database } from '../../src/platform/db/database.ts';
import type { RawResult } from '../../src/modules/credentials/results-model.ts';
import { publishCatalogue } from './factories.ts';
import { aMicroCredential, aSmallQualification, anInstitution, anOffering } from './builders.ts';

/**
 * Test University with three courses whose intakes have started, so results can be recorded:
 * TU0001 Data skills (credit-rated), TU0002 Safe lifting (a small qualification) and TU0003
 * Spreadsheets (credit-rated).
 */
export async function publishCredentialCourses(database: Database) {
  return publishCatalogue(
    database,
    [anInstitution({ name: 'Test University', codePrefix: 'TU' })],
    [
      {
        institution: 'test-university',
        input: aMicroCredential({ title: 'Data skills' }),
        offerings: [anOffering({ startsOn: '2026-09-07', endsOn: '2026-11-13', enrolBy: '2026-09-01' })],
        slug: 'data-skills',
      },
      {
        institution: 'test-university',
        input: aSmallQualification({ title: 'Safe lifting' }),
        offerings: [anOffering({ startsOn: '2026-10-05', endsOn: '2026-10-09', enrolBy: '2026-10-01' })],
        slug: 'safe-lifting',
      },
      {
        institution: 'test-university',
        input: aMicroCredential({ title: 'Spreadsheets' }),
        offerings: [anOffering({ startsOn: '2026-09-07', endsOn: '2026-11-13', enrolBy: '2026-09-01' })],
        slug: 'spreadsheets',
      },
    ],
  );
}

/** A passed result on Data skills, as a registry officer would type it. */
export function aRawResult(overrides: Partial<RawResult> = {}): RawResult {
  return {
    learnerEmail: 'zoe@example.org',
    learnerName: 'Zoë Learner',
    moduleCode: 'TU0001',
    offeringStart: '',
    outcome: 'passed',
    mark: '72',
    grade: '',
    diet: 'November 2026',
    completedOn: '2026-11-13',
    ...overrides,
  };
}
