/**
 * The W3C VC API as the W3C test suites use it (docs/vc-api-conformance-notes.md): an
 * institution's system issues through its API token, and anyone verifies. Every credential issued
 * here is also checked by an independent verifier that shares no code with the hub.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as base58 from 'base58-universal';
import * as vc from '@digitalbazaar/vc';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { securityLoader } from '@digitalcredentials/security-document-loader';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { testServices } from '../../../test/support/people.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { anInstitution } from '../../../test/support/builders.ts';
import {
  independentVerifier,
  openBadgesSchemaValidator,
} from '../../../test/support/independent-verifier.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';

type Json = Record<string, unknown>;

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

interface Verification {
  verified: boolean;
  verdict: string;
  checks: string[];
  warnings: string[];
  errors: string[];
}

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const creator = { id: 'test', name: 'Test' };

/** An Open Badges 3.0 credential as an institution's own system would write it, unsigned. */
function aBadge(issuer: string, overrides: Json = {}): Json {
  return {
    '@context': [V2, OB3],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Test University' },
    name: 'Data skills',
    validFrom: '2026-11-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://test-university.example/achievements/data-skills',
        type: ['Achievement'],
        name: 'Data skills',
        description: 'Cleans, explores and presents a data set.',
        criteria: { narrative: 'Passed the assessed project.' },
      },
    },
    ...overrides,
  };
}

/** The smallest credential the VC Data Model allows, with a claim in an inline context. */
function aPlainCredential(issuer: string, overrides: Json = {}): Json {
  return {
    '@context': [V2, { skill: 'https://example.org/vocab#skill' }],
    id: `urn:uuid:${randomUUID()}`,
    type: ['VerifiableCredential'],
    issuer,
    credentialSubject: { id: 'did:example:learner', skill: 'Spreadsheets' },
    ...overrides,
  };
}

