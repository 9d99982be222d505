import { describe, expect, it } from 'vitest';
import * as base58 from 'base58-universal';
import {
  credentialProblemsOf,
  credentialRowIdOf,
  isDateTimeStamp,
  presentationProblemsOf,
  proofProblemsOf,
  requestedStatusPurposes,
  titleOf,
  type ProofExpectations,
} from './vc-api-model.ts';

const V2 = 'https://www.w3.org/ns/credentials/v2';

function aCredential(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': [V2],
    id: 'urn:uuid:3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
    type: ['VerifiableCredential'],
    issuer: 'did:web:hub.test:issuers:test-university',
    credentialSubject: { id: 'did:example:learner' },
    ...overrides,
  };
}

const fieldsOf = (credential: unknown) => credentialProblemsOf(credential).map((problem) => problem.field);

describe('credentialProblemsOf', () => {
  it('a well-formed credential has no problems', () => {
    expect(credentialProblemsOf(aCredential())).toEqual([]);
  });

  it('accepts what the data model allows: a single context string, several subjects, an issuer object, language values', () => {
    expect(
      credentialProblemsOf(
        aCredential({
          '@context': V2,
          credentialSubject: [{ id: 'did:example:a' }, { name: 'B' }],
          issuer: { id: 'did:key:z6MkExample', name: { '@value': 'Université', '@language': 'fr' } },
          name: [
            { '@value': 'Data skills', '@language': 'en' },
            { '@value': 'Sgilean dàta', '@language': 'gd', '@direction': 'ltr' },
          ],
          validFrom: '2026-01-01T00:00:00.5-06:00',
          validUntil: '2026-01-01T07:00:00Z',
          credentialStatus: { type: 'BitstringStatusListEntry' },
          credentialSchema: [{ id: 'https://example.org/schema.json', type: 'JsonSchema' }],
        }),
      ),
    ).toEqual([]);
  });

  it('something other than an object is refused as a whole', () => {
    for (const value of [null, 'text', 42, []])
      expect(credentialProblemsOf(value)).toEqual([
        { field: '', message: 'The credential must be a JSON object' },
      ]);
  });

  it.each([
    ['missing', undefined, '@context'],
    ['starting with another context', ['https://www.w3.org/2018/credentials/v1'], '@context'],
    ['empty', [], '@context'],
    ['with a number', [V2, 1], '@context[1]'],
    ['with text that is not a URL', [V2, 'examples v2'], '@context[1]'],
    ['with null', [V2, null], '@context[1]'],
  ])('an @context %s is named', (_case, context, field) => {
    expect(fieldsOf(aCredential({ '@context': context }))).toEqual([field]);
  });

  it.each([
    ['missing', undefined],
    ['without VerifiableCredential', ['OpenBadgeCredential']],
    ['with an empty name', ['VerifiableCredential', '']],
    ['that is not text', ['VerifiableCredential', 7]],
  ])('a type %s is named', (_case, type) => {
    expect(fieldsOf(aCredential({ type }))).toEqual(['type']);
  });

  it.each([
    ['null', null],
    ['not a URL', 'credential 1'],
    ['several values', ['urn:uuid:a', 'urn:uuid:b']],
    ['a URL with a space', 'https ://example.org/1'],
  ])('an id that is %s is named', (_case, id) => {
    expect(fieldsOf(aCredential({ id }))).toEqual(['id']);
  });

  it.each([
    ['missing', undefined, 'issuer'],
    ['null', null, 'issuer'],
    ['not a URL', 'Test University', 'issuer'],
    ['several', ['did:example:a', 'did:example:b'], 'issuer'],
    ['an object without id', { name: 'Test University' }, 'issuer.id'],
    ['an object whose id is not a URL', { id: 'Test University' }, 'issuer.id'],
    [
      'an object whose name has extra members',
      { id: 'did:example:a', name: { '@value': 'A', x: 1 } },
      'issuer.name',
    ],
  ])('an issuer that is %s is named', (_case, issuer, field) => {
    expect(fieldsOf(aCredential({ issuer }))).toEqual([field]);
  });

  it.each([
    ['missing', undefined, 'credentialSubject'],
    ['empty', {}, 'credentialSubject'],
    ['an empty list', [], 'credentialSubject'],
    ['a list with an empty subject', [{ id: 'did:example:a' }, {}], 'credentialSubject[1]'],
    ['text', 'did:example:a', 'credentialSubject'],
    ['a subject with several ids', { id: ['did:example:a', 'did:example:b'] }, 'credentialSubject.id'],
    ['a subject whose id is not a URL', { id: 'learner 1' }, 'credentialSubject.id'],
  ])('a credentialSubject that is %s is named', (_case, credentialSubject, field) => {
    expect(fieldsOf(aCredential({ credentialSubject }))).toEqual([field]);
  });

  it('validFrom and validUntil must be date-times with a time zone, and in order', () => {
    expect(fieldsOf(aCredential({ validFrom: '2026-02-30T00:00:00Z' }))).toEqual(['validFrom']);
    expect(fieldsOf(aCredential({ validFrom: '2026-01-01' }))).toEqual(['validFrom']);
    expect(fieldsOf(aCredential({ validUntil: 'Sun, 26 Feb 2023 01:22:14 +0000' }))).toEqual(['validUntil']);
    expect(
      credentialProblemsOf(
        aCredential({ validFrom: '2026-01-02T00:00:00Z', validUntil: '2026-01-01T00:00:00Z' }),
      ),
    ).toEqual([{ field: 'validUntil', message: "'validUntil' must not be before 'validFrom'" }]);
    // The same instant in two time zones is in order.
    expect(
      credentialProblemsOf(
        aCredential({ validFrom: '2023-02-26T01:21:23Z', validUntil: '2023-02-25T19:21:29-06:00' }),
      ),
    ).toEqual([]);
  });

  it.each(['credentialStatus', 'termsOfUse', 'evidence', 'refreshService', 'credentialSchema'])(
    'a %s entry without type is named',
    (name) => {
      const entry = { id: 'https://example.org/thing/1' };
      expect(fieldsOf(aCredential({ [name]: entry }))).toEqual([`${name}.type`]);
      expect(fieldsOf(aCredential({ [name]: [{ ...entry, type: 'Thing' }, entry] }))).toEqual([
        `${name}[1].type`,
      ]);
    },
  );

  it('a credentialStatus id must be one URL; a credentialSchema needs an id', () => {
    expect(fieldsOf(aCredential({ credentialStatus: { type: 'X', id: 'status 1' } }))).toEqual([
      'credentialStatus.id',
    ]);
    expect(fieldsOf(aCredential({ credentialStatus: { type: 'X', id: ['urn:a', 'urn:b'] } }))).toEqual([
      'credentialStatus.id',
    ]);
    expect(fieldsOf(aCredential({ credentialSchema: { type: 'JsonSchema' } }))).toEqual([
      'credentialSchema.id',
    ]);
  });

  it('name and description must be text or plain language value objects', () => {
    expect(fieldsOf(aCredential({ name: { '@value': 'A', '@language': 'en', extra: true } }))).toEqual([
      'name',
    ]);
    expect(fieldsOf(aCredential({ description: 42 }))).toEqual(['description']);
  });

  it('lists every problem at once', () => {
    expect(fieldsOf({ '@context': [V2], id: null })).toEqual(['type', 'id', 'issuer', 'credentialSubject']);
  });
});

