/**
 * What the W3C VC API refuses before any cryptography: credentials an issuer must not sign,
 * proofs a verifier must not trust, presentations that are not well formed. The rules come from
 * the VC Data Model 2.0 and Data Integrity specifications, as the W3C test suites check them
 * (docs/vc-api-conformance-notes.md). Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import * as base58 from 'base58-universal';
import { VC_V2_CONTEXT } from './achievement-credential-model.ts';

/** One thing wrong, at a path inside the document (`credentialSubject[1].id`); '' is the whole. */
export interface DocumentProblem {
  field: string;
  message: string;
}

export type StatusPurpose = 'revocation' | 'suspension';

/** The cryptosuite the hub signs with, and the only one it verifies credentials with. */
export const CRYPTOSUITE = 'eddsa-rdfc-2022';
/**
 * The draft name of the same algorithm. The VC Data Model test suite still signs its
 * presentations with it, so presentation proofs accept it too.
 */
export const LEGACY_CRYPTOSUITE = 'eddsa-2022';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A URL in the VC Data Model's sense: any absolute URL, DIDs and urn:uuid included. */
export function isUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    !/\s/.test(value) &&
    /^[a-z][a-z0-9+.-]*:/i.test(value) &&
    URL.canParse(value)
  );
}

const DATE_TIME_STAMP =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/** An XML Schema dateTimeStamp: a date and time with a time zone, such as 2026-11-23T09:00:00Z. */
export function isDateTimeStamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME_STAMP.exec(value);
  if (!match) return false;
  // Date.parse rolls 30 February over into March; the calendar does not.
  const [year, month, day] = [
    Number(value.slice(0, value.indexOf('-', 1))),
    Number(match[1]),
    Number(match[2]),
  ];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function valuesOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function at(path: string, index: number, isList: boolean): string {
  return isList ? `${path}[${index}]` : path;
}

export function issuerIdOf(document: Json): string | null {
  const issuer = document['issuer'];
  if (typeof issuer === 'string') return issuer;
  return isObject(issuer) && typeof issuer['id'] === 'string' ? issuer['id'] : null;
}

function contextProblems(context: unknown): DocumentProblem[] {
  if (context === undefined)
    return [{ field: '@context', message: `'@context' is required, starting with ${VC_V2_CONTEXT}` }];
  const items = valuesOf(context);
  if (items.length === 0 || items[0] !== VC_V2_CONTEXT)
    return [{ field: '@context', message: `The first '@context' must be ${VC_V2_CONTEXT}` }];
  const isList = Array.isArray(context);
  return items.flatMap((item, index) =>
    isUrl(item) || isObject(item)
      ? []
      : [
          {
            field: at('@context', index, isList),
            message: `Each '@context' must be a URL or a context object: ${JSON.stringify(item)} is neither`,
          },
        ],
  );
}

function typeProblems(type: unknown, required: string, field = 'type'): DocumentProblem[] {
  if (type === undefined) return [{ field, message: `'${field}' is required and must include ${required}` }];
  const types = valuesOf(type);
  if (types.some((entry) => typeof entry !== 'string' || entry.length === 0))
    return [{ field, message: `'${field}' must be a type name or a list of type names` }];
  if (!types.includes(required)) return [{ field, message: `'${field}' must include ${required}` }];
  return [];
}

/** `id`, when present, is one URL: not null, not a list, not plain text. */
function idProblems(owner: Json, path: string): DocumentProblem[] {
  if (!('id' in owner)) return [];
  const id = owner['id'];
  const field = path ? `${path}.id` : 'id';
  if (Array.isArray(id)) return [{ field, message: `'${field}' must be a single URL, not several values` }];
  if (!isUrl(id))
    return [
      {
        field,
        message: `'${field}' must be a URL, such as urn:uuid:… or https://…; got ${JSON.stringify(id)}`,
      },
    ];
  return [];
}

function languageValueProblems(value: unknown, field: string): DocumentProblem[] {
  const entries = valuesOf(value);
  const isList = Array.isArray(value);
  return entries.flatMap((entry, index) => {
    if (typeof entry === 'string') return [];
    const path = at(field, index, isList);
    if (!isObject(entry))
      return [{ field: path, message: `'${path}' must be text or a language value object` }];
    const extra = Object.keys(entry).filter((key) => !['@value', '@language', '@direction'].includes(key));
    if (typeof entry['@value'] !== 'string' || extra.length > 0)
      return [
        {
          field: path,
          message: `'${path}' must be text or { "@value", "@language", "@direction" } with nothing else${extra.length > 0 ? `; remove ${extra.join(', ')}` : ''}`,
        },
      ];
    return [];
  });
}

