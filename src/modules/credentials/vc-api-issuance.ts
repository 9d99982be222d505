import { randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Institution } from '../catalogue/index.ts';
import type { Actor } from '../accounts/index.ts';
import { statusEntries } from './achievement-credential-model.ts';
import { CredentialsError, type CredentialsService } from './credentials-service.ts';
import { signCredential } from './data-integrity.ts';
import { createDocumentLoader } from './document-loader.ts';
import { didKeyOf } from './issuer-identity-model.ts';
import { statusListUrl } from './status-lists.ts';
import type { Check } from './verification-model.ts';
import {
  credentialProblemsOf,
  credentialRowIdOf,
  CRYPTOSUITE,
  isUrl,
  issuerIdOf,
  LEGACY_CRYPTOSUITE,
  presentationProblemsOf,
  proofProblemsOf,
  requestedStatusPurposes,
  titleOf,
  type DocumentProblem,
  type StatusPurpose,
} from './vc-api-model.ts';

/** A refusal the VC API routes turn into problem details; `problems` name the fields. */
export class VcApiError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
    readonly problems: DocumentProblem[] = [],
  ) {
    super(message);
  }
}

export interface IssueOptions {
  credentialId?: string | undefined;
  credentialStatus?:
    | { type: 'BitstringStatusListEntry'; statusPurpose?: StatusPurpose | StatusPurpose[] | undefined }
    | undefined;
}

export interface VerifyOptions {
  expectedProofPurpose?: string | undefined;
  domain?: string | undefined;
  challenge?: string | undefined;
}

/** The VC API's verification result, with the hub's distinct outcome and checks in plain words. */
export interface VerificationResult {
  verified: boolean;
  verdict: string;
  /** The checks made, by their VC API names: structure, proof, issuer, credentialStatus, validityPeriod. */
  checks: string[];
  warnings: string[];
  errors: string[];
  results: Check[];
}

export interface PresentationVerificationResult extends Omit<VerificationResult, 'verdict' | 'results'> {
  credentialResults: VerificationResult[];
}

export interface StatusChange {
  credentialId: string;
  credentialStatus: {
    type: string;
    statusPurpose: StatusPurpose;
    statusListIndex?: string | undefined;
    statusListCredential?: string | undefined;
  };
  /** true sets the status (revoked, suspended); false clears it. The W3C test suite leaves it out to mean true. */
  status?: boolean | undefined;
  reason?: string | undefined;
}

const CHECK_NAMES: Record<Check['name'], string> = {
  structure: 'structure',
  signature: 'proof',
  issuer: 'issuer',
  status: 'credentialStatus',
  dates: 'validityPeriod',
};

type Json = Record<string, unknown>;

function prefixed(prefix: string, problems: DocumentProblem[]): DocumentProblem[] {
  return problems.map((problem) => ({
    field: [prefix, problem.field].filter(Boolean).join('.'),
    message: problem.message,
  }));
}