describe('proofProblemsOf', () => {
  const proofValue = `z${base58.encode(new Uint8Array(64).fill(1))}`;
  const proof = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: '2026-11-23T09:00:00Z',
    verificationMethod: 'did:key:z6MkExample#z6MkExample',
    proofPurpose: 'assertionMethod',
    proofValue,
  };
  const expectations: ProofExpectations = {
    proofPurpose: 'assertionMethod',
    cryptosuites: ['eddsa-rdfc-2022'],
  };
  const fields = (
    changed: Record<string, unknown> | null | undefined,
    more: Partial<ProofExpectations> = {},
  ) =>
    proofProblemsOf(aCredential({ proof: changed }), { ...expectations, ...more }).map(
      (problem) => problem.field,
    );

  it('a well-formed proof has no problems', () => {
    expect(fields(proof)).toEqual([]);
    expect(
      fields(
        { ...proof, domain: 'verifier.example', challenge: 'c1' },
        { domain: 'verifier.example', challenge: 'c1' },
      ),
    ).toEqual([]);
  });

  it('no proof, or a null one, is named', () => {
    expect(proofProblemsOf(aCredential(), expectations)).toEqual([
      { field: 'proof', message: 'There is no proof: the document was never signed' },
    ]);
    expect(fields(null)).toEqual(['proof']);
  });

  it.each([
    ['no type', { type: undefined }, 'proof.type'],
    ['another type', { type: 'Ed25519Signature2020' }, 'proof.type'],
    ['another cryptosuite', { cryptosuite: 'eddsa-jcs-2022' }, 'proof.cryptosuite'],
    ['no verificationMethod', { verificationMethod: undefined }, 'proof.verificationMethod'],
    ['a verificationMethod that is not a URL', { verificationMethod: 'key one' }, 'proof.verificationMethod'],
    ['no proofPurpose', { proofPurpose: undefined }, 'proof.proofPurpose'],
    ['another proofPurpose', { proofPurpose: 'authentication' }, 'proof.proofPurpose'],
    ['no proofValue', { proofValue: undefined }, 'proof.proofValue'],
    ['a proofValue without the z prefix', { proofValue: proofValue.slice(1) }, 'proof.proofValue'],
    ['a proofValue that is not base58', { proofValue: 'z0OIl' }, 'proof.proofValue'],
    [
      'a proofValue of 96 bytes',
      { proofValue: `z${base58.encode(new Uint8Array(96).fill(1))}` },
      'proof.proofValue',
    ],
    ['a created date without a time zone', { created: '2026-11-23T09:00:00' }, 'proof.created'],
    ['an expires date that is not a date', { expires: 'tomorrow' }, 'proof.expires'],
    ['a challenge that is not text', { challenge: 42 }, 'proof.challenge'],
  ])('%s is named', (_case, change, field) => {
    expect(fields({ ...proof, ...change })).toEqual([field]);
  });

  it('when the caller expects another purpose, domain or challenge, the proof is refused', () => {
    expect(fields(proof, { expectedProofPurpose: 'authentication' })).toEqual(['proof.proofPurpose']);
    expect(fields(proof, { domain: 'verifier.example' })).toEqual(['proof.domain']);
    expect(fields({ ...proof, challenge: 'c1' }, { challenge: 'c2' })).toEqual(['proof.challenge']);
  });

  it('each proof of a set is checked, and named by its position', () => {
    expect(
      proofProblemsOf(aCredential({ proof: [proof, { ...proof, proofValue: 'x' }] }), expectations).map(
        (p) => p.field,
      ),
    ).toEqual(['proof[1].proofValue']);
  });
});