function issuerProblems(issuer: unknown): DocumentProblem[] {
  if (issuer === undefined)
    return [{ field: 'issuer', message: "'issuer' is required: your institution's did:web or did:key" }];
  if (Array.isArray(issuer)) return [{ field: 'issuer', message: "'issuer' must be a single issuer" }];
  if (typeof issuer === 'string')
    return isUrl(issuer) ? [] : [{ field: 'issuer', message: "'issuer' must be a URL or DID" }];
  if (!isObject(issuer))
    return [{ field: 'issuer', message: "'issuer' must be a URL or an object with an 'id' URL" }];
  if (!isUrl(issuer['id']))
    return [{ field: 'issuer.id', message: "'issuer.id' is required and must be a URL or DID" }];
  return [
    ...('name' in issuer ? languageValueProblems(issuer['name'], 'issuer.name') : []),
    ...('description' in issuer ? languageValueProblems(issuer['description'], 'issuer.description') : []),
  ];
}

function subjectProblems(subject: unknown): DocumentProblem[] {
  if (subject === undefined)
    return [
      { field: 'credentialSubject', message: "'credentialSubject' is required: the claims being made" },
    ];
  const subjects = valuesOf(subject);
  const isList = Array.isArray(subject);
  if (subjects.length === 0)
    return [{ field: 'credentialSubject', message: "'credentialSubject' must make at least one claim" }];
  return subjects.flatMap((entry, index) => {
    const path = at('credentialSubject', index, isList);
    if (!isObject(entry) || Object.keys(entry).length === 0)
      return [{ field: path, message: `'${path}' must be an object that makes a claim` }];
    return idProblems(entry, path);
  });
}

/** Properties whose every value is an object with a type (VC Data Model 2.0 §4). */
const TYPED_PROPERTIES = [
  'credentialStatus',
  'termsOfUse',
  'evidence',
  'refreshService',
  'credentialSchema',
] as const;

function typedEntryProblems(name: (typeof TYPED_PROPERTIES)[number], value: unknown): DocumentProblem[] {
  const entries = valuesOf(value);
  const isList = Array.isArray(value);
  if (entries.length === 0) return [{ field: name, message: `'${name}' must not be an empty list` }];
  return entries.flatMap((entry, index) => {
    const path = at(name, index, isList);
    if (!isObject(entry)) return [{ field: path, message: `'${path}' must be an object with a 'type'` }];
    const type = entry['type'];
    const problems: DocumentProblem[] = [];
    if (type === undefined || valuesOf(type).some((item) => typeof item !== 'string' || item.length === 0))
      problems.push({ field: `${path}.type`, message: `'${path}.type' is required` });
    problems.push(...idProblems(entry, path));
    if (name === 'credentialSchema' && !('id' in entry))
      problems.push({ field: `${path}.id`, message: `'${path}.id' is required: the URL of the schema` });
    return problems;
  });
}

function validityProblems(credential: Json): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  for (const field of ['validFrom', 'validUntil'] as const)
    if (field in credential && !isDateTimeStamp(credential[field]))
      problems.push({
        field,
        message: `'${field}' must be a date and time with a time zone, such as 2026-11-23T09:00:00Z`,
      });
  const { validFrom, validUntil } = credential;
  if (
    problems.length === 0 &&
    isDateTimeStamp(validFrom) &&
    isDateTimeStamp(validUntil) &&
    Date.parse(validUntil) < Date.parse(validFrom)
  )
    problems.push({ field: 'validUntil', message: "'validUntil' must not be before 'validFrom'" });
  return problems;
}

/**
 * Everything wrong with a credential's structure, each naming its field. An issuer signs nothing
 * with a problem here; a verifier trusts nothing with one. Terms the contexts do not define are
 * left to JSON-LD safe mode, which is the authority on them.
 */