/** Where a key (or a type value) first appears in a document, as a path: `credentialSubject.foo`. */
function pathOf(
  document: unknown,
  matches: (key: string, value: unknown) => boolean,
  path = '',
): string | null {
  if (Array.isArray(document)) {
    for (const [index, item] of document.entries()) {
      const found = pathOf(item, matches, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (!document || typeof document !== 'object') return null;
  for (const [key, value] of Object.entries(document)) {
    if (key === '@context') continue;
    const here = path ? `${path}.${key}` : key;
    if (matches(key, value)) return here;
    const found = pathOf(value, matches, here);
    if (found) return found;
  }
  return null;
}

interface JsonLdError {
  name?: unknown;
  message?: unknown;
  details?: {
    code?: unknown;
    url?: unknown;
    term?: unknown;
    event?: { code?: unknown; details?: { property?: unknown; type?: unknown } };
  };
}

/**
 * Turns a JSON-LD refusal while signing into problems naming the term: safe mode refuses terms
 * the contexts do not define, because a verifier would silently drop them from what was signed.
 */
function signingProblems(error: unknown, credential: Json): DocumentProblem[] | null {
  const { name, message, details } = (error ?? {}) as JsonLdError;
  if (typeof name !== 'string' || !name.startsWith('jsonld.')) return null;
  const event = details?.event;
  const property = event?.details?.property;
  if (typeof property === 'string')
    return [
      {
        field: `credential.${pathOf(credential, (key) => key === property) ?? property}`,
        message: `'${property}' is not defined by the credential's @context, so JSON-LD safe mode refuses it: define it in a context or remove it`,
      },
    ];
  const type = event?.details?.type;
  if (typeof type === 'string')
    return [
      {
        field: `credential.${pathOf(credential, (key, value) => key === 'type' && (value === type || (Array.isArray(value) && value.includes(type)))) ?? 'type'}`,
        message: `The type '${type}' is not defined by the credential's @context: define it in a context or use a full URL`,
      },
    ];
  if (details?.code === 'loading remote context failed')
    return [
      {
        field: 'credential.@context',
        message: `The hub does not know the context ${String(details.url)}. It signs only with the contexts it holds (VC 2.0, Data Integrity, Bitstring Status List, Open Badges 3.0, CLR 2.0 and the hub's own); put other terms in an inline context object`,
      },
    ];
  if (name === 'jsonld.SyntaxError')
    return [
      {
        field: 'credential.@context',
        message: `The @context is not valid JSON-LD${typeof details?.term === 'string' ? ` at '${details.term}'` : ''}: ${String(message)}`,
      },
    ];
  return [
    {
      field: 'credential',
      message: `JSON-LD safe mode refuses the credential (${String(event?.code ?? details?.code ?? name)}): ${String(message)}`,
    },
  ];
}

function messagesOf(error: unknown): string[] {
  if (!error) return [];
  const withList = error as { errors?: unknown[]; message?: unknown };
  if (Array.isArray(withList.errors) && withList.errors.length > 0)
    return withList.errors.flatMap(messagesOf);
  return [typeof withList.message === 'string' ? withList.message : String(error)];
}

function unique(messages: string[]): string[] {
  return [...new Set(messages.filter((message) => message.length > 0))];
}

function malformed(problems: DocumentProblem[], checks: string[]): VerificationResult {
  const messages = problems.map((problem) => problem.message);
  return {
    verified: false,
    verdict: 'malformed',
    checks,
    warnings: [],
    errors: messages,
    results: [{ name: 'structure', label: 'Structure', state: 'failed', message: messages.join('. ') }],
  };
}

/**
 * The W3C VC API's use cases: issue a credential an institution's own system wrote, verify
 * credentials and presentations, and change a credential's status. Signing and storage go through
 * the credentials service, so an API-issued credential is kept byte-exact like any other.
 */
export function createVcApiService({
  credentials,
  publicUrl,
  clock,
}: {
  credentials: CredentialsService;
  publicUrl: string;
  clock: () => Date;
}) {
  // Signing sees only the contexts the hub holds, never the network or the database: what a
  // context says decides what is signed, and signing runs inside the issuing transaction.
  const signingLoader = createDocumentLoader({ publicUrl, ownDocument: async () => null });
  const presentationSuites = [
    new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    new DataIntegrityProof({ cryptosuite: { ...eddsaRdfc2022, name: LEGACY_CRYPTOSUITE } }),
  ];

  /** The signing form the credential's issuer names, or a problem saying which issuers may be used. */
  async function issuerFormFor(institution: Institution, credential: Json) {
    const key = await credentials.keys.activeKey(institution.id);
    const didWeb = credentials.issuerDid(institution);
    const didKey = didKeyOf(key.publicKeyMultibase);
    const issuer = issuerIdOf(credential);
    if (issuer === didWeb) return { form: 'did:web' as const, key };
    if (issuer === didKey) return { form: 'did:key' as const, key };
    throw new VcApiError(400, 'This token cannot sign for that issuer. Nothing was issued.', [
      {
        field: 'credential.issuer',
        message: `This API token signs for ${institution.name} only: set 'issuer' to ${didWeb} (did:web) or ${didKey} (did:key)`,
      },
    ]);
  }

  async function rowIdFor(
    institution: Institution,
    credential: Json,
    options: IssueOptions,
    withStatus: boolean,
  ) {
    const reference = typeof credential['id'] === 'string' ? credential['id'] : options.credentialId;
    if (!reference) return randomUUID();
    const preferred = credentialRowIdOf(institution.id, reference);
    // A credential without status entries can be issued again under the same id: nothing refers
    // to its row. One with status must stay the only one its id finds, so the service refuses it.
    if (!withStatus && (await credentials.findCredential(preferred))) return randomUUID();
    return preferred;
  }

  async function verifyCredential(
    document: unknown,
    options: VerifyOptions = {},
  ): Promise<VerificationResult> {
    const problems = [
      ...credentialProblemsOf(document),
      ...proofProblemsOf(document, {
        proofPurpose: 'assertionMethod',
        cryptosuites: [CRYPTOSUITE],
        expectedProofPurpose: options.expectedProofPurpose,
        domain: options.domain,
        challenge: options.challenge,
      }),
    ];
    if (problems.length > 0) return malformed(problems, ['structure', 'proof']);
    const report = await credentials.verify(document);
    const verified = report.verdict === 'valid';
    return {
      verified,
      verdict: report.verdict,
      checks: report.checks
        .filter((check) => check.state !== 'not-checked')
        .map((check) => CHECK_NAMES[check.name]),
      warnings: report.checks.filter((check) => check.state === 'not-checked').map((check) => check.message),
      errors: verified
        ? []
        : unique([
            ...report.checks.filter((check) => check.state === 'failed').map((check) => check.message),
            ...report.errors,
          ]),
      results: report.checks,
    };
  }

  return {
    /** Signs a credential for the token's institution and stores it; returns the signed JSON as stored. */
    async issue(institution: Institution, actor: Actor, credential: unknown, options: IssueOptions = {}) {
      const problems = prefixed('credential', credentialProblemsOf(credential));
      const purposes = requestedStatusPurposes(options.credentialStatus);
      const document = credential as Json;
      if (purposes.length > 0 && problems.length === 0 && 'credentialStatus' in document)
        problems.push({
          field: 'credential.credentialStatus',
          message:
            "Leave out 'credentialStatus' when options.credentialStatus asks the hub for status entries: the hub adds them",
        });
      if (options.credentialId !== undefined && !isUrl(options.credentialId))
        problems.push({ field: 'options.credentialId', message: "'options.credentialId' must be a URL" });
      if (problems.length > 0)
        throw new VcApiError(400, 'The credential cannot be signed as it is. Nothing was issued.', problems);

      const { form, key } = await issuerFormFor(institution, document);
      const { signer } = await credentials.signerOf(institution, form, key);
      const id = await rowIdFor(institution, document, options, purposes.length > 0);
      const validFrom = typeof document['validFrom'] === 'string' ? new Date(document['validFrom']) : clock();
      const validUntil = typeof document['validUntil'] === 'string' ? new Date(document['validUntil']) : null;
      try {
        return await credentials.issueApiCredential(institution, actor, {
          id,
          keyId: key.id,
          title: titleOf(document),
          purposes,
          validFrom,
          validUntil,
          sign: async (status) => {
            const entries = statusEntries(status);
            const unsigned =
              entries.length === 0
                ? structuredClone(document)
                : {
                    ...structuredClone(document),
                    credentialStatus: entries.length === 1 ? entries[0] : entries,
                  };
            return signCredential(unsigned, signer, signingLoader, clock());
          },
        });
      } catch (error) {
        if (error instanceof CredentialsError && error.status === 409)
          throw new VcApiError(409, `${error.message} Give the credential a new id.`, [
            { field: 'credential.id', message: 'A credential with this id has already been issued' },
          ]);
        const signing = signingProblems(error, document);
        if (signing)
          throw new VcApiError(400, 'JSON-LD safe mode refuses the credential. Nothing was issued.', signing);
        throw error;
      }
    },

    verifyCredential,

    async verifyPresentation(presentation: unknown, options: VerifyOptions = {}) {
      const document = presentation as Json;
      const hasProof = document && typeof document === 'object' && document['proof'] !== undefined;
      const problems = [
        ...presentationProblemsOf(presentation),
        ...(hasProof
          ? proofProblemsOf(presentation, {
              proofPurpose: 'authentication',
              cryptosuites: [CRYPTOSUITE, LEGACY_CRYPTOSUITE],
              expectedProofPurpose: options.expectedProofPurpose,
              domain: options.domain,
              challenge: options.challenge,
            })
          : []),
      ];
      if (problems.length > 0) {
        const { verified, checks, warnings, errors } = malformed(problems, ['structure', 'proof']);
        return {
          verified,
          checks,
          warnings,
          errors,
          credentialResults: [],
        } satisfies PresentationVerificationResult;
      }

      const errors: string[] = [];
      const warnings: string[] = [];
      const checks = ['structure'];
      if (hasProof) {
        checks.push('proof');
        const proof = (Array.isArray(document['proof']) ? document['proof'][0] : document['proof']) as Json;
        const challenge =
          options.challenge ?? (typeof proof['challenge'] === 'string' ? proof['challenge'] : undefined);
        if (challenge === undefined) {
          errors.push(
            "The presentation's proof has no challenge: a presentation proof must answer a verifier's challenge",
          );
        } else {
          const result = await vc.verify({
            presentation: document,
            suite: presentationSuites,
            documentLoader: credentials.documentLoader,
            challenge,
            ...(options.domain !== undefined ? { domain: options.domain } : {}),
            // The embedded credentials are judged one by one below, status and dates included.
            checkStatus: async () => ({ verified: true }),
            now: clock(),
          });
          const proofResult = result.presentationResult;
          if (!proofResult?.verified)
            errors.push(
              'The presentation’s proof does not verify: it was changed after signing, or the key is not its holder’s.',
              ...messagesOf(proofResult?.error ?? result.error),
              ...(proofResult?.results ?? []).flatMap((entry) => messagesOf(entry.error)),
            );
        }
      } else {
        warnings.push('The presentation has no proof, so who presented it was not checked.');
      }

      const embedded = document['verifiableCredential'];
      const credentialResults: VerificationResult[] = [];
      for (const credential of embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded])
        credentialResults.push(await verifyCredential(credential));
      if (credentialResults.length > 0) checks.push('credentials');
      credentialResults.forEach((result, index) => {
        if (!result.verified)
          errors.push(...result.errors.map((message) => `verifiableCredential[${index}]: ${message}`));
      });
      return {
        verified: errors.length === 0,
        checks,
        warnings,
        errors: unique(errors),
        credentialResults,
      } satisfies PresentationVerificationResult;
    },

    /**
     * Sets or clears one status of a credential the institution issued. Asking for the state a
     * credential is already in succeeds and changes nothing, so a client can safely retry.
     */
    async setStatus(institution: Institution, actor: Actor, change: StatusChange) {
      const { credentialStatus } = change;
      const status = change.status ?? true;
      if (credentialStatus.type !== 'BitstringStatusListEntry')
        throw new VcApiError(400, 'The hub keeps status in Bitstring Status Lists.', [
          {
            field: 'credentialStatus.type',
            message: "'credentialStatus.type' must be BitstringStatusListEntry",
          },
        ]);
      const row = await credentials.findCredential(credentialRowIdOf(institution.id, change.credentialId));
      if (!row || row.institutionId !== institution.id)
        throw new VcApiError(
          404,
          `There is no credential ${change.credentialId} issued by ${institution.name}.`,
        );
      const isRevocation = credentialStatus.statusPurpose === 'revocation';
      const listId = isRevocation ? row.revocationListId : row.suspensionListId;
      const index = isRevocation ? row.revocationIndex : row.suspensionIndex;
      if (listId === null || index === null)
        throw new VcApiError(
          409,
          `This credential has no ${credentialStatus.statusPurpose} entry, so that status cannot change.`,
        );
      const mismatch: DocumentProblem[] = [];
      if (
        credentialStatus.statusListCredential !== undefined &&
        credentialStatus.statusListCredential !== statusListUrl(publicUrl, listId)
      )
        mismatch.push({
          field: 'credentialStatus.statusListCredential',
          message: "It is not this credential's status list",
        });
      if (
        credentialStatus.statusListIndex !== undefined &&
        credentialStatus.statusListIndex !== String(index)
      )
        mismatch.push({
          field: 'credentialStatus.statusListIndex',
          message: "It is not this credential's position in its status list",
        });
      if (mismatch.length > 0)
        throw new VcApiError(
          400,
          'The status entry given is not the credential’s. Nothing changed.',
          mismatch,
        );
      if (isRevocation && !status)
        throw new VcApiError(400, 'Revocation cannot be undone. Nothing changed.', [
          {
            field: 'status',
            message: 'Revocation cannot be undone: to withdraw a credential for a while, suspend it instead',
          },
        ]);

      const isAlready = isRevocation
        ? row.revokedAt !== null
        : row.suspended === status && row.revokedAt === null;
      if (!isAlready) {
        const action = isRevocation ? 'revoke' : status ? 'suspend' : 'unsuspend';
        const reason = change.reason?.trim() || `Changed through the VC API by ${actor.name}.`;
        try {
          await credentials.changeStatus(institution, actor, row.id, action, reason);
        } catch (error) {
          if (error instanceof CredentialsError)
            throw new VcApiError(
              error.status,
              error.message,
              error.field ? [{ field: error.field, message: error.message }] : [],
            );
          throw error;
        }
      }
      return {
        credentialId: change.credentialId,
        credentialStatus: { type: credentialStatus.type, statusPurpose: credentialStatus.statusPurpose },
        status,
      };
    },

    /**
     * The Bitstring Status List test suite asks for a list to be published after a change. The
     * hub re-signs a list as soon as a bit changes, so this only makes sure the list is signed.
     */
    async publishStatusList(institution: Institution, listId: string) {
      const list = await credentials.findStatusList(listId);
      if (!list || list.institutionId !== institution.id)
        throw new VcApiError(404, 'There is no such status list.');
      await credentials.statusListCredential(listId);
    },
  };
}

export type VcApiService = ReturnType<typeof createVcApiService>;