describe('presentationProblemsOf', () => {
  const holder = 'did:key:z6MkHolder';
  const presentation = (overrides: Record<string, unknown> = {}) => ({
    '@context': [V2],
    type: ['VerifiablePresentation'],
    holder,
    verifiableCredential: [aCredential()],
    proof: { verificationMethod: `${holder}#z6MkHolder` },
    ...overrides,
  });
  const fields = (value: unknown) => presentationProblemsOf(value).map((problem) => problem.field);

  it('a well-formed presentation has no problems; holder may be a URL or an object with id', () => {
    expect(fields(presentation())).toEqual([]);
    expect(fields(presentation({ holder: { id: holder } }))).toEqual([]);
    expect(fields(presentation({ holder: undefined, verifiableCredential: undefined }))).toEqual([]);
  });

  it.each([
    ['no @context', { '@context': undefined }, '@context'],
    ['a first context that is not VC 2.0', { '@context': ['https://example.org/ctx'] }, '@context'],
    ['no type', { type: undefined }, 'type'],
    ['a type without VerifiablePresentation', { type: ['VerifiableCredential'] }, 'type'],
    ['a holder object without id', { holder: { name: 'Ailsa' } }, 'holder'],
    ['a credential that is not an object', { verifiableCredential: ['text'] }, 'verifiableCredential[0]'],
  ])('%s is named', (_case, change, field) => {
    expect(fields(presentation(change))).toEqual([field]);
  });

  it("a credential issued by the presentation's own signer needs that signer as holder", () => {
    const selfIssued = aCredential({ issuer: holder });
    expect(fields(presentation({ verifiableCredential: [selfIssued] }))).toEqual([]);
    expect(fields(presentation({ verifiableCredential: [selfIssued], holder: undefined }))).toEqual([
      'verifiableCredential[0]',
    ]);
    expect(fields(presentation({ verifiableCredential: selfIssued, holder: 'did:example:other' }))).toEqual([
      'verifiableCredential',
    ]);
  });
});

describe('credentialRowIdOf', () => {
  const uuid = '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

  it('a urn:uuid id, or the bare uuid, is the row id itself', () => {
    expect(credentialRowIdOf('institution-1', `urn:uuid:${uuid}`)).toBe(uuid);
    expect(credentialRowIdOf('institution-1', uuid.toUpperCase())).toBe(uuid);
  });

  it('another id gives the same uuid every time, different per institution', () => {
    const id = 'https://test-university.example/credentials/3732';
    const derived = credentialRowIdOf('institution-1', id);
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(credentialRowIdOf('institution-1', id)).toBe(derived);
    expect(credentialRowIdOf('institution-2', id)).not.toBe(derived);
  });
});

describe('small rules', () => {
  it('isDateTimeStamp needs a time zone and a real date', () => {
    expect(isDateTimeStamp('2026-11-23T09:00:00Z')).toBe(true);
    expect(isDateTimeStamp('2026-11-23T09:00:00.123+01:00')).toBe(true);
    expect(isDateTimeStamp('2026-11-23T09:00:00')).toBe(false);
    expect(isDateTimeStamp('2026-13-01T00:00:00Z')).toBe(false);
    expect(isDateTimeStamp(20261123)).toBe(false);
  });

  it('status entries: revocation by default, the purposes named otherwise, none when not asked', () => {
    expect(requestedStatusPurposes(undefined)).toEqual([]);
    expect(requestedStatusPurposes({})).toEqual(['revocation']);
    expect(requestedStatusPurposes({ statusPurpose: 'suspension' })).toEqual(['suspension']);
    expect(requestedStatusPurposes({ statusPurpose: ['revocation', 'suspension', 'revocation'] })).toEqual([
      'revocation',
      'suspension',
    ]);
  });

  it('a title is the name, else the most specific type', () => {
    expect(titleOf(aCredential({ name: '  Data skills ' }))).toBe('Data skills');
    expect(titleOf(aCredential({ name: [{ '@value': 'Sgilean dàta', '@language': 'gd' }] }))).toBe(
      'Sgilean dàta',
    );
    expect(titleOf(aCredential({ type: ['VerifiableCredential', 'OpenBadgeCredential'] }))).toBe(
      'OpenBadgeCredential',
    );
    expect(titleOf(aCredential())).toBe('Verifiable credential');
  });
});