export function credentialProblemsOf(credential: unknown): DocumentProblem[] {
  if (!isObject(credential)) return [{ field: '', message: 'The credential must be a JSON object' }];
  const problems = [
    ...contextProblems(credential['@context']),
    ...typeProblems(credential['type'], 'VerifiableCredential'),
    ...idProblems(credential, ''),
    ...issuerProblems(credential['issuer']),
    ...subjectProblems(credential['credentialSubject']),
    ...validityProblems(credential),
    ...TYPED_PROPERTIES.flatMap((name) =>
      name in credential ? typedEntryProblems(name, credential[name]) : [],
    ),
    ...(['name', 'description'] as const).flatMap((name) =>
      name in credential ? languageValueProblems(credential[name], name) : [],
    ),
  ];
  if ('proof' in credential)
    for (const [index, proof] of valuesOf(credential['proof']).entries())
      if (!isObject(proof) || typeof proof['type'] !== 'string')
        problems.push({
          field: `proof[${index}]`,
          message: "Each existing 'proof' must be an object with a 'type'",
        });
  return problems;
}

export interface ProofExpectations {
  /** The purpose the proof must state: assertionMethod for credentials, authentication for presentations. */
  proofPurpose: 'assertionMethod' | 'authentication';
  cryptosuites: readonly string[];
  /** From the request's options: what the caller expects the proof to say. */
  expectedProofPurpose?: string | undefined;
  domain?: string | undefined;
  challenge?: string | undefined;
}

function proofValueProblem(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0) return 'is required';
  if (!value.startsWith('z')) return 'must be base58btc multibase, starting with z';
  let bytes: Uint8Array | undefined;
  try {
    bytes = base58.decode(value.slice(1));
  } catch {
    bytes = undefined;
  }
  // The decoder answers undefined, rather than throwing, for characters outside the alphabet.
  if (!bytes) return 'is not valid base58btc';
  return bytes.length === 64 ? null : `must be a 64-byte Ed25519 signature; it has ${bytes.length} bytes`;
}

/**
 * What is wrong with a document's Data Integrity proofs before checking the signature: a missing
 * or mislabelled proof is refused with a reason, rather than reported as a failed signature.
 */
export function proofProblemsOf(document: unknown, expected: ProofExpectations): DocumentProblem[] {
  if (!isObject(document)) return [];
  const proof = document['proof'];
  if (proof === undefined || proof === null)
    return [{ field: 'proof', message: 'There is no proof: the document was never signed' }];
  const proofs = valuesOf(proof);
  const isList = Array.isArray(proof);
  if (proofs.length === 0)
    return [{ field: 'proof', message: 'There is no proof: the document was never signed' }];
  const wantedPurpose = expected.expectedProofPurpose ?? expected.proofPurpose;
  return proofs.flatMap((entry, index) => {
    const path = at('proof', index, isList);
    if (!isObject(entry)) return [{ field: path, message: `'${path}' must be an object` }];
    const problems: DocumentProblem[] = [];
    const say = (field: string, message: string) => problems.push({ field: `${path}.${field}`, message });
    if (entry['type'] !== 'DataIntegrityProof') say('type', `'${path}.type' must be DataIntegrityProof`);
    if (typeof entry['cryptosuite'] !== 'string' || !expected.cryptosuites.includes(entry['cryptosuite']))
      say('cryptosuite', `'${path}.cryptosuite' must be ${expected.cryptosuites.join(' or ')}`);
    if (!isUrl(entry['verificationMethod']))
      say('verificationMethod', `'${path}.verificationMethod' must be the URL of the signing key`);
    if (typeof entry['proofPurpose'] !== 'string') say('proofPurpose', `'${path}.proofPurpose' is required`);
    else if (entry['proofPurpose'] !== wantedPurpose)
      say(
        'proofPurpose',
        `'${path}.proofPurpose' is ${entry['proofPurpose']}, but ${wantedPurpose} is expected`,
      );
    const valueProblem = proofValueProblem(entry['proofValue']);
    if (valueProblem) say('proofValue', `'${path}.proofValue' ${valueProblem}`);
    for (const field of ['created', 'expires'] as const)
      if (field in entry && !isDateTimeStamp(entry[field]))
        say(field, `'${path}.${field}' must be a date and time with a time zone`);
    for (const field of ['challenge', 'nonce', 'previousProof'] as const)
      if (field in entry && typeof entry[field] !== 'string') say(field, `'${path}.${field}' must be text`);
    const domain = entry['domain'];
    if (domain !== undefined && typeof domain !== 'string' && !Array.isArray(domain))
      say('domain', `'${path}.domain' must be text`);
    if (expected.domain !== undefined && !valuesOf(domain).includes(expected.domain))
      say('domain', `'${path}.domain' is not the expected domain ${expected.domain}`);
    if (expected.challenge !== undefined && entry['challenge'] !== expected.challenge)
      say('challenge', `'${path}.challenge' is not the expected challenge`);
    return problems;
  });
}

