import { randomBytes, randomUUID } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCredential } from './data-integrity.ts';
import type { FastifyInstance } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { testServices } from '../../../test/support/people.ts';
import { aRawResult, publishCredentialCourses } from '../../../test/support/credential-fixtures.ts';
import {
  independentVerifier,
  openBadgesSchemaValidator,
} from '../../../test/support/independent-verifier.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';

const actor = { id: 'registry-1', name: 'Registry Officer', roles: ['registry' as const] };

function aResult(overrides: Record<string, string> = {}) {
  return aRawResult({ learnerEmail: 'zoe@example.org', ...overrides });
}

describe.each(testDatabaseKinds())('issuing credentials from recorded results (%s)', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let institution: Institution;
  const validateSchema = openBadgesSchemaValidator();

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCredentialCourses(testDatabase.database);
    services = testServices(testDatabase.database);
    app = await buildTestApp(testDatabase.database);
    institution = (await services.catalogue.findInstitution('test-university'))!;
  });
  afterAll(async () => {
    await services.credentials.worker.stop();
    await app.close();
    await testDatabase.drop();
  });

  const verifier = () =>
    independentVerifier({
      publicUrl: 'http://hub.test',
      fetchFromHub: async (path) => {
        const response = await app.inject({ method: 'GET', url: path });
        if (response.statusCode !== 200) throw new Error(`GET ${path}: ${response.statusCode}`);
        return response.json();
      },
    });

  async function issue(result: Record<string, string>) {
    await services.credentials.recordResult(institution, actor, aResult(result));
    services.credentials.worker.wake();
    await services.credentials.worker.idle();
    const expected = aResult(result);
    const issued = await services.credentials.credentialsOfInstitution(institution.id, 1000);
    const latest = issued.find(
      (credential) =>
        credential.learnerEmail === expected.learnerEmail &&
        credential.signedJson.includes(`"humanCode":"${expected.moduleCode}"`) &&
        credential.revokedAt === null,
    );
    if (!latest) throw new Error('no credential was issued');
    return latest;
  }

  it('signs a certificate of study that the hub and an independent verifier both accept', async () => {
    const credential = await issue({});
    expect(credential.kind).toBe('certificate-of-study');
    const signed = JSON.parse(credential.signedJson) as Record<string, unknown>;
    const report = await services.credentials.verify(signed);
    expect(report.verdict).toBe('valid');
    expect(report.errors).toEqual([]);
    const independent = await verifier().verify(signed);
    expect(independent.error?.errors ?? independent.error ?? null).toBeNull();
    expect(independent.verified).toBe(true);
    expect(validateSchema(signed)).toEqual([]);
    expect(signed['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'http://hub.test/contexts/micro-credentials/v1',
    ]);
    const subject = signed['credentialSubject'] as Record<string, unknown>;
    const achievement = subject['achievement'] as Record<string, unknown>;
    expect(achievement['humanCode']).toBe('TU0001');
    // The achievement's id is the version's stable address, which leads to the course page.
    const versionPage = await app.inject({
      method: 'GET',
      url: new URL(achievement['id'] as string).pathname,
    });
    expect(versionPage.statusCode, versionPage.body.slice(0, 300)).toBe(303);
    expect(versionPage.headers.location).toBe('/micro-credentials/data-skills');
    expect(achievement['creditsAvailable']).toBe(10);
    expect(subject['creditsEarned']).toBe(10);
  });

  it('gives an attended small qualification a certificate of attendance', async () => {
    const credential = await issue({ moduleCode: 'TU0002', outcome: 'attended', mark: '' });
    expect(credential.kind).toBe('certificate-of-attendance');
    const signed = JSON.parse(credential.signedJson) as object;
    expect((await verifier().verify(signed)).verified).toBe(true);
    expect(validateSchema(signed)).toEqual([]);
  });

  it('says "tampered" when any field is changed after signing', async () => {
    const credential = await issue({ learnerEmail: 'tamper@example.org' });
    const signed = JSON.parse(credential.signedJson) as Record<string, unknown>;
    const changedMark = structuredClone(signed) as { credentialSubject: { result: { value?: string }[] } };
    changedMark.credentialSubject.result[0]!.value = '99';
    expect((await services.credentials.verify(changedMark)).verdict).toBe('tampered');
    expect((await verifier().verify(changedMark)).verified).toBe(false);
    const changedName = { ...signed, name: 'Certificate of study: Brain surgery' };
    expect((await services.credentials.verify(changedName)).verdict).toBe('tampered');
  });

  it('says "revoked" after revocation, and suspension can be lifted', async () => {
    const credential = await issue({ learnerEmail: 'status@example.org' });
    const signed = JSON.parse(credential.signedJson) as object;
    await services.credentials.changeStatus(
      institution,
      actor,
      credential.id,
      'suspend',
      'Under investigation',
    );
    expect((await services.credentials.verify(signed)).verdict).toBe('suspended');
    expect((await verifier().verify(signed)).verified).toBe(false);
    await services.credentials.changeStatus(institution, actor, credential.id, 'unsuspend', '');
    expect((await services.credentials.verify(signed)).verdict).toBe('valid');
    expect((await verifier().verify(signed)).verified).toBe(true);
    await services.credentials.changeStatus(institution, actor, credential.id, 'revoke', 'Issued in error');
    expect((await services.credentials.verify(signed)).verdict).toBe('revoked');
    expect((await verifier().verify(signed)).verified).toBe(false);
  });

  it('records a file once when it is applied twice at the same moment', async () => {
    const csv = [
      'learner_email,learner_name,module_code,outcome,mark,diet,completed_on',
      'twice.a@example.org,Twice A,TU0001,passed,61,November 2026,2026-11-13',
      'twice.b@example.org,Twice B,TU0001,passed,62,November 2026,2026-11-13',
    ].join('\n');
    const [first, second] = await Promise.all([
      services.credentials.applyCsv(institution, actor, csv),
      services.credentials.applyCsv(institution, actor, csv),
    ]);
    const jobs = [first, second].filter((outcome) => outcome.applied && outcome.jobId !== null);
    expect(jobs).toHaveLength(1);
    await services.credentials.worker.idle();
    const issued = await services.credentials.credentialsOfInstitution(institution.id, 1000);
    expect(issued.filter((credential) => credential.learnerEmail?.startsWith('twice.'))).toHaveLength(2);
  });

  it("does not let another issuer's credential borrow the hub's status lists", async () => {
    const genuine = JSON.parse((await issue({ learnerEmail: 'borrowed@example.org' })).signedJson) as {
      credentialStatus: { statusListCredential: string }[];
    };
    const listUrl = genuine.credentialStatus[0]!.statusListCredential;
    const stranger = await Ed25519Multikey.generate({ seed: randomBytes(32) });
    const did = `did:key:${stranger.publicKeyMultibase}`;
    const signer = {
      ...stranger.signer(),
      id: `${did}#${stranger.publicKeyMultibase}`,
      algorithm: 'Ed25519' as const,
    };
    for (const index of ['17', '999999999']) {
      const forged = await signCredential(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          id: `urn:uuid:${randomUUID()}`,
          type: ['VerifiableCredential'],
          issuer: did,
          validFrom: '2026-11-01T00:00:00Z',
          credentialSubject: { id: 'did:example:learner' },
          credentialStatus: {
            id: `${listUrl}#${index}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: index,
            statusListCredential: listUrl,
          },
        },
        signer,
        services.credentials.documentLoader,
      );
      const report = await services.credentials.verify(forged);
      expect(report.verdict).toBe('unknown-issuer');
      expect(report.checks.find((check) => check.name === 'status')).toMatchObject({ state: 'failed' });
      expect(report.checks.find((check) => check.name === 'status')?.message).toMatch(/another issuer/);
    }
  });
});
