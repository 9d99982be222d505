/**
 * How a verification is judged and said in plain words. The service gathers the facts (was the
 * proof valid, is the issuer registered, what do the status lists say); this decides the one
 * outcome a person sees first and the wording of each check. Pure.
 */

export type Verdict =
  | 'valid'
  | 'tampered'
  | 'revoked'
  | 'suspended'
  | 'expired'
  | 'not-yet-valid'
  | 'unknown-issuer'
  | 'malformed';

export type CheckState = 'passed' | 'failed' | 'not-checked';

export interface Check {
  name: 'structure' | 'signature' | 'issuer' | 'status' | 'dates';
  label: string;
  state: CheckState;
  message: string;
}

export const VERDICTS: Record<Verdict, { title: string; explanation: string; isGood: boolean }> = {
  valid: {
    title: 'Valid credential',
    explanation: 'The credential is genuine, unchanged, current and issued by a registered institution.',
    isGood: true,
  },
  tampered: {
    title: 'Tampered: do not trust this credential',
    explanation: 'The signature does not match the content: something was changed after it was issued.',
    isGood: false,
  },
  revoked: {
    title: 'Revoked',
    explanation: 'The issuer has withdrawn this credential. It is no longer valid.',
    isGood: false,
  },
  suspended: {
    title: 'Suspended',
    explanation: 'The issuer has suspended this credential for now. It is not valid while suspended.',
    isGood: false,
  },
  expired: {
    title: 'Expired',
    explanation: 'The credential was genuine but its validity period has ended.',
    isGood: false,
  },
  'not-yet-valid': {
    title: 'Not yet valid',
    explanation: 'The credential is genuine but its validity period has not started yet.',
    isGood: false,
  },
  'unknown-issuer': {
    title: 'Unknown issuer',
    explanation:
      'The signature could be checked, but the issuer is not an institution registered with the hub, or its keys could not be found.',
    isGood: false,
  },
  malformed: {
    title: 'Not a credential the hub can read',
    explanation: 'This is not a well-formed verifiable credential.',
    isGood: false,
  },
};

export interface VerificationFacts {
  structureProblems: string[];
  /** null: the signature could not be checked (issuer keys not found). */
  signatureValid: boolean | null;
  signatureProblem: string | null;
  issuerRegistered: boolean;
  issuerName: string | null;
  issuerId: string | null;
  status: { purpose: string; set: boolean | null; problem: string | null }[];
  validFrom: string | null;
  validUntil: string | null;
  now: Date;
}

