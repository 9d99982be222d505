import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate as generateEd25519Key } from '@digitalbazaar/ed25519-multikey';
import { PDFDocument } from 'pdf-lib';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { testServices } from '../../../test/support/people.ts';
import { linkInLatestMail, Visitor } from '../../../test/support/visitor.ts';
import { publishCredentialCourses } from '../../../test/support/credential-fixtures.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';
import { renderCertificatePdf } from './certificate-pdf.ts';
import { signCredential } from './data-integrity.ts';
import type { Signer } from './issuer-keys.ts';

const actor = { id: 'registry-1', name: 'Registry Officer', roles: ['registry' as const] };

type Json = Record<string, unknown>;

/** The page as a person reads it: text without markup. */
function textOf(response: LightMyRequestResponse): string {
  return response.body
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<\/?(?:strong|a|span|code|em)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

function verdictOf(response: LightMyRequestResponse): string | undefined {
  return /data-verdict="([a-z-]+)"/.exec(response.body)?.[1];
}

function unsignedCopy(signed: Json): Json {
  const copy = structuredClone(signed);
  delete copy['proof'];
  return copy;
}

describe.each(testDatabaseKinds())('the public verification page (%s)', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let institution: Institution;
  let learners = 0;

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

  /** Issues a certificate of study for a new learner, as a registry upload would. */
  async function issue() {
    learners += 1;
    const learnerEmail = `learner${learners}@example.org`;
    await services.credentials.recordResult(institution, actor, {
      learnerEmail,
      learnerName: 'Zoë Learner',
      moduleCode: 'TU0001',
      offeringStart: '',
      outcome: 'passed',
      mark: '72',
      grade: '',
      diet: 'November 2026',
      completedOn: '2026-11-13',
    });
    services.credentials.worker.wake();
    await services.credentials.worker.idle();
    const issued = await services.credentials.credentialsOfInstitution(institution.id, 1000);
    const credential = issued.find((candidate) => candidate.learnerEmail === learnerEmail);
    if (!credential) throw new Error('no credential was issued');
    return { ...credential, signed: JSON.parse(credential.signedJson) as Json };
  }

  async function claim(learnerEmail: string) {
    const user = await services.accounts.createUser({
      name: 'Zoë Learner',
      email: learnerEmail,
      password: 'correct horse battery staple',
      isEmailVerified: true,
    });
    const link = await linkInLatestMail(app, learnerEmail, /\/claim\//);
    await services.credentials.claim(link.split('/').pop()!, { id: user.id });
  }

  async function paste(text: string) {
    return new Visitor(app).submit('/verify', { credential: text });
  }

  /** Uploads a file through the upload form, with the form token a browser would send. */
  async function upload(bytes: Uint8Array, filename: string, contentType: string) {
    const page = await app.inject({ url: '/verify' });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie = [page.headers['set-cookie'] ?? []]
      .flat()
      .map((header) => String(header).split(';')[0])
      .join('; ');
    const boundary = '----hub-test-boundary';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return app.inject({
      method: 'POST',
      url: '/verify',
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
  }

  it('offers the page from the site navigation, with the three ways to check', async () => {
    const home = await app.inject({ url: '/' });
    expect(home.body).toMatch(/<a href="\/verify"[^>]*>Verify a credential<\/a>/);
    const page = await app.inject({ url: '/verify' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="credential"');
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<input[^>]*type="file"[^>]*name="file"/);
    expect(page.body).toMatch(/<form method="get" action="\/verify"/);
  });

  it('says a pasted genuine credential is valid, check by check, and explains what it means', async () => {
    const { signed } = await issue();
    const response = await paste(JSON.stringify(signed, null, 2));
    expect(response.statusCode).toBe(200);
    expect(verdictOf(response)).toBe('valid');
    const text = textOf(response);
    expect(text).toContain('Valid credential');
    for (const label of ['Structure', 'Signature', 'Issuer', 'Status', 'Validity dates'])
      expect(text).toMatch(new RegExp(`${label} Passed`));
    expect(text).toContain('Learner Zoë Learner');
    expect(text).toContain('Achievement Data skills');
    expect(text).toContain('Issued by Test University');
    expect(text).toContain('Module code TU0001');
    expect(text).toContain(
      'SCQF level Level 7: the first year of university or a Higher National Certificate',
    );
    expect(text).toContain('10 SCQF credits = 100 hours of learning = 5 ECTS credits');
    expect(text).toContain('Completed on 13 November 2026');
    expect(text).toContain('Mark: 72%');
    expect(response.body).toContain('href="/glossary/scqf-level"');
  });

  it('says "Tampered" when the mark was changed after signing', async () => {
    const { signed } = await issue();
    const changed = structuredClone(signed) as { credentialSubject: { result: { value?: string }[] } };
    changed.credentialSubject.result[0]!.value = '99';
    const response = await paste(JSON.stringify(changed));
    expect(verdictOf(response)).toBe('tampered');
    expect(textOf(response)).toContain('Tampered: do not trust this credential');
    expect(textOf(response)).toMatch(/Signature Failed/);
    expect(textOf(response)).toContain('do not rely on it');
  });

  it('says "Revoked" and "Suspended" when the issuer has withdrawn or paused the credential', async () => {
    const revoked = await issue();
    await services.credentials.changeStatus(institution, actor, revoked.id, 'revoke', 'Issued in error');
    const revokedPage = await paste(revoked.signedJson);
    expect(verdictOf(revokedPage)).toBe('revoked');
    expect(textOf(revokedPage)).toContain('The issuer has withdrawn this credential');
    expect(textOf(revokedPage)).toMatch(/Status Failed The issuer has revoked it/);

    const suspended = await issue();
    await services.credentials.changeStatus(institution, actor, suspended.id, 'suspend', 'Under review');
    const suspendedPage = await paste(suspended.signedJson);
    expect(verdictOf(suspendedPage)).toBe('suspended');
    expect(textOf(suspendedPage)).toContain('Suspended');
    expect(textOf(suspendedPage)).toMatch(/Status Failed The issuer has suspended it/);
  });

  it('tells an expired credential and one not yet valid from a valid one', async () => {
    const { signed } = await issue();
    const { signer } = await services.credentials.signerOf(institution);
    const loader = services.credentials.documentLoader;
    const expired = await signCredential(
      { ...unsignedCopy(signed), validFrom: '2025-01-06T00:00:00Z', validUntil: '2026-01-06T00:00:00Z' },
      signer,
      loader,
      new Date('2025-01-06T00:00:00Z'),
    );
    const expiredPage = await paste(JSON.stringify(expired));
    expect(verdictOf(expiredPage)).toBe('expired');
    expect(textOf(expiredPage)).toContain('Expired on 6 January 2026');

    const early = await signCredential(
      { ...unsignedCopy(signed), validFrom: '2027-06-01T00:00:00Z' },
      signer,
      loader,
      new Date('2026-11-23T09:00:00Z'),
    );
    const earlyPage = await paste(JSON.stringify(early));
    expect(verdictOf(earlyPage)).toBe('not-yet-valid');
    expect(textOf(earlyPage)).toContain('Not yet valid');
    expect(textOf(earlyPage)).toContain('Not valid until 1 June 2027');
  });

  it('says "Unknown issuer" for a did:key credential signed by a key the hub does not know', async () => {
    const { signed } = await issue();
    const keyPair = await generateEd25519Key();
    const did = `did:key:${keyPair.publicKeyMultibase}`;
    const signer: Signer = {
      id: `${did}#${keyPair.publicKeyMultibase}`,
      algorithm: 'Ed25519',
      sign: (input) => keyPair.signer().sign(input),
    };
    const unsigned = unsignedCopy(signed);
    delete unsigned['credentialStatus'];
    unsigned['issuer'] = { id: did, type: ['Profile'], name: 'Elsewhere College' };
    const foreign = await signCredential(unsigned, signer, services.credentials.documentLoader);
    const response = await paste(JSON.stringify(foreign));
    expect(verdictOf(response)).toBe('unknown-issuer');
    const text = textOf(response);
    expect(text).toContain('Unknown issuer');
    expect(text).toMatch(/Issuer Failed/);
    // What the credential says is still shown, with the warning that nothing vouches for it.
    expect(text).toContain('Issued by Elsewhere College');
    expect(text).toContain('do not rely on it');
  });

  it('reads the credential inside an uploaded PDF certificate, and a .json file', async () => {
    const credential = await issue();
    const pdf = await renderCertificatePdf(
      {
        kind: 'certificate of study',
        title: 'Data skills',
        moduleCode: 'TU0001',
        learnerName: 'Zoë Learner',
        institutionName: 'Test University',
        scqfLevel: 7,
        scqfCredits: 10,
        notionalHours: 100,
        result: 'Passed, mark 72%',
        completedOn: '2026-11-13',
        issuedOn: '2026-11-23',
        credentialId: `urn:uuid:${credential.id}`,
        verificationUrl: `http://hub.test/verify?credential=urn%3Auuid%3A${credential.id}`,
      },
      credential.signedJson,
    );
    const fromPdf = await upload(pdf, 'certificate.pdf', 'application/pdf');
    expect(fromPdf.statusCode).toBe(200);
    expect(verdictOf(fromPdf)).toBe('valid');
    expect(textOf(fromPdf)).toContain('the credential inside the PDF certificate you uploaded');

    const fromJson = await upload(Buffer.from(credential.signedJson), 'credential.json', 'application/json');
    expect(verdictOf(fromJson)).toBe('valid');
  });

  it('shows the form again with the problem named when the input is not a credential', async () => {
    const garbage = await paste('garbage, not a credential');
    expect(garbage.statusCode).toBe(400);
    expect(verdictOf(garbage)).toBeUndefined();
    expect(textOf(garbage)).toContain('There is a problem');
    expect(garbage.body).toContain('href="#credential"');
    expect(textOf(garbage)).toContain('starts with “g” at line 1, column 1');
    expect(garbage.body).toMatch(
      /<textarea[^>]*name="credential"[^>]*>garbage, not a credential<\/textarea>/,
    );

    const missingComma = await paste('{\n  "type": ["VerifiableCredential"]\n  "issuer": "did:example:1"\n}');
    expect(missingComma.statusCode).toBe(400);
    expect(textOf(missingComma)).toContain('at line 3, column 3');

    const empty = await paste('   ');
    expect(empty.statusCode).toBe(400);
    expect(textOf(empty)).toContain('Paste the credential text');

    const blankPdf = await PDFDocument.create();
    blankPdf.addPage();
    const noCredential = await upload(await blankPdf.save(), 'scan.pdf', 'application/pdf');
    expect(noCredential.statusCode).toBe(400);
    expect(noCredential.body).toContain('href="#file"');
    expect(textOf(noCredential)).toContain('This PDF has no credential inside it');

    const forged = await new Visitor(app).post('/verify', { credential: '{}', _csrf: 'not-the-token' });
    expect(forged.statusCode).toBe(403);

    const tooLarge = await upload(Buffer.alloc(2 * 1024 * 1024 + 1, 32), 'huge.json', 'application/json');
    expect(tooLarge.statusCode).toBe(400);
    expect(textOf(tooLarge)).toContain('The file is larger than 2 MB');
  });

  it('opens a hub link only once the learner has claimed the credential', async () => {
    const credential = await issue();
    const before = await app.inject({ url: `/verify?credential=${credential.id}` });
    expect(before.statusCode).toBe(404);
    expect(textOf(before)).toContain('Credential not found');
    expect(verdictOf(before)).toBeUndefined();

    await claim(credential.learnerEmail!);
    const after = await app.inject({
      url: `/verify?credential=${encodeURIComponent(`urn:uuid:${credential.id}`)}`,
    });
    expect(after.statusCode).toBe(200);
    expect(verdictOf(after)).toBe('valid');
    expect(textOf(after)).toContain('Learner Zoë Learner');

    const unknown = await app.inject({ url: '/verify?credential=00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    const notAnId = await app.inject({ url: '/verify?credential=robert%27);DROP' });
    expect(notAnId.statusCode).toBe(404);
  });

  it('refuses to fetch a credential from a private address, in plain words', async () => {
    const response = await app.inject({ url: '/verify?url=https://127.0.0.1/credential.json' });
    expect(response.statusCode).toBe(400);
    expect(verdictOf(response)).toBeUndefined();
    expect(response.body).toContain('href="#url"');
    expect(textOf(response)).toContain('The hub could not fetch a credential from that address');
    expect(textOf(response)).toContain('a loopback address');
    expect(response.body).toContain('value="https://127.0.0.1/credential.json"');
  });

  describe('where the hub may fetch from local addresses (local development)', () => {
    let localApp: FastifyInstance;
    let server: Server;
    let published = '';

    beforeAll(async () => {
      localApp = await buildTestApp(testDatabase.database, { VERIFY_ALLOW_PRIVATE_ADDRESSES: 'true' });
      server = createServer((_request, response) => {
        response.writeHead(200, { 'content-type': 'application/ld+json' }).end(published);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await localApp.close();
    });

    it('fetches and checks a credential published at an address', async () => {
      published = (await issue()).signedJson;
      const { port } = server.address() as AddressInfo;
      const response = await localApp.inject({
        url: `/verify?url=${encodeURIComponent(`http://127.0.0.1:${port}/credential.json`)}`,
      });
      expect(response.statusCode).toBe(200);
      expect(verdictOf(response)).toBe('valid');
      expect(textOf(response)).toContain(`the credential at http://127.0.0.1:${port}/credential.json`);
    });
  });
});
