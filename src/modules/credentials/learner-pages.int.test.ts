import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { TEST_PASSWORD, signedInStaff, testServices } from '../../../test/support/people.ts';
import { Visitor } from '../../../test/support/visitor.ts';
import { aRawResult, publishCredentialCourses } from '../../../test/support/credential-fixtures.ts';
import { independentVerifier } from '../../../test/support/independent-verifier.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';
import { credentialJsonFromPdf } from './certificate-pdf.ts';
import { issuedCredentials } from './credentials-tables.ts';

const registry = { id: 'registry-1', name: 'Registry Officer', roles: ['registry' as const] };
type Learner = Visitor & { userId: string; email: string };

function aResult(overrides: Record<string, string> = {}) {
  return aRawResult({ learnerEmail: 'someone@example.org', ...overrides });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

describe.each(testDatabaseKinds())('the learner’s credentials (%s)', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let institution: Institution;
  let learner: Learner;
  let otherLearner: Learner;
  let claimLink: string;
  let claimedId: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCredentialCourses(testDatabase.database);
    services = testServices(testDatabase.database);
    app = await buildTestApp(testDatabase.database);
    institution = (await services.catalogue.findInstitution('test-university'))!;
    learner = await signedInStaff(app, services, { name: 'Zoe Learner' });
    otherLearner = await signedInStaff(app, services, { name: 'Other Learner' });
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

  const seenClaimLinks = new Set<string>();

  /**
   * The claim link in the mail that arrived last. The test clock stands still, so mails share a
   * time and "newest" is ambiguous: the link is the one not seen before, read as the learner would.
   */
  async function newClaimLink(email: string): Promise<string> {
    const outbox = await app.inject({ url: `/dev/outbox?to=${encodeURIComponent(email)}` });
    const mailIds = [...outbox.body.matchAll(/href="\/dev\/outbox\/([0-9a-f-]{36})"/g)].map(
      (match) => match[1],
    );
    const links = new Set<string>();
    for (const mailId of mailIds) {
      const mail = await app.inject({ url: `/dev/outbox/${mailId}` });
      for (const match of mail.body.matchAll(/href="(https?:\/\/[^"]+\/claim\/[^"]+)"/g)) {
        const url = new URL(unescapeHtml(match[1] ?? ''));
        links.add(`${url.pathname}${url.search}`);
      }
    }
    const fresh = [...links].filter((link) => !seenClaimLinks.has(link));
    if (fresh.length !== 1) throw new Error(`expected one new claim link to ${email}, found ${fresh.length}`);
    seenClaimLinks.add(fresh[0]!);
    return fresh[0]!;
  }

  /** Records a result, lets the worker issue, and returns the claim link mailed to the learner. */
  async function issueTo(email: string, result: Record<string, string>): Promise<string> {
    await services.credentials.recordResult(
      institution,
      registry,
      aResult({ learnerEmail: email, ...result }),
    );
    services.credentials.worker.wake();
    await services.credentials.worker.idle();
    return newClaimLink(email);
  }

  async function credentialByCode(email: string, moduleCode: string) {
    const all = await services.credentials.credentialsOfInstitution(institution.id, 1000);
    const found = all.find(
      (credential) =>
        credential.learnerEmail === email &&
        credential.revokedAt === null &&
        credential.signedJson.includes(`"humanCode":"${moduleCode}"`),
    );
    if (!found) throw new Error(`no credential for ${moduleCode}`);
    return found;
  }

  it('asks an anonymous visitor to sign in or create an account, and brings them back after signing in', async () => {
    claimLink = await issueTo(learner.email, { moduleCode: 'TU0001' });
    const visitor = new Visitor(app, '203.0.113.7');
    const page = await visitor.get(claimLink);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sign in or create an account to add this credential to your record');
    const next = encodeURIComponent(claimLink);
    expect(page.body).toContain(`href="/sign-in?next=${next}"`);
    expect(page.body).toContain(`href="/sign-up?next=${next}"`);

    const signIn = await visitor.submit(`/sign-in?next=${next}`, {
      email: learner.email,
      password: TEST_PASSWORD,
      next: claimLink,
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe(claimLink);
  });

  it('shows a signed-in learner what will happen without using up the link', async () => {
    const page = await learner.get(claimLink);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Add to my credentials');
    expect(page.body).toContain(learner.email);
    const credential = await credentialByCode(learner.email, 'TU0001');
    expect(credential.claimedByUserId).toBeNull();
  });

  it('adds the credential to the learner’s account and shows it with a banner', async () => {
    const response = await learner.post(claimLink);
    expect(response.statusCode).toBe(303);
    const credential = await credentialByCode(learner.email, 'TU0001');
    claimedId = credential.id;
    expect(response.headers.location).toBe(`/my/credentials/${claimedId}?added=1`);
    expect(credential.claimedByUserId).toBe(learner.userId);

    const page = await learner.get(response.headers.location as string);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Added to your credentials');
    expect(page.body).toContain('Data skills');
    expect(page.body).toContain('TU0001');
    expect(page.body).toContain('Test University');
    expect(page.body).toContain('Passed, mark 72%');
    expect(page.body).toMatch(/SCQF level<\/div>\s*<div class="ds_summary-list__value">7</);
    expect(page.body).toMatch(/SCQF credits<\/div>\s*<div class="ds_summary-list__value">10</);
    expect(page.body).toContain(`href="http://hub.test/verify?credential=${claimedId}"`);
  });

  it('says a used link has been used, and changes nothing', async () => {
    const again = await otherLearner.post(claimLink);
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('already been used');
    expect((await services.credentials.findCredential(claimedId))?.claimedByUserId).toBe(learner.userId);
  });

  it('says an expired link has expired and what to do, and a new link works', async () => {
    const link = await issueTo(learner.email, { moduleCode: 'TU0002', outcome: 'attended', mark: '' });
    const credential = await credentialByCode(learner.email, 'TU0002');
    await testDatabase.database.db
      .update(issuedCredentials)
      .set({ claimExpiresAt: new Date('2026-11-01T00:00:00Z') })
      .where(eq(issuedCredentials.id, credential.id));

    const expired = await learner.submit(link, {});
    expect(expired.statusCode).toBe(409);
    expect(expired.body).toContain('This claim link has expired');
    expect(expired.body).toContain('send you a new link');
    expect((await services.credentials.findCredential(credential.id))?.claimedByUserId).toBeNull();

    await services.credentials.resendClaim(institution, credential.id);
    const fresh = await newClaimLink(learner.email);
    expect((await learner.submit(fresh, {})).statusCode).toBe(303);
  });

  it('redirects an anonymous visitor to sign in from every page of their own', async () => {
    const anonymous = new Visitor(app);
    for (const path of [
      '/my/credentials',
      `/my/credentials/${claimedId}`,
      `/my/credentials/${claimedId}/credential.json`,
      `/my/credentials/${claimedId}/certificate.pdf`,
      '/my/transcripts/test-university',
    ]) {
      const response = await anonymous.get(path);
      expect(response.statusCode, path).toBe(303);
      expect(response.headers.location, path).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const post = await anonymous.post(claimLink, { _csrf: 'none' });
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`/sign-in?next=${encodeURIComponent(claimLink)}`);
  });

  it('hides a learner’s credential from another learner', async () => {
    for (const path of [
      `/my/credentials/${claimedId}`,
      `/my/credentials/${claimedId}/credential.json`,
      `/my/credentials/${claimedId}/certificate.pdf`,
    ]) {
      expect((await otherLearner.get(path)).statusCode, path).toBe(404);
    }
    const list = await otherLearner.get('/my/credentials');
    expect(list.body).not.toContain(claimedId);
    expect(list.body).toContain('no credentials');
    expect((await otherLearner.get('/my/transcripts/test-university')).statusCode).toBe(404);
  });

  it('lists the learner’s credentials with institution, kind and status, and links the transcript', async () => {
    const account = await learner.get('/account');
    expect(account.body).toContain('href="/my/credentials"');
    const list = await learner.get('/my/credentials');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/my/credentials/${claimedId}"`);
    expect(list.body).toContain('Certificate of study');
    expect(list.body).toContain('Certificate of attendance');
    expect(list.body).toContain('Test University');
    expect(list.body).toContain('Valid');
    expect(list.body).toContain('href="/my/transcripts/test-university"');
  });

  it('downloads the credential JSON exactly as signed', async () => {
    const credential = (await services.credentials.findCredential(claimedId))!;
    const response = await learner.get(`/my/credentials/${claimedId}/credential.json`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/vc\+ld\+json/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="tu0001-data-skills\.json"$/,
    );
    expect(response.rawPayload.equals(Buffer.from(credential.signedJson, 'utf8'))).toBe(true);
  });

  it('downloads a PDF certificate with the signed credential embedded', async () => {
    const credential = (await services.credentials.findCredential(claimedId))!;
    const response = await learner.get(`/my/credentials/${claimedId}/certificate.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename=".+\.pdf"$/);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await credentialJsonFromPdf(new Uint8Array(response.rawPayload))).toBe(credential.signedJson);
  });

  it('offers an Add to LinkedIn link with the certification’s details', async () => {
    const page = await learner.get(`/my/credentials/${claimedId}`);
    const href = /<a href="(https:\/\/www\.linkedin\.com\/profile\/add\?[^"]+)"/.exec(page.body)?.[1];
    expect(href).toBeDefined();
    const url = new URL(unescapeHtml(href!));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data skills',
      organizationName: 'Test University',
      issueYear: '2026',
      issueMonth: '11',
      certUrl: `http://hub.test/verify?credential=${claimedId}`,
      certId: claimedId,
    });
  });

  it('signs a CLR 2.0 transcript that verifies, with each embedded credential verifying on its own', async () => {
    // A third credential, claimed then revoked: the transcript leaves it out.
    const link = await issueTo(learner.email, { moduleCode: 'TU0003' });
    expect((await learner.submit(link, {})).statusCode).toBe(303);
    const revoked = await credentialByCode(learner.email, 'TU0003');
    await services.credentials.changeStatus(institution, registry, revoked.id, 'revoke', 'Issued in error');
    const list = await learner.get('/my/credentials');
    expect(list.body).toContain('Revoked');

    const response = await learner.get('/my/transcripts/test-university');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="transcript-.+\.json"$/);
    const transcript = response.json<Record<string, unknown>>();
    expect(transcript['type']).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(transcript['name']).toBe('Transcript: Test University');
    expect((transcript['issuer'] as { id: string }).id).toBe('did:web:hub.test:issuers:test-university');

    const report = await services.credentials.verify(transcript);
    expect(report.errors).toEqual([]);
    expect(report.verdict).toBe('valid');

    const subject = transcript['credentialSubject'] as {
      verifiableCredential: Record<string, unknown>[];
      achievement: { humanCode: string }[];
      identifier: { identityType: string; hashed: boolean }[];
    };
    const claimed = await services.credentials.credentialsOfLearner(learner.userId);
    const expected = claimed.filter((credential) => credential.revokedAt === null);
    expect(subject.verifiableCredential).toEqual(
      expected.map((credential) => JSON.parse(credential.signedJson) as unknown),
    );
    expect(subject.verifiableCredential.map((embedded) => embedded['id'])).not.toContain(
      `urn:uuid:${revoked.id}`,
    );
    expect(subject.achievement.map((achievement) => achievement.humanCode).sort()).toEqual([
      'TU0001',
      'TU0002',
    ]);
    expect(subject.identifier).toContainEqual(
      expect.objectContaining({ identityType: 'emailAddress', hashed: true }),
    );
    for (const embedded of subject.verifiableCredential) {
      expect((await services.credentials.verify(embedded)).verdict).toBe('valid');
      const independent = await verifier().verify(embedded);
      expect(independent.error?.errors ?? independent.error ?? null).toBeNull();
      expect(independent.verified).toBe(true);
    }

    const tampered = structuredClone(transcript) as {
      credentialSubject: { verifiableCredential: unknown[] };
    };
    tampered.credentialSubject.verifiableCredential.pop();
    expect((await services.credentials.verify(tampered)).verdict).toBe('tampered');
  });
});