export function dateState(facts: Pick<VerificationFacts, 'validFrom' | 'validUntil' | 'now'>) {
  const now = facts.now.getTime();
  if (facts.validFrom && Date.parse(facts.validFrom) > now) return 'not-yet-valid' as const;
  if (facts.validUntil && Date.parse(facts.validUntil) < now) return 'expired' as const;
  return 'current' as const;
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Formatting a date costs more than checking a signature; credentials share a handful of dates. */
const longDates = new Map<string, string>();

function longDate(iso: string): string {
  const known = longDates.get(iso);
  if (known !== undefined) return known;
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : LONG_DATE.format(date);
  if (longDates.size > 10_000) longDates.clear();
  longDates.set(iso, text);
  return text;
}

export function judge(facts: VerificationFacts): { verdict: Verdict; checks: Check[] } {
  const checks: Check[] = [];
  const structureOk = facts.structureProblems.length === 0;
  checks.push({
    name: 'structure',
    label: 'Structure',
    state: structureOk ? 'passed' : 'failed',
    message: structureOk
      ? 'It is a well-formed verifiable credential (W3C VC Data Model 2.0).'
      : facts.structureProblems.join(' '),
  });
  if (!structureOk) return { verdict: 'malformed', checks };

  checks.push({
    name: 'signature',
    label: 'Signature',
    state:
      facts.signatureValid === true ? 'passed' : facts.signatureValid === false ? 'failed' : 'not-checked',
    message:
      facts.signatureValid === true
        ? 'The signature matches the content: nothing has been changed since it was signed.'
        : facts.signatureValid === false
          ? `The signature does not match: the credential has been changed since it was signed. ${facts.signatureProblem ?? ''}`.trim()
          : `The signature could not be checked: ${facts.signatureProblem ?? 'the issuer’s keys could not be found.'}`,
  });

  checks.push({
    name: 'issuer',
    label: 'Issuer',
    state: facts.issuerRegistered ? 'passed' : 'failed',
    message: facts.issuerRegistered
      ? `Issued by ${facts.issuerName ?? facts.issuerId}, an institution registered with the hub.`
      : `${facts.issuerName ? `${facts.issuerName} (${facts.issuerId})` : (facts.issuerId ?? 'The issuer')} is not an institution registered with the hub.`,
  });

  const revoked = facts.status.find((entry) => entry.purpose === 'revocation' && entry.set === true);
  const suspended = facts.status.find((entry) => entry.purpose === 'suspension' && entry.set === true);
  const statusProblem = facts.status.find((entry) => entry.problem !== null);
  checks.push({
    name: 'status',
    label: 'Status',
    state:
      facts.status.length === 0 ? 'not-checked' : revoked || suspended || statusProblem ? 'failed' : 'passed',
    message:
      facts.status.length === 0
        ? 'The credential has no status list, so it cannot be revoked or suspended.'
        : revoked
          ? 'The issuer has revoked it.'
          : suspended
            ? 'The issuer has suspended it.'
            : statusProblem
              ? `Its status could not be read: ${statusProblem.problem}`
              : 'Not revoked and not suspended.',
  });

  const dates = dateState(facts);
  checks.push({
    name: 'dates',
    label: 'Validity dates',
    state: dates === 'current' ? 'passed' : 'failed',
    message:
      dates === 'not-yet-valid'
        ? `Not valid until ${longDate(facts.validFrom ?? '')}.`
        : dates === 'expired'
          ? `Expired on ${longDate(facts.validUntil ?? '')}.`
          : `Valid from ${facts.validFrom ? longDate(facts.validFrom) : 'issue'}${facts.validUntil ? ` until ${longDate(facts.validUntil)}` : ', with no end date'}.`,
  });

  let verdict: Verdict = 'valid';
  if (facts.signatureValid === false) verdict = 'tampered';
  else if (facts.signatureValid === null) verdict = 'unknown-issuer';
  else if (revoked) verdict = 'revoked';
  else if (suspended) verdict = 'suspended';
  else if (dates === 'expired') verdict = 'expired';
  else if (dates === 'not-yet-valid') verdict = 'not-yet-valid';
  else if (!facts.issuerRegistered) verdict = 'unknown-issuer';
  return { verdict, checks };
}

/** Structural checks a person can act on, before any cryptography. */
export function structureProblemsOf(document: unknown): string[] {
  if (!document || typeof document !== 'object' || Array.isArray(document))
    return ['It is not a JSON object: paste the whole credential, starting with { and ending with }.'];
  const credential = document as Record<string, unknown>;
  const problems: string[] = [];
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== 'https://www.w3.org/ns/credentials/v2')
    problems.push('Its "@context" must be a list starting with https://www.w3.org/ns/credentials/v2.');
  const type = credential['type'];
  if (!Array.isArray(type) || !type.includes('VerifiableCredential'))
    problems.push('Its "type" must include VerifiableCredential.');
  const issuer = credential['issuer'];
  const issuerId = typeof issuer === 'string' ? issuer : (issuer as { id?: unknown } | undefined)?.id;
  if (typeof issuerId !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(issuerId))
    problems.push('It must name its issuer with a URL or DID in "issuer".');
  if (!credential['credentialSubject']) problems.push('It has no "credentialSubject".');
  if (!credential['proof']) problems.push('It has no "proof": it was never signed.');
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = credential[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value))))
      problems.push(`Its "${field}" is not a date and time.`);
  }
  return problems;
}

export function issuerIdOf(document: Record<string, unknown>): string | null {
  const issuer = document['issuer'];
  if (typeof issuer === 'string') return issuer;
  const id = (issuer as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
}