describe.each(testDatabaseKinds())('the W3C VC API (%s)', (kind) => {
  let testDatabase: TestDatabase;
  let services: Services;
  let app: FastifyInstance;
  let institution: Institution;
  let didWeb: string;
  let didKey: string;
  const tokens = { registry: '', author: '', otherRegistry: '' };
  const validateSchema = openBadgesSchemaValidator();

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    const { institutions } = await publishCatalogue(
      testDatabase.database,
      [
        anInstitution({ name: 'Test University', codePrefix: 'TU' }),
        anInstitution({ name: 'Other College' }),
      ],
      [],
    );
    services = testServices(testDatabase.database);
    app = await buildTestApp(testDatabase.database);
    institution = institutions.get('test-university')!;
    const other = institutions.get('other-college')!;
    tokens.registry = (
      await services.accounts.createApiToken(
        institution,
        { name: 'Student records', roles: ['registry'] },
        creator,
      )
    ).token;
    tokens.author = (
      await services.accounts.createApiToken(
        institution,
        { name: 'Course design', roles: ['author'] },
        creator,
      )
    ).token;
    tokens.otherRegistry = (
      await services.accounts.createApiToken(other, { name: 'Other records', roles: ['registry'] }, creator)
    ).token;
    didWeb = services.credentials.issuerDid(institution);
    didKey = `did:key:${(await services.credentials.keys.activeKey(institution.id)).publicKeyMultibase}`;
  });
  afterAll(async () => {
    await services.credentials.worker.stop();
    await app.close();
    await testDatabase.drop();
  });

  function post(url: string, payload: unknown, token?: string): Promise<LightMyRequestResponse> {
    return app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, application/ld+json, */*',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      payload: JSON.stringify(payload),
    });
  }

  async function issued(credential: Json, options?: Json): Promise<Json> {
    const response = await post(
      '/credentials/issue',
      { credential, ...(options ? { options } : {}) },
      tokens.registry,
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ verifiableCredential: Json }>().verifiableCredential;
  }

  function problemOf(response: LightMyRequestResponse, status = 400): Problem {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json<Problem>();
  }

  const verify = (verifiableCredential: unknown, options: Json = { checks: ['proof'] }) =>
    post('/credentials/verify', { verifiableCredential, options });

  const independently = () =>
    independentVerifier({
      publicUrl: 'http://hub.test',
      fetchFromHub: async (path) => {
        const response = await app.inject({ method: 'GET', url: path });
        if (response.statusCode !== 200) throw new Error(`GET ${path}: ${response.statusCode}`);
        return response.json();
      },
    });

  describe('POST /credentials/issue', () => {
    it("signs an Open Badges credential as the institution's did:web with an eddsa-rdfc-2022 proof an independent verifier accepts", async () => {
      const badge = aBadge(didWeb);
      const response = await post('/credentials/issue', { credential: badge }, tokens.registry);
      expect(response.statusCode, response.body).toBe(201);
      const signed = response.json<{ verifiableCredential: Json }>().verifiableCredential;
      const proof = signed['proof'] as Json;
      expect(proof).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        verificationMethod: expect.stringMatching(new RegExp(`^${didWeb}#z6Mk`)) as unknown,
        created: '2026-11-23T09:00:00Z',
      });
      const proofValue = proof['proofValue'] as string;
      expect(proofValue[0]).toBe('z');
      expect(base58.decode(proofValue.slice(1))).toHaveLength(64);
      const { proof: _proof, ...unsigned } = signed;
      expect(unsigned).toEqual(badge);
      expect(signed['@context']).toEqual([V2, OB3]);

      const independent = await independently().verify(signed);
      expect(independent.error?.errors ?? independent.error ?? null).toBeNull();
      expect(independent.verified).toBe(true);
      expect(validateSchema(signed)).toEqual([]);

      const stored = await services.credentials.findCredential(String(badge['id']).slice('urn:uuid:'.length));
      expect(stored?.kind).toBe('api');
      expect(stored?.title).toBe('Data skills');
      expect(stored?.institutionId).toBe(institution.id);
      expect(response.body).toBe(`{"verifiableCredential":${stored?.signedJson}}`);
    });

    it('signs as the did:key of the active key when the credential names it, verifiable offline', async () => {
      const signed = await issued(aPlainCredential(didKey));
      expect((signed['proof'] as Json)['verificationMethod']).toBe(
        `${didKey}#${didKey.slice('did:key:'.length)}`,
      );
      expect((await independently().verify(signed)).verified).toBe(true);
      const verified = await verify(signed);
      expect(verified.statusCode, verified.body).toBe(200);
      expect(verified.json<Verification>()).toMatchObject({ verified: true, verdict: 'valid', errors: [] });
    });

    it('adds a revocation entry on a 131,072-entry status list when options.credentialStatus asks, and suspension too when named', async () => {
      const revocable = await issued(aPlainCredential(didWeb), {
        credentialStatus: { type: 'BitstringStatusListEntry' },
      });
      const entry = revocable['credentialStatus'] as Json;
      expect(entry).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
      const index = entry['statusListIndex'] as string;
      expect(String(Number.parseInt(index, 10))).toBe(index);
      expect(entry['statusListCredential']).toMatch(/^http:\/\/hub\.test\/status-lists\/[0-9a-f-]{36}$/);
      expect(entry['id']).not.toBe(entry['statusListCredential']);
      const list = await app.inject({
        method: 'GET',
        url: String(entry['statusListCredential']).slice('http://hub.test'.length),
      });
      expect(list.statusCode).toBe(200);
      expect((await independently().verify(revocable)).verified).toBe(true);

      const both = await issued(aPlainCredential(didWeb), {
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: ['revocation', 'suspension'] },
      });
      const entries = both['credentialStatus'] as Json[];
      expect(entries.map((status) => status['statusPurpose'])).toEqual(['revocation', 'suspension']);
      expect((await independently().verify(both)).verified).toBe(true);
    });

    it('accepts what the VC Data Model allows: several subjects, inline and extra contexts, dates with offsets', async () => {
      for (const credential of [
        aPlainCredential(didWeb, {
          credentialSubject: [
            { id: 'did:example:one', skill: 'A' },
            { id: 'did:example:two', skill: 'B' },
          ],
        }),
        aPlainCredential(didWeb, {
          validFrom: '2026-01-01T00:00:00.123-06:00',
          validUntil: '2999-12-31T23:59:59Z',
        }),
        aPlainCredential(didWeb, { id: 'https://test-university.example/credentials/3732' }),
        aPlainCredential(didWeb, { name: { '@value': 'Compétences', '@language': 'fr' } }),
        aPlainCredential(didWeb, {
          '@context': [
            V2,
            'https://w3id.org/security/data-integrity/v2',
            { skill: 'https://example.org/vocab#skill' },
          ],
        }),
      ])
        await issued(credential);
    });

    // Each row: what the W3C suites send, and the field the refusal must name.
    const malformed: [string, (issuer: string) => unknown, string][] = [
      [
        'no @context',
        (issuer) => ({ ...aPlainCredential(issuer), '@context': undefined }),
        'credential.@context',
      ],
      [
        'a first @context that is not VC 2.0',
        (issuer) => aPlainCredential(issuer, { '@context': [OB3, V2] }),
        'credential.@context',
      ],
      [
        'a number in @context',
        (issuer) => aPlainCredential(issuer, { '@context': [V2, 42] }),
        'credential.@context[1]',
      ],
      [
        'an @context that is not a URL',
        (issuer) => aPlainCredential(issuer, { '@context': [V2, 'not a url'] }),
        'credential.@context[1]',
      ],
      ['no type', (issuer) => ({ ...aPlainCredential(issuer), type: undefined }), 'credential.type'],
      [
        'a type without VerifiableCredential',
        (issuer) => aPlainCredential(issuer, { type: ['OpenBadgeCredential'] }),
        'credential.type',
      ],
      [
        'an id that is not a URL',
        (issuer) => aPlainCredential(issuer, { id: 'credential 42' }),
        'credential.id',
      ],
      ['a null id', (issuer) => aPlainCredential(issuer, { id: null }), 'credential.id'],
      [
        'several ids',
        (issuer) => aPlainCredential(issuer, { id: ['urn:uuid:1', 'urn:uuid:2'] }),
        'credential.id',
      ],
      ['no issuer', (issuer) => ({ ...aPlainCredential(issuer), issuer: undefined }), 'credential.issuer'],
      ['a null issuer', (issuer) => aPlainCredential(issuer, { issuer: null }), 'credential.issuer'],
      [
        'an issuer that is not a URL',
        (issuer) => aPlainCredential(issuer, { issuer: 'Test University' }),
        'credential.issuer',
      ],
      [
        'an issuer object whose id is null',
        (issuer) => aPlainCredential(issuer, { issuer: { id: null } }),
        'credential.issuer.id',
      ],
      [
        'no credentialSubject',
        (issuer) => ({ ...aPlainCredential(issuer), credentialSubject: undefined }),
        'credential.credentialSubject',
      ],
      [
        'an empty credentialSubject',
        (issuer) => aPlainCredential(issuer, { credentialSubject: {} }),
        'credential.credentialSubject',
      ],
      [
        'an empty subject among several',
        (issuer) => aPlainCredential(issuer, { credentialSubject: [{ id: 'did:example:a' }, {}] }),
        'credential.credentialSubject[1]',
      ],
      [
        'a subject with several ids',
        (issuer) =>
          aPlainCredential(issuer, { credentialSubject: { id: ['did:example:a', 'did:example:b'] } }),
        'credential.credentialSubject.id',
      ],
      [
        'a validFrom that is not a date-time',
        (issuer) => aPlainCredential(issuer, { validFrom: 'Sat 25 Feb 2023 07:16:31 PM CST' }),
        'credential.validFrom',
      ],
      [
        'a validUntil without a time zone',
        (issuer) => aPlainCredential(issuer, { validUntil: '2027-01-01T00:00:00' }),
        'credential.validUntil',
      ],
      [
        'a validUntil before validFrom',
        (issuer) =>
          aPlainCredential(issuer, { validFrom: '2026-02-01T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }),
        'credential.validUntil',
      ],
      [
        'a credentialStatus without type',
        (issuer) => aPlainCredential(issuer, { credentialStatus: { id: 'https://example.org/status/1' } }),
        'credential.credentialStatus.type',
      ],
      [
        'a credentialStatus whose id is not a URL',
        (issuer) =>
          aPlainCredential(issuer, {
            credentialStatus: { id: 'status one', type: 'BitstringStatusListEntry' },
          }),
        'credential.credentialStatus.id',
      ],
      [
        'evidence without type',
        (issuer) => aPlainCredential(issuer, { evidence: [{ id: 'https://example.org/evidence/1' }] }),
        'credential.evidence[0].type',
      ],
      [
        'termsOfUse without type',
        (issuer) => aPlainCredential(issuer, { termsOfUse: { id: 'https://example.org/terms' } }),
        'credential.termsOfUse.type',
      ],
      [
        'refreshService without type',
        (issuer) => aPlainCredential(issuer, { refreshService: { id: 'https://example.org/refresh' } }),
        'credential.refreshService.type',
      ],
      [
        'credentialSchema without type',
        (issuer) => aPlainCredential(issuer, { credentialSchema: { id: 'https://example.org/schema.json' } }),
        'credential.credentialSchema.type',
      ],
      [
        'a name value object with extra members',
        (issuer) => aPlainCredential(issuer, { name: { '@value': 'Data', '@language': 'en', extra: 1 } }),
        'credential.name',
      ],
      [
        'a term no context defines',
        (issuer) =>
          aPlainCredential(issuer, {
            credentialSubject: { id: 'did:example:learner', favouriteColour: 'green' },
          }),
        'credential.credentialSubject.favouriteColour',
      ],
      [
        'a malformed status entry under an undefined term',
        (issuer) =>
          aPlainCredential(issuer, {
            statusEntry: { type: 'BitstringStatusListEntry', statusListIndex: true },
          }),
        'credential.statusEntry',
      ],
      [
        'a type no context defines',
        (issuer) => aPlainCredential(issuer, { type: ['VerifiableCredential', 'UndefinedCredential'] }),
        'credential.type',
      ],
      [
        'a type mapped to something that is not a URL',
        (issuer) =>
          aPlainCredential(issuer, {
            '@context': [V2, { Example: 'https ://not-a-url#Example' }],
            type: ['VerifiableCredential', 'Example'],
          }),
        'credential.@context',
      ],
      [
        'a context the hub does not hold',
        (issuer) =>
          aPlainCredential(issuer, { '@context': [V2, 'https://example.org/unknown-context.jsonld'] }),
        'credential.@context',
      ],
    ];

    it.each(malformed)(
      'refuses a credential with %s: 400 naming the field, nothing issued',
      async (_case, make, field) => {
        const before = (await services.credentials.credentialsOfInstitution(institution.id, 1000)).length;
        const problem = problemOf(
          await post(
            '/credentials/issue',
            { credential: make(didWeb), options: { credentialStatus: { type: 'BitstringStatusListEntry' } } },
            tokens.registry,
          ),
        );
        expect(problem.errors?.map((error) => error.field)).toContain(field);
        expect((await services.credentials.credentialsOfInstitution(institution.id, 1000)).length).toBe(
          before,
        );
      },
    );

    it('a refusal while signing releases the status entry it had taken', async () => {
      const first = await issued(aPlainCredential(didWeb), {
        credentialStatus: { type: 'BitstringStatusListEntry' },
      });
      const listId = String((first['credentialStatus'] as Json)['statusListCredential'])
        .split('/')
        .at(-1)!;
      const taken = (await services.credentials.findStatusList(listId))?.allocated;
      problemOf(
        await post(
          '/credentials/issue',
          {
            credential: aPlainCredential(didWeb, { undefinedTerm: 'x' }),
            options: { credentialStatus: { type: 'BitstringStatusListEntry' } },
          },
          tokens.registry,
        ),
      );
      expect((await services.credentials.findStatusList(listId))?.allocated).toBe(taken);
    });

    it('refuses to issue a credential id twice when it has status entries: 409', async () => {
      const credential = aPlainCredential(didWeb);
      const options = { credentialStatus: { type: 'BitstringStatusListEntry' } };
      await issued(credential, options);
      const problem = problemOf(
        await post('/credentials/issue', { credential, options }, tokens.registry),
        409,
      );
      expect(problem.errors?.[0]?.field).toBe('credential.id');
    });

    it('without a token, answers 401; with a token lacking the registry role, 403', async () => {
      const credential = aPlainCredential(didWeb);
      expect(problemOf(await post('/credentials/issue', { credential }), 401).detail).toMatch(/Bearer/);
      expect(problemOf(await post('/credentials/issue', { credential }, 'not-a-token'), 401).status).toBe(
        401,
      );
      expect(problemOf(await post('/credentials/issue', { credential }, tokens.author), 403).detail).toMatch(
        /registry officer/,
      );
    });

    it('with a valid token, malformed input is 400, never 401', async () => {
      expect(problemOf(await post('/credentials/issue', { credentials: {} }, tokens.registry)).status).toBe(
        400,
      );
      expect(
        problemOf(await post('/credentials/issue', { credential: 'a string' }, tokens.registry)).status,
      ).toBe(400);
    });

    it("another institution's token cannot sign as this institution: 400 naming the issuer it may use", async () => {
      for (const issuer of [didWeb, didKey]) {
        const problem = problemOf(
          await post('/credentials/issue', { credential: aPlainCredential(issuer) }, tokens.otherRegistry),
        );
        expect(problem.errors).toEqual([
          {
            field: 'credential.issuer',
            message: expect.stringMatching(
              /^This API token signs for Other College only: set 'issuer' to did:web:hub\.test:issuers:other-college/,
            ) as unknown,
          },
        ]);
      }
      const unknownIssuer = problemOf(
        await post(
          '/credentials/issue',
          { credential: aPlainCredential('did:example:someone-else') },
          tokens.registry,
        ),
      );
      expect(unknownIssuer.errors?.[0]?.field).toBe('credential.issuer');
    });
  });

  describe('POST /credentials/verify', () => {
    let signed: Json;
    beforeAll(async () => {
      signed = await issued(aBadge(didWeb));
    });

    it('a genuine credential: 200, verified, with the checks made and no errors', async () => {
      const response = await verify(signed);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Verification>()).toMatchObject({
        verified: true,
        verdict: 'valid',
        checks: ['structure', 'proof', 'issuer', 'validityPeriod'],
        errors: [],
      });
    });

    it('needs no form token: the VC API takes no cookies', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        headers: { 'content-type': 'application/ld+json', cookie: 'hub.session_token=whatever' },
        payload: JSON.stringify({ verifiableCredential: signed }),
      });
      expect(response.statusCode, response.body).toBe(200);
    });

    it('a changed credential: 400, not verified, tampered', async () => {
      const response = await verify({ ...signed, name: 'Brain surgery' });
      expect(response.statusCode).toBe(400);
      expect(response.json<Verification>()).toMatchObject({ verified: false, verdict: 'tampered' });
      expect(response.json<Verification>().errors.length).toBeGreaterThan(0);
    });

    const proofOf = (credential: Json) => credential['proof'] as Json;
    const withProof = (credential: Json, change: (proof: Json) => Json | null | undefined) => ({
      ...credential,
      proof: change({ ...proofOf(credential) }),
    });
    const without = (proof: Json, field: string) => {
      const { [field]: _removed, ...rest } = proof;
      return rest;
    };
    const malformedProofs: [string, (credential: Json) => unknown, Json, string][] = [
      ['no proof', ({ proof: _proof, ...rest }) => rest, {}, 'proof'],
      ['a null proof', (credential) => ({ ...credential, proof: null }), {}, 'proof'],
      [
        'a proof without type',
        (credential) => withProof(credential, (proof) => without(proof, 'type')),
        {},
        'type',
      ],
      [
        'a proof of another type',
        (credential) => withProof(credential, (proof) => ({ ...proof, type: 'Ed25519Signature2020' })),
        {},
        'type',
      ],
      [
        'another cryptosuite',
        (credential) => withProof(credential, (proof) => ({ ...proof, cryptosuite: 'eddsa-jcs-2022' })),
        {},
        'cryptosuite',
      ],
      [
        'an invalid cryptosuite',
        (credential) => withProof(credential, (proof) => ({ ...proof, cryptosuite: 'not-a-suite' })),
        {},
        'cryptosuite',
      ],
      [
        'no verificationMethod',
        (credential) => withProof(credential, (proof) => without(proof, 'verificationMethod')),
        {},
        'verificationMethod',
      ],
      [
        'an invalid verificationMethod',
        (credential) => withProof(credential, (proof) => ({ ...proof, verificationMethod: 'not a key' })),
        {},
        'verificationMethod',
      ],
      [
        'no proofPurpose',
        (credential) => withProof(credential, (proof) => without(proof, 'proofPurpose')),
        {},
        'proofPurpose',
      ],
      [
        'an invalid proofPurpose',
        (credential) => withProof(credential, (proof) => ({ ...proof, proofPurpose: 'invalidPurpose' })),
        {},
        'proofPurpose',
      ],
      [
        'a proofPurpose other than the one expected',
        (credential) => credential,
        { expectedProofPurpose: 'authentication' },
        'proofPurpose',
      ],
      [
        'no proofValue',
        (credential) => withProof(credential, (proof) => without(proof, 'proofValue')),
        {},
        'proofValue',
      ],
      [
        'a null proofValue',
        (credential) => withProof(credential, (proof) => ({ ...proof, proofValue: null })),
        {},
        'proofValue',
      ],
      [
        'a proofValue without its multibase prefix',
        (credential) =>
          withProof(credential, (proof) => ({ ...proof, proofValue: String(proof['proofValue']).slice(1) })),
        {},
        'proofValue',
      ],
      [
        'a proofValue 32 bytes too long',
        (credential) =>
          withProof(credential, (proof) => {
            const bytes = base58.decode(String(proof['proofValue']).slice(1));
            return {
              ...proof,
              proofValue: `z${base58.encode(new Uint8Array([...bytes, ...new Uint8Array(32).fill(7)]))}`,
            };
          }),
        {},
        'proofValue',
      ],
      [
        'a created date without a time zone',
        (credential) => withProof(credential, (proof) => ({ ...proof, created: '2026-11-23T09:00:00' })),
        {},
        'created',
      ],
      [
        'a domain other than the one expected',
        (credential) => credential,
        { domain: 'verifier.example' },
        'domain',
      ],
      [
        'a challenge other than the one expected',
        (credential) => credential,
        { challenge: 'abc123' },
        'challenge',
      ],
    ];

    it.each(malformedProofs)(
      '%s: 400, not verified, naming the proof field',
      async (_case, change, options, field) => {
        const response = await verify(change(signed), { checks: ['proof'], ...options });
        expect(response.statusCode, response.body).toBe(400);
        const result = response.json<Verification>();
        expect(result.verified).toBe(false);
        expect(result.errors.join(' ')).toContain(field);
      },
    );

    it('the proofPurpose the caller expects, when it is the one stated, passes', async () => {
      const response = await verify(signed, { checks: ['proof'], expectedProofPurpose: 'assertionMethod' });
      expect(response.statusCode, response.body).toBe(200);
    });

    it('a request without a credential is a problem (400), not a verification', async () => {
      const problem = problemOf(await post('/credentials/verify', { options: {} }));
      expect(problem.errors?.[0]?.field).toBe('verifiableCredential');
    });
  });

  describe('POST /credentials/status', () => {
    async function revocableCredential(purposes: string[] = ['revocation', 'suspension']) {
      return issued(aPlainCredential(didWeb), {
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: purposes },
      });
    }
    const setStatus = (body: Json, token = tokens.registry) => post('/credentials/status', body, token);

    it('revoking (as the Bitstring Status List suite asks, without "status") makes verification fail with 400, verified false', async () => {
      const credential = await revocableCredential();
      expect((await verify(credential, { checks: ['proof', 'credentialStatus'] })).statusCode).toBe(200);
      const response = await setStatus({
        credentialId: credential['id'],
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        credentialId: credential['id'],
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
        status: true,
      });
      const verified = await verify(credential, { checks: ['proof', 'credentialStatus'] });
      expect(verified.statusCode).toBe(400);
      expect(verified.json<Verification>()).toMatchObject({ verified: false, verdict: 'revoked' });
      expect((await independently().verify(credential)).verified).toBe(false);

      const again = await setStatus({
        credentialId: credential['id'],
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
        status: true,
      });
      expect(again.statusCode, 'revoking twice changes nothing and is not an error').toBe(200);
      const undo = problemOf(
        await setStatus({
          credentialId: credential['id'],
          credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
          status: false,
        }),
      );
      expect(undo.detail).toMatch(/Revocation cannot be undone/);
    });

    it('suspending, then lifting the suspension, by the bare uuid', async () => {
      const credential = await revocableCredential();
      const uuid = String(credential['id']).slice('urn:uuid:'.length);
      const suspend = (status: boolean) =>
        setStatus({
          credentialId: uuid,
          credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
          status,
        });
      expect((await suspend(true)).statusCode).toBe(200);
      const suspended = await verify(credential);
      expect(suspended.statusCode).toBe(400);
      expect(suspended.json<Verification>().verdict).toBe('suspended');
      expect((await suspend(false)).statusCode).toBe(200);
      expect((await verify(credential)).statusCode).toBe(200);
      expect((await independently().verify(credential)).verified).toBe(true);
    });

    it('a credential whose id is not a uuid is found by that id', async () => {
      const credential = await issued(
        aPlainCredential(didWeb, { id: `https://test-university.example/credentials/${randomUUID()}` }),
        {
          credentialStatus: { type: 'BitstringStatusListEntry' },
        },
      );
      const response = await setStatus({
        credentialId: credential['id'],
        credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
      });
      expect(response.statusCode, response.body).toBe(200);
      expect((await verify(credential)).json<Verification>().verdict).toBe('revoked');
    });

    it("another institution's token gets 404 and changes nothing", async () => {
      const credential = await revocableCredential();
      problemOf(
        await setStatus(
          {
            credentialId: credential['id'],
            credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
          },
          tokens.otherRegistry,
        ),
        404,
      );
      expect((await verify(credential)).statusCode).toBe(200);
    });

    it('refuses what it cannot do: another status type (400), a purpose the credential has no entry for (409), no token (401)', async () => {
      const credential = await revocableCredential(['revocation']);
      const body = (type: string, statusPurpose: string) => ({
        credentialId: credential['id'],
        credentialStatus: { type, statusPurpose },
      });
      expect(problemOf(await setStatus(body('StatusList2021Entry', 'revocation'))).errors?.[0]?.field).toBe(
        'credentialStatus.type',
      );
      problemOf(await setStatus(body('BitstringStatusListEntry', 'suspension')), 409);
      problemOf(await setStatus(body('BitstringStatusListEntry', 'revocation'), ''), 401);
      expect((await verify(credential)).statusCode).toBe(200);
    });

    it("the list's /publish answers 204 to its institution's token, as the status list suite expects", async () => {
      const credential = await revocableCredential(['revocation']);
      const listUrl = String((credential['credentialStatus'] as Json)['statusListCredential']);
      const publishPath = `${listUrl.slice('http://hub.test'.length)}/publish`;
      const response = await post(publishPath, {}, tokens.registry);
      expect(response.statusCode, response.body).toBe(204);
      expect((await post(publishPath, {})).statusCode).toBe(401);
      expect((await post(publishPath, {}, tokens.otherRegistry)).statusCode).toBe(404);
      expect((await post(`/status-lists/${randomUUID()}/publish`, {}, tokens.registry)).statusCode).toBe(404);
    });
  });

  describe('POST /presentations/verify', () => {
    const loader = securityLoader().build();

    async function holderKey() {
      const pair = await Ed25519Multikey.generate();
      const did = `did:key:${pair.publicKeyMultibase}`;
      const signer = pair.signer();
      signer.id = `${did}#${pair.publicKeyMultibase}`;
      return { did, suite: new DataIntegrityProof({ signer, cryptosuite: eddsaRdfc2022 }) };
    }

    async function aPresentation(credentials: Json[], challenge = 'challenge-1') {
      const { did, suite } = await holderKey();
      const presentation = vc.createPresentation({ verifiableCredential: credentials, holder: did });
      presentation['@context'] = [V2];
      return vc.signPresentation({ presentation, suite, documentLoader: loader, challenge });
    }

    const verifyPresentation = (verifiablePresentation: unknown, options: Json = { checks: [] }) =>
      post('/presentations/verify', { verifiablePresentation, options });

    it("a holder's signed presentation of a hub credential: 200, verified", async () => {
      const credential = await issued(aBadge(didWeb));
      const presentation = await aPresentation([credential]);
      const response = await verifyPresentation(presentation, { challenge: 'challenge-1' });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        verified: true,
        checks: ['structure', 'proof', 'credentials'],
        errors: [],
        credentialResults: [{ verified: true, verdict: 'valid' }],
      });
    });

    it('a changed presentation, a wrong challenge, or a revoked credential inside: 400, not verified', async () => {
      const credential = await issued(aPlainCredential(didWeb), {
        credentialStatus: { type: 'BitstringStatusListEntry' },
      });
      const presentation = await aPresentation([credential]);
      expect((await verifyPresentation({ ...presentation, id: 'urn:uuid:changed' })).statusCode).toBe(400);
      expect((await verifyPresentation(presentation, { challenge: 'another' })).statusCode).toBe(400);
      expect((await verifyPresentation(presentation)).statusCode).toBe(200);
      await post(
        '/credentials/status',
        {
          credentialId: credential['id'],
          credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
        },
        tokens.registry,
      );
      const revoked = await verifyPresentation(presentation);
      expect(revoked.statusCode).toBe(400);
      expect(revoked.json<{ credentialResults: Verification[] }>().credentialResults[0]?.verdict).toBe(
        'revoked',
      );
    });

    it('refuses a presentation that is not well formed', async () => {
      const credential = await issued(aPlainCredential(didWeb));
      const presentation = await aPresentation([credential]);
      for (const bad of [
        { ...presentation, '@context': undefined },
        { ...presentation, type: ['VerifiableCredential'] },
        { ...presentation, holder: { name: 'No id' } },
      ]) {
        const response = await verifyPresentation(bad);
        expect(response.statusCode, JSON.stringify(bad)).toBe(400);
        expect(response.json<Verification>().verified).toBe(false);
      }
    });

    it('a presentation without a proof is checked for its credentials, with a warning that its holder was not', async () => {
      const credential = await issued(aPlainCredential(didWeb));
      const response = await verifyPresentation({
        '@context': [V2],
        type: ['VerifiablePresentation'],
        verifiableCredential: [credential],
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<Verification>().warnings).toEqual([
        'The presentation has no proof, so who presented it was not checked.',
      ]);
    });
  });

  it('the OpenAPI document lists the VC API routes under their own tag', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    for (const path of [
      '/credentials/issue',
      '/credentials/verify',
      '/credentials/status',
      '/presentations/verify',
    ])
      expect(document.paths[path]?.['post']?.tags).toEqual(['VC API']);
  });
});
