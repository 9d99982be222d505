import {
  CERTIFICATE_NAMES,
  OB_V3_CONTEXT,
  VC_V2_CONTEXT,
  identityHash,
  type CertificateKind,
} from './achievement-credential-model.ts';

/**
 * The learner's side of a credential, pure: what a signed credential says in plain facts, how it
 * stands (valid, suspended, revoked), how it is shared (verification page, LinkedIn), and the CLR
 * 2.0 transcript that gathers a learner's credentials from one institution. Ids, salts and dates
 * come from the caller, so the same inputs always give the same output.
 */

export const CLR_V2_CONTEXT_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';

// ---- What a credential says ---------------------------------------------------------------------

export interface CredentialFacts {
  /** "Certificate of study" or "Certificate of attendance". */
  kindName: string;
  title: string;
  moduleCode: string | null;
  scqfLevel: number | null;
  /** Credits the micro-credential carries (SCQF). */
  scqfCredits: number | null;
  /** Credits this learner earned; null for a certificate of attendance. */
  creditsEarned: number | null;
  notionalHours: number | null;
  institutionName: string | null;
  /** ISO date the learner completed the course. */
  completedOn: string | null;
  /** For example "Passed, mark 72%" or "Attended". */
  result: string | null;
}

type Json = Record<string, unknown>;

function objectOf(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
}

function stringOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function kindNameOf(kind: string): string {
  return CERTIFICATE_NAMES[kind as CertificateKind] ?? 'Credential';
}

function resultOf(kind: string, results: unknown): string | null {
  const outcome = kind === 'certificate-of-attendance' ? 'Attended' : 'Passed';
  const entries = (Array.isArray(results) ? results : []).map(objectOf);
  const details = entries.flatMap((entry) => {
    const description = String(entry['resultDescription'] ?? '');
    const value = stringOf(entry['value']);
    if (value === null) return [];
    if (description.endsWith('-mark')) return [`mark ${value}%`];
    if (description.endsWith('-grade')) return [`grade ${value}`];
    return [value];
  });
  return [outcome, ...details].join(', ');
}

/**
 * Reads the facts a learner (or the certificate) shows from the signed credential itself, the
 * one source of truth: the hub's own rows hold only what issuing and status need.
 */
export function credentialFacts(signedJson: string, kind: string): CredentialFacts {
  let credential: Json;
  try {
    credential = objectOf(JSON.parse(signedJson));
  } catch {
    credential = {};
  }
  const subject = objectOf(credential['credentialSubject']);
  const achievement = objectOf(subject['achievement']);
  const scqfAlignment = (Array.isArray(achievement['alignment']) ? achievement['alignment'] : [])
    .map(objectOf)
    .find((alignment) => alignment['targetType'] === 'ext:SCQFLevel');
  const completed = stringOf(subject['activityEndDate']);
  return {
    kindName: kindNameOf(kind),
    title: stringOf(achievement['name']) ?? stringOf(credential['name']) ?? 'Credential',
    moduleCode: stringOf(achievement['humanCode']),
    scqfLevel: numberOf(achievement['scqfLevel']) ?? numberOf(scqfAlignment?.['targetCode']),
    scqfCredits: numberOf(achievement['creditsAvailable']),
    creditsEarned: numberOf(subject['creditsEarned']),
    notionalHours: numberOf(achievement['notionalHours']),
    institutionName: stringOf(objectOf(credential['issuer'])['name']),
    completedOn: completed ? completed.slice(0, 10) : null,
    result: resultOf(kind, subject['result']),
  };
}

// ---- How a credential stands --------------------------------------------------------------------

export type CredentialStanding = 'valid' | 'suspended' | 'revoked' | 'expired';

export const STANDING_LABELS: Record<CredentialStanding, string> = {
  valid: 'Valid',
  suspended: 'Suspended',
  revoked: 'Revoked',
  expired: 'Expired',
};

export function standingOf(
  credential: { revokedAt: Date | null; suspended: boolean; validUntil: Date | null },
  now: Date,
): CredentialStanding {
  if (credential.revokedAt) return 'revoked';
  if (credential.suspended) return 'suspended';
  if (credential.validUntil && credential.validUntil < now) return 'expired';
  return 'valid';
}

// ---- Sharing ------------------------------------------------------------------------------------

