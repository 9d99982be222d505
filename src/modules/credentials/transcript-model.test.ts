import { describe, expect, it } from 'vitest';
import { identityHash } from './achievement-credential-model.ts';
import {
  buildTranscript,
  credentialFacts,
  downloadName,
  linkedInAddUrl,
  standingOf,
  transcriptAchievement,
  verificationUrl,
} from './transcript-model.ts';

function aSignedCredential(overrides: { mark?: string; grade?: string; id?: string } = {}) {
  const achievementId = overrides.id ?? 'http://hub.test/micro-credentials/data-skills/versions/1';
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: 'urn:uuid:5f0c6d1e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'AchievementCredential'],
    name: 'Certificate of study: Data skills',
    issuer: { id: 'did:web:hub.test:issuers:test-university', type: ['Profile'], name: 'Test University' },
    validFrom: '2026-11-23T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: achievementId,
        type: ['Achievement'],
        name: 'Data skills',
        humanCode: 'TU0001',
        creditsAvailable: 10,
        alignment: [{ type: ['Alignment'], targetType: 'ext:SCQFLevel', targetCode: '7' }],
        scqfLevel: 7,
        notionalHours: 100,
        ectsCredits: 5,
      },
      creditsEarned: 10,
      result: [
        ...(overrides.mark
          ? [{ type: ['Result'], resultDescription: `${achievementId}#result-mark`, value: overrides.mark }]
          : []),
        ...(overrides.grade
          ? [{ type: ['Result'], resultDescription: `${achievementId}#result-grade`, value: overrides.grade }]
          : []),
      ],
      activityEndDate: '2026-11-13T00:00:00Z',
    },
    proof: { type: 'DataIntegrityProof', proofValue: 'z123' },
  };
}

describe('credentialFacts', () => {
  it('reads title, code, SCQF level and credits, completion and result from the signed credential', () => {
    const facts = credentialFacts(JSON.stringify(aSignedCredential({ mark: '72' })), 'certificate-of-study');
    expect(facts).toEqual({
      kindName: 'Certificate of study',
      title: 'Data skills',
      moduleCode: 'TU0001',
      scqfLevel: 7,
      scqfCredits: 10,
      creditsEarned: 10,
      notionalHours: 100,
      institutionName: 'Test University',
      completedOn: '2026-11-13',
      result: 'Passed, mark 72%',
    });
  });

  it('says "Attended" for a certificate of attendance and names a grade', () => {
    const facts = credentialFacts(
      JSON.stringify(aSignedCredential({ grade: 'Merit' })),
      'certificate-of-attendance',
    );
    expect(facts.kindName).toBe('Certificate of attendance');
    expect(facts.result).toBe('Attended, grade Merit');
  });

  it('falls back to the SCQF alignment when the extension term is missing', () => {
    const credential = aSignedCredential();
    delete (credential.credentialSubject.achievement as { scqfLevel?: number }).scqfLevel;
    expect(credentialFacts(JSON.stringify(credential), 'certificate-of-study').scqfLevel).toBe(7);
  });

  it('does not throw on text that is not JSON', () => {
    expect(credentialFacts('not json', 'certificate-of-study').title).toBe('Credential');
  });
});

describe('standingOf', () => {
  const now = new Date('2026-11-23T09:00:00Z');
  it('puts revoked before suspended, and suspended before expired', () => {
    const past = new Date('2026-01-01T00:00:00Z');
    expect(standingOf({ revokedAt: past, suspended: true, validUntil: past }, now)).toBe('revoked');
    expect(standingOf({ revokedAt: null, suspended: true, validUntil: past }, now)).toBe('suspended');
    expect(standingOf({ revokedAt: null, suspended: false, validUntil: past }, now)).toBe('expired');
    expect(standingOf({ revokedAt: null, suspended: false, validUntil: null }, now)).toBe('valid');
  });
});

describe('sharing', () => {
  it('builds the LinkedIn add-certification link with every field LinkedIn prefills', () => {
    const verifyAt = verificationUrl('http://hub.test', 'abc-123');
    const url = new URL(
      linkedInAddUrl({
        title: 'Data skills & analysis',
        organizationName: 'Test University',
        issuedAt: new Date('2026-11-23T09:00:00Z'),
        verificationUrl: verifyAt,
        credentialId: 'abc-123',
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Data skills & analysis',
      organizationName: 'Test University',
      issueYear: '2026',
      issueMonth: '11',
      certUrl: 'http://hub.test/verify?credential=abc-123',
      certId: 'abc-123',
    });
  });

  it('makes file names from plain letters and digits only', () => {
    expect(downloadName(['TU0001', 'Zoë’s "data" skills'], 'json')).toBe('tu0001-zoe-s-data-skills.json');
    expect(downloadName([null, ''], 'pdf')).toBe('credential.pdf');
  });
});

describe('buildTranscript', () => {
  const issuer = {
    id: 'did:web:hub.test:issuers:test-university',
    type: ['Profile'],
    name: 'Test University',
    url: 'http://hub.test/institutions/test-university',
  };
  const first = aSignedCredential({ mark: '72' });
  const second = aSignedCredential({ id: 'http://hub.test/micro-credentials/safe-lifting/versions/2' });
  const transcript = buildTranscript({
    transcriptId: 'urn:uuid:00000000-0000-4000-8000-000000000000',
    issuer,
    validFrom: '2026-11-23T09:00:00Z',
    learner: { name: 'Zoë Learner', emails: ['Zoe@Example.org', 'zoe@example.org'] },
    identitySalt: 'salt',
    credentials: [first, second, aSignedCredential({ mark: '80' })],
  });

  it('is a ClrCredential issued by the institution with the CLR 2.0 contexts in order', () => {
    expect(transcript['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(transcript.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(transcript.name).toBe('Transcript: Test University');
    expect(transcript.issuer).toEqual(issuer);
    expect(transcript.credentialSubject.type).toEqual(['ClrSubject']);
  });

  it('embeds each credential unchanged, proof included', () => {
    expect(transcript.credentialSubject.verifiableCredential[0]).toEqual(first);
    expect(transcript.credentialSubject.verifiableCredential[0]).toHaveProperty('proof');
  });

  it('lists each achievement once, with only the terms the Open Badges context defines', () => {
    const achievements = transcript.credentialSubject.achievement;
    expect(achievements.map((achievement) => achievement['id'])).toEqual([
      'http://hub.test/micro-credentials/data-skills/versions/1',
      'http://hub.test/micro-credentials/safe-lifting/versions/2',
    ]);
    expect(achievements[0]).not.toHaveProperty('scqfLevel');
    expect(achievements[0]).not.toHaveProperty('ectsCredits');
    expect(achievements[0]).toMatchObject({ humanCode: 'TU0001', creditsAvailable: 10 });
    expect(transcriptAchievement({ name: 'x', notionalHours: 3 })).toEqual({ name: 'x' });
  });

  it('identifies the learner by a salted hash of each email address, written once', () => {
    expect(transcript.credentialSubject.identifier).toEqual([
      {
        type: 'IdentityObject',
        identityHash: identityHash('zoe@example.org', 'salt'),
        identityType: 'emailAddress',
        hashed: true,
        salt: 'salt',
      },
      { type: 'IdentityObject', identityHash: 'Zoë Learner', identityType: 'name', hashed: false },
    ]);
  });
});