/** The DID (or other URL) a proof's key belongs to: its verification method without the fragment. */
export function signerOfProof(proof: unknown): string | null {
  if (!isObject(proof) || typeof proof['verificationMethod'] !== 'string') return null;
  return proof['verificationMethod'].split('#')[0] ?? null;
}

function holderIdOf(presentation: Json): string | null {
  const holder = presentation['holder'];
  if (typeof holder === 'string') return holder;
  return isObject(holder) && typeof holder['id'] === 'string' ? holder['id'] : null;
}

/**
 * What is wrong with a presentation's own structure. A credential its signer issued to itself
 * proves nothing unless the presentation names that same signer as its holder.
 */
export function presentationProblemsOf(presentation: unknown): DocumentProblem[] {
  if (!isObject(presentation)) return [{ field: '', message: 'The presentation must be a JSON object' }];
  const problems = [
    ...contextProblems(presentation['@context']),
    ...typeProblems(presentation['type'], 'VerifiablePresentation'),
    ...idProblems(presentation, ''),
  ];
  const holder = presentation['holder'];
  if (holder !== undefined && !isUrl(holder) && !(isObject(holder) && isUrl(holder['id'])))
    problems.push({ field: 'holder', message: "'holder' must be a URL or an object with an 'id' URL" });
  const credentials = presentation['verifiableCredential'];
  if (credentials === undefined) return problems;
  const isList = Array.isArray(credentials);
  const signers = valuesOf(presentation['proof'])
    .map(signerOfProof)
    .filter((id) => id !== null);
  const holderId = holderIdOf(presentation);
  for (const [index, credential] of valuesOf(credentials).entries()) {
    const path = at('verifiableCredential', index, isList);
    if (!isObject(credential)) {
      problems.push({ field: path, message: `'${path}' must be a verifiable credential object` });
      continue;
    }
    const issuer = issuerIdOf(credential);
    if (issuer && signers.includes(issuer) && holderId !== issuer)
      problems.push({
        field: path,
        message: `'${path}' was issued by the presentation's own signer, so the presentation must name ${issuer} as its holder`,
      });
  }
  return problems;
}

/** The status entries an issue request asks for through `options.credentialStatus`. */
export function requestedStatusPurposes(
  credentialStatus: { statusPurpose?: StatusPurpose | StatusPurpose[] | undefined } | undefined,
): StatusPurpose[] {
  if (!credentialStatus) return [];
  const purposes = valuesOf(credentialStatus.statusPurpose ?? 'revocation') as StatusPurpose[];
  return [...new Set(purposes)];
}

/** A readable title for an issued credential: its name, else its most specific type. */
export function titleOf(credential: Json): string {
  const name = credential['name'];
  if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 200);
  const first = valuesOf(name)[0];
  if (isObject(first) && typeof first['@value'] === 'string') return first['@value'].slice(0, 200);
  const types = valuesOf(credential['type']).filter(
    (type): type is string => typeof type === 'string' && type !== 'VerifiableCredential',
  );
  return types.at(-1) ?? 'Verifiable credential';
}

const UUID_REFERENCE = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * The hub's row id for a credential an institution refers to by its id. A `urn:uuid:` id (or the
 * bare uuid) is the row id itself. Any other id (https://…, did:…) gives a uuid derived from it
 * and the institution, so the same reference finds the same credential again.
 */
export function credentialRowIdOf(institutionId: string, reference: string): string {
  const uuid = UUID_REFERENCE.exec(reference)?.[1];
  if (uuid) return uuid.toLowerCase();
  const bytes = createHash('sha256').update(`${institutionId}\0${reference}`).digest().subarray(0, 16);
  // Marked as a name-based uuid (version 5 layout, RFC 9562) so it never looks like a random one.
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