/** The public page where anyone checks a claimed credential; the PDF's QR code points here too. */
export function verificationUrl(publicUrl: string, credentialId: string): string {
  return `${publicUrl}/verify?credential=${encodeURIComponent(credentialId)}`;
}

/**
 * LinkedIn's documented "Add to profile" link for a licence or certification: the learner's own
 * profile form opens prefilled, and the credential URL lets viewers check it.
 */
export function linkedInAddUrl(share: {
  title: string;
  organizationName: string;
  issuedAt: Date;
  verificationUrl: string;
  credentialId: string;
}): string {
  const query = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: share.title,
    organizationName: share.organizationName,
    issueYear: String(share.issuedAt.getUTCFullYear()),
    issueMonth: String(share.issuedAt.getUTCMonth() + 1),
    certUrl: share.verificationUrl,
    certId: share.credentialId,
  });
  return `https://www.linkedin.com/profile/add?${query.toString()}`;
}

/** A download name that every file system and browser accepts. */
export function downloadName(parts: (string | null)[], extension: string): string {
  const base = parts
    .filter((part): part is string => part !== null && part !== '')
    .join('-')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80);
  return `${base || 'credential'}.${extension}`;
}

// ---- The CLR 2.0 transcript ---------------------------------------------------------------------

/**
 * Terms the Open Badges 3.0 context defines for an Achievement. The transcript's own contexts are
 * the VC, CLR and OB ones only, and JSON-LD safe mode refuses undefined terms: the hub's extension
 * terms stay in each embedded credential (under that credential's own contexts), not in the
 * transcript's achievement list.
 */
const OB3_ACHIEVEMENT_TERMS = new Set([
  'id',
  'type',
  'achievementType',
  'name',
  'description',
  'criteria',
  'creditsAvailable',
  'humanCode',
  'fieldOfStudy',
  'inLanguage',
  'version',
  'alignment',
  'resultDescription',
  'creator',
  'image',
  'tag',
  'specialization',
  'otherIdentifier',
  'related',
  'endorsement',
]);

export function transcriptAchievement(achievement: Json): Json {
  return Object.fromEntries(Object.entries(achievement).filter(([term]) => OB3_ACHIEVEMENT_TERMS.has(term)));
}

export interface TranscriptFacts {
  /** urn:uuid:… */
  transcriptId: string;
  /** The institution's OB3 Profile (the issuer of every embedded credential). */
  issuer: { id: string; type: string[]; name: string; url: string };
  validFrom: string;
  learner: { name: string | null; emails: string[] };
  /** Salt for the hashed email addresses; new for each transcript. */
  identitySalt: string;
  /** The signed credentials, each exactly as issued, proof included. */
  credentials: Json[];
}

/** An unsigned CLR 2.0 ClrCredential of one learner's credentials from one institution. */
export function buildTranscript(facts: TranscriptFacts) {
  const achievements = new Map<string, Json>();
  for (const credential of facts.credentials) {
    const achievement = objectOf(objectOf(credential['credentialSubject'])['achievement']);
    const id = stringOf(achievement['id']);
    if (id && !achievements.has(id)) achievements.set(id, transcriptAchievement(achievement));
  }
  const emails = [...new Set(facts.learner.emails.map((email) => email.trim().toLowerCase()))].sort();
  const identifier: Json[] = [
    ...emails.map((email) => ({
      type: 'IdentityObject',
      identityHash: identityHash(email, facts.identitySalt),
      identityType: 'emailAddress',
      hashed: true,
      salt: facts.identitySalt,
    })),
    ...(facts.learner.name
      ? [{ type: 'IdentityObject', identityHash: facts.learner.name, identityType: 'name', hashed: false }]
      : []),
  ];
  const count = facts.credentials.length;
  return {
    '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT_URL, OB_V3_CONTEXT],
    id: facts.transcriptId,
    type: ['VerifiableCredential', 'ClrCredential'],
    name: `Transcript: ${facts.issuer.name}`,
    description: `${facts.learner.name ?? 'The learner'}'s ${count === 1 ? 'credential' : `${count} credentials`} from ${facts.issuer.name}, each with its own proof.`,
    issuer: facts.issuer,
    validFrom: facts.validFrom,
    credentialSubject: {
      type: ['ClrSubject'],
      ...(identifier.length > 0 ? { identifier } : {}),
      verifiableCredential: facts.credentials,
      achievement: [...achievements.values()],
    },
  };
}

export type UnsignedTranscript = ReturnType<typeof buildTranscript>;
