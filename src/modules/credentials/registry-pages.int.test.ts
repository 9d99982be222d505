import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import {
  aMicroCredential,
  aSmallQualification,
  anInstitution,
  anOffering,
} from '../../../test/support/builders.ts';
import { signedInStaff, testServices } from '../../../test/support/people.ts';
import type { Visitor } from '../../../test/support/visitor.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';

const HEADER = 'learner_email,learner_name,module_code,offering_start,outcome,mark,grade,diet,completed_on';

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

const goodForm = (overrides: Record<string, string> = {}) => ({
  learnerEmail: 'form.learner@example.org',
  learnerName: 'Fiona Form',
  moduleCode: 'NC0001',
  offeringStart: '',
  outcome: 'passed',
  mark: '68',
  grade: '',
  diet: 'November 2026',
  completedOn: '2026-11-13',
  ...overrides,
});

/** What a browser sends back from a hidden field: the attribute value with its entities decoded. */
function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`No hidden ${name} field on the page`);
  return match[1]
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe.each(testDatabaseKinds())('the registry officer’s results and credentials pages on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let services: Services;
  let north: Institution;
  let registry: Visitor;
  let admin: Visitor;
  const base = '/workspace/north-college';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const fixture = await publishCatalogue(
      database.database,
      [
        anInstitution({ slug: 'north-college', name: 'North College', codePrefix: 'NC' }),
        anInstitution({ slug: 'south-college', name: 'South College', codePrefix: 'SC' }),
      ],
      [
        {
          institution: 'north-college',
          slug: 'data-skills',
          input: aMicroCredential({ title: 'Data skills' }),
          offerings: [anOffering({ startsOn: '2026-09-07', endsOn: '2026-11-13', enrolBy: '2026-09-01' })],
        },
        {
          institution: 'north-college',
          slug: 'safe-lifting',
          input: aSmallQualification({ title: 'Safe lifting' }),
          offerings: [anOffering({ startsOn: '2026-10-05', endsOn: '2026-10-09', enrolBy: '2026-10-01' })],
        },
      ],
    );
    north = fixture.institutions.get('north-college')!;
    app = await buildTestApp(database.database);
    services = testServices(database.database);
    registry = await signedInStaff(app, services, {
      name: 'Reg Registry',
      institutionId: north.id,
      roles: ['registry'],
    });
    admin = await signedInStaff(app, services, {
      name: 'Ada Admin',
      institutionId: north.id,
      roles: ['admin'],
    });
  });
  afterAll(async () => {
    await services?.credentials.worker.stop();
    await app?.close();
    await database?.drop();
  });

  /** Waits for a batch as the officer would, by watching it; either worker may be the one issuing. */
  async function untilFinished(jobId: string) {
    for (let attempt = 0; attempt < 400; attempt += 1) {
      services.credentials.worker.wake();
      await services.credentials.worker.idle();
      const job = await services.credentials.findJob(jobId);
      if (job && job.state !== 'queued' && job.state !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`The batch ${jobId} did not finish`);
  }

  const credentialsOf = async (email: string) =>
    (await services.credentials.credentialsOfInstitution(north.id, 1000)).filter(
      (credential) => credential.learnerEmail === email,
    );
  const allCredentials = async () => services.credentials.credentialsOfInstitution(north.id, 1000);
  const jobIdIn = (location: string | undefined) => {
    const id = /(?:issuance\/|job=)([0-9a-f-]{36})/.exec(location ?? '')?.[1];
    if (!id) throw new Error(`No batch in ${String(location)}`);
    return id;
  };
  const verdictOf = async (signedJson: string) =>
    (await services.credentials.verify(JSON.parse(signedJson) as unknown)).verdict;

  /** The Visitor posts URL-encoded forms; a file upload goes as the browser sends it, multipart. */
  async function uploadFile(visitor: Visitor, content: string): Promise<LightMyRequestResponse> {
    const form = await visitor.get(`${base}/results/upload`);
    const token = hiddenValue(form.body, '_csrf');
    const boundary = '----registry-pages-test';
    const part = (headers: string, value: string) => `--${boundary}\r\n${headers}\r\n\r\n${value}\r\n`;
    const payload =
      part('Content-Disposition: form-data; name="_csrf"', token) +
      part('Content-Disposition: form-data; name="intent"', 'check') +
      part(
        'Content-Disposition: form-data; name="file"; filename="results.csv"\r\nContent-Type: text/csv',
        content,
      ) +
      part('Content-Disposition: form-data; name="csv"', '') +
      `--${boundary}--\r\n`;
    // The Visitor keeps its cookies to itself; its cookie header is what the browser would send.
    const cookie = (visitor as unknown as { cookieHeader(): string }).cookieHeader();
    return app.inject({
      method: 'POST',
      url: `${base}/results/upload`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }

  it('the workspace home leads registry officers and admins to results, and admins alone to the keys', async () => {
    const forRegistry = await registry.get(base);
    expect(forRegistry.body).toContain(`href="${base}/results"`);
    expect(forRegistry.body).not.toContain(`href="${base}/keys"`);
    const forAdmin = await admin.get(base);
    expect(forAdmin.body).toContain(`href="${base}/results"`);
    expect(forAdmin.body).toContain(`href="${base}/keys"`);
  });

  it('a result recorded on the form is issued, and the learner is mailed a claim link', async () => {
    const form = await registry.get(`${base}/results/new`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('NC0001: Data skills');
    expect(form.body).toContain('NC0002: Safe lifting');

    const recorded = await registry.post(`${base}/results/new`, goodForm());
    expect(recorded.statusCode).toBe(303);
    expect(recorded.headers.location).toMatch(
      /^\/workspace\/north-college\/results\?recorded=new&certificate=certificate-of-study&job=/,
    );
    const banner = await registry.get(recorded.headers.location!);
    expect(banner.body).toContain('A certificate of study is being issued');

    const job = await untilFinished(jobIdIn(recorded.headers.location));
    expect(job).toMatchObject({ state: 'finished', total: 1, issued: 1 });
    const progress = await registry.get(`${base}/issuance/${job.id}`);
    expect(progress.body).toContain('Finished');
    expect(progress.body).toContain('1 of 1 certificate done');
    expect(progress.body).not.toContain('http-equiv="refresh"');
    expect(progress.body).toContain(`href="${base}/credentials"`);

    const [credential] = await credentialsOf('form.learner@example.org');
    expect(credential?.kind).toBe('certificate-of-study');
    expect(await verdictOf(credential!.signedJson)).toBe('valid');
    const list = await registry.get(`${base}/credentials`);
    expect(list.body).toContain('Fiona Form');
    expect(list.body).toContain('Not yet claimed');
    const [mail] = await services.mailer.latest(1, 'form.learner@example.org');
    expect(mail?.body).toContain('http://hub.test/claim/');

    const hub = await registry.get(`${base}/results`);
    expect(hub.body).toContain('Fiona Form');
    expect(hub.body).toContain(`href="${base}/credentials/${credential!.id}"`);
  });

  it('a result with mistakes shows each problem, keeps what was typed and records nothing', async () => {
    const before = await services.credentials.countResults(north.id);
    const response = await registry.post(
      `${base}/results/new`,
      goodForm({ learnerEmail: 'not an email', learnerName: 'Zoë Mistake', mark: '120', outcome: '' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('href="#learnerEmail"');
    expect(response.body).toContain('Enter one full email address with no spaces');
    expect(response.body).toContain('Enter a whole number from 0 to 100, or leave it blank');
    expect(response.body).toContain('href="#outcome"');
    expect(response.body).toContain('value="not an email"');
    expect(response.body).toContain('value="Zoë Mistake"');
    expect(response.body).toContain('value="120"');
    expect(await services.credentials.countResults(north.id)).toBe(before);
  });

  const firstFile = csv(
    'ann.csv@example.org,Ann Csv,NC0001,,Passed,71,,November 2026,2026-11-13',
    'ben.csv@example.org,Ben Csv,NC0001,,Passed,abc,,November 2026,2026-11-13',
    'cat.csv@example.org,Cat Csv,NC9999,,Attended,,,October 2026,2026-10-09',
  );
  const fixedFile = csv(
    'ann.csv@example.org,Ann Csv,NC0001,,Passed,71,,November 2026,2026-11-13',
    'ben.csv@example.org,Ben Csv,NC0001,,Passed,64,,November 2026,2026-11-13',
    'cat.csv@example.org,Cat Csv,NC0002,,Attended,,,October 2026,2026-10-09',
  );

  it('checking a file with bad rows lists each problem by row and column, and records nothing', async () => {
    const results = await services.credentials.countResults(north.id);
    const credentials = (await allCredentials()).length;
    const checked = await uploadFile(registry, firstFile);
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('2 rows have problems');
    expect(checked.body).toContain('href="#problems"');
    expect(checked.body).toMatch(
      /<td[^>]*>3<\/td><td[^>]*><code>mark<\/code><\/td><td[^>]*>Enter a whole number/,
    );
    expect(checked.body).toMatch(
      /<td[^>]*>4<\/td><td[^>]*><code>module_code<\/code><\/td><td[^>]*>NC9999 is not one of/,
    );
    expect(checked.body).not.toContain('name="intent" value="apply"');
    expect(await services.credentials.countResults(north.id)).toBe(results);
    expect((await allCredentials()).length).toBe(credentials);
  });

  it('a fixed file is confirmed without uploading it again, recorded and issued in a batch', async () => {
    const checked = await uploadFile(registry, fixedFile);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('The file has no problems. Nothing has been recorded yet.');
    expect(checked.body).toContain('Record 3 results and issue 3 certificates');
    expect(await credentialsOf('ann.csv@example.org')).toEqual([]);

    const applied = await registry.post(`${base}/results/upload`, {
      intent: 'apply',
      csv: hiddenValue(checked.body, 'csv'),
    });
    expect(applied.statusCode).toBe(303);
    expect(applied.headers.location).toMatch(/^\/workspace\/north-college\/issuance\//);
    const job = await untilFinished(jobIdIn(applied.headers.location));
    expect(job).toMatchObject({ state: 'finished', total: 3, issued: 3, failed: 0 });
    const finished = await registry.get(applied.headers.location!);
    expect(finished.body).toContain('3 of 3 certificates done');

    for (const email of ['ann.csv@example.org', 'ben.csv@example.org', 'cat.csv@example.org']) {
      const issued = await credentialsOf(email);
      expect(issued, email).toHaveLength(1);
      expect(await verdictOf(issued[0]!.signedJson)).toBe('valid');
    }
    expect((await credentialsOf('cat.csv@example.org'))[0]?.kind).toBe('certificate-of-attendance');
  });

  it('the same file again changes nothing and issues nothing', async () => {
    const results = await services.credentials.countResults(north.id);
    const credentials = (await allCredentials()).map((credential) => credential.id).sort();
    const checked = await uploadFile(registry, fixedFile);
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('Every row is already recorded exactly like this');
    expect(checked.body).not.toContain('name="intent" value="apply"');

    const applied = await registry.post(`${base}/results/upload`, { intent: 'apply', csv: fixedFile });
    expect(applied.statusCode).toBe(303);
    expect(applied.headers.location).toBe(`${base}/results?uploaded=nothing`);
    expect((await registry.get(applied.headers.location!)).body).toContain(
      'Every row of the file was already recorded exactly like this',
    );
    expect(await services.credentials.countResults(north.id)).toBe(results);
    expect((await allCredentials()).map((credential) => credential.id).sort()).toEqual(credentials);
  });

  it('a corrected row replaces the result, revokes the earlier certificate and issues a new one', async () => {
    const [earlier] = await credentialsOf('ben.csv@example.org');
    const corrected = fixedFile.replace('Ben Csv,NC0001,,Passed,64', 'Ben Csv,NC0001,,Passed,66');
    const checked = await registry.post(`${base}/results/upload`, { intent: 'check', csv: corrected });
    expect(checked.statusCode).toBe(200);
    expect(checked.body).toContain('Corrected');
    expect(checked.body).toContain('Record 1 result and issue 1 certificate');

    const applied = await registry.post(`${base}/results/upload`, { intent: 'apply', csv: corrected });
    expect(applied.statusCode).toBe(303);
    await untilFinished(jobIdIn(applied.headers.location));

    const both = await credentialsOf('ben.csv@example.org');
    expect(both).toHaveLength(2);
    const old = both.find((credential) => credential.id === earlier!.id)!;
    const replacement = both.find((credential) => credential.id !== earlier!.id)!;
    expect(old.revocationReason).toBe('Replaced by a corrected result.');
    expect(await verdictOf(old.signedJson)).toBe('revoked');
    expect(replacement.revokedAt).toBeNull();
    expect(replacement.signedJson).toContain('"value":"66"');
    expect(await verdictOf(replacement.signedJson)).toBe('valid');
  });

  it('a problem that appears after the check stops the whole file from being recorded', async () => {
    const results = await services.credentials.countResults(north.id);
    const checked = await registry.post(`${base}/results/upload`, {
      intent: 'apply',
      csv: csv('dan.csv@example.org,Dan Csv,NC0001,,Passed,101,,November 2026,2026-11-13'),
    });
    expect(checked.statusCode).toBe(400);
    expect(checked.body).toContain('nothing has been recorded');
    expect(checked.body).toContain('Enter a whole number from 0 to 100');
    expect(await services.credentials.countResults(north.id)).toBe(results);
  });

  it('revoking needs a reason and keeps what was typed; once revoked, the verifier says so', async () => {
    const [credential] = await credentialsOf('ann.csv@example.org');
    const page = `${base}/credentials/${credential!.id}`;
    const detail = await registry.get(page);
    expect(detail.body).toContain('Ann Csv');
    expect(detail.body).toContain('Revoking cannot be undone');

    const tooShort = await registry.post(`${page}/revoke`, { reason: 'no' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('href="#revoke-reason"');
    expect(tooShort.body).toContain('Give the reason, for the record and for the learner.');
    expect(tooShort.body).toMatch(/<textarea[^>]*id="revoke-reason"[^>]*>no<\/textarea>/);
    expect((await services.credentials.findCredential(credential!.id))?.revokedAt).toBeNull();

    const revoked = await registry.post(`${page}/revoke`, { reason: 'Awarded in error' });
    expect(revoked.statusCode).toBe(303);
    const after = await registry.get(revoked.headers.location!);
    expect(after.body).toContain('The credential is revoked');
    expect(after.body).toContain('Reason: Awarded in error');
    expect(after.body).not.toContain(`${page}/revoke`);
    expect(await verdictOf(credential!.signedJson)).toBe('revoked');
    const [mail] = await services.mailer.latest(1, 'ann.csv@example.org');
    expect(mail?.subject).toContain('revoked');
  });

  it('suspending needs a reason, and lifting the suspension makes the credential valid again', async () => {
    const [credential] = await credentialsOf('cat.csv@example.org');
    const page = `${base}/credentials/${credential!.id}`;
    await registry.get(page);
    const noReason = await registry.post(`${page}/suspend`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('href="#suspend-reason"');
    expect(await verdictOf(credential!.signedJson)).toBe('valid');

    expect((await registry.post(`${page}/suspend`, { reason: 'Under investigation' })).statusCode).toBe(303);
    expect(await verdictOf(credential!.signedJson)).toBe('suspended');
    const suspended = await registry.get(page);
    expect(suspended.body).toContain('Suspended. Reason: Under investigation');
    expect(suspended.body).toContain('Lift the suspension');

    expect((await registry.post(`${page}/unsuspend`)).statusCode).toBe(303);
    expect(await verdictOf(credential!.signedJson)).toBe('valid');
  });

  it('an admin sees the credentials but none of the forms that change them', async () => {
    const [credential] = await credentialsOf('ben.csv@example.org');
    const live = (await credentialsOf('ben.csv@example.org')).find((c) => c.revokedAt === null) ?? credential;
    const detail = await admin.get(`${base}/credentials/${live!.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('Ben Csv');
    expect(detail.body).not.toContain('/suspend"');
    expect(detail.body).not.toContain('/revoke"');
    const hub = await admin.get(`${base}/results`);
    expect(hub.body).not.toContain(`href="${base}/results/upload"`);
  });

  it('a batch still waiting shows its progress and refreshes itself until it is done, unless asked not to', async () => {
    // A second set of services whose worker is stopped: the batch waits until this test finishes it.
    const paused = testServices(database.database);
    await paused.credentials.worker.stop();
    const { jobId } = await paused.credentials.recordResult(
      north,
      { id: 'registry-test', name: 'Registry Test', roles: ['registry'] },
      goodForm({ learnerEmail: 'waiting@example.org', learnerName: 'Wendy Waiting' }),
    );
    const page = `${base}/issuance/${jobId!}`;
    const waiting = await registry.get(page);
    expect(waiting.body).toContain('Waiting to start');
    expect(waiting.body).toContain('0 of 1 certificate done');
    expect(waiting.body).toMatch(/<progress id="job-progress" max="1" value="0">/);
    expect(waiting.body).toContain('<meta http-equiv="refresh" content="2"');
    const still = await registry.get(`${page}?refresh=off`);
    expect(still.body).not.toContain('http-equiv="refresh"');
    expect(still.body).toContain('Update this page');
    await untilFinished(jobId!);
    expect((await registry.get(page)).body).not.toContain('http-equiv="refresh"');
  });

  it('rotating the signing key keeps the old key published, so earlier credentials still verify', async () => {
    const didDocument = async () =>
      (await app.inject({ url: '/issuers/north-college/did.json' })).json<{
        verificationMethod: { publicKeyMultibase: string }[];
      }>();
    const before = (await didDocument()).verificationMethod.map((method) => method.publicKeyMultibase);
    expect(before).toHaveLength(1);
    const keys = await admin.get(`${base}/keys`);
    expect(keys.body).toContain('Rotate the signing key');
    expect(keys.body).toContain('href="/issuers/north-college/did.json"');

    const rotated = await admin.post(`${base}/keys/rotate`);
    expect(rotated.statusCode).toBe(303);
    const after = (await didDocument()).verificationMethod.map((method) => method.publicKeyMultibase);
    expect(after).toHaveLength(2);
    expect(after).toContain(before[0]);
    expect((await admin.get(rotated.headers.location!)).body).toContain('Retired');
    const [earlier] = await credentialsOf('form.learner@example.org');
    expect(await verdictOf(earlier!.signedJson)).toBe('valid');
  });

  it('an institution that has issued nothing is offered to create its signing key', async () => {
    const south = (await services.catalogue.findInstitution('south-college'))!;
    const southAdmin = await signedInStaff(app, services, {
      name: 'Sam South',
      institutionId: south.id,
      roles: ['admin'],
    });
    const keys = await southAdmin.get('/workspace/south-college/keys');
    expect(keys.body).toContain('has no signing key yet');
    expect(keys.body).toContain('Create the signing key');
    expect((await southAdmin.post('/workspace/south-college/keys/rotate')).statusCode).toBe(303);
    expect(await services.credentials.keys.keysOf(south.id)).toHaveLength(1);
  });
});
