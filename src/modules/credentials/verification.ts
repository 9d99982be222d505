import type { DocumentLoader } from '@digitalbazaar/vc';
import { checkStatus as checkBitstringStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { verifyCredentialProof, verifyingSuite } from './data-integrity.ts';
import {
  issuerIdOf,
  judge,
  structureProblemsOf,
  type Check,
  type Verdict,
  type VerificationFacts,
} from './verification-model.ts';

export interface VerificationReport {
  verdict: Verdict;
  checks: Check[];
  /** The credential as received, when it was an object: the page explains what it means. */
  credential: Record<string, unknown> | null;
  issuerName: string | null;
  /** Low-level errors, for the VC API's `errors` and for support; never shown as the headline. */
  errors: string[];
}

interface StatusEntry {
  type?: unknown;
  statusPurpose?: unknown;
  statusListIndex?: unknown;
  statusListCredential?: unknown;
}

function errorMessages(error: unknown): string[] {
  if (!error) return [];
  const withList = error as { errors?: unknown[]; message?: string };
  if (Array.isArray(withList.errors) && withList.errors.length > 0)
    return withList.errors.flatMap(errorMessages);
  return [withList.message ?? String(error)];
}

/** A missing key or DID is "could not check"; anything else wrong with the proof is tampering. */
function isUnresolvable(messages: string[]): boolean {
  return messages.some((message) =>
    /NotFoundError|could not resolve|not a key of|does not resolve|does not load|not a document this hub publishes|is not for did|Could not fetch|not an Ed25519 did:key|blocked|timed out|too large|context the hub does not know/i.test(
      message,
    ),
  );
}

export function createVerifier(options: {
  documentLoader: DocumentLoader;
  publicUrl: string;
  clock: () => Date;
  isRegisteredIssuer(issuerId: string): Promise<{ name: string } | null>;
  /**
   * This hub's own status bits, straight from the database, for the entries whose list is the
   * hub's; undefined for a list that is not the hub's, null for one that no longer exists.
   */
  ownStatuses(
    issuerId: string | null,
    entries: { listUrl: string; index: number }[],
  ): Promise<({ set: boolean | null; problem: string | null } | undefined)[]>;
}) {
  const { documentLoader, clock } = options;

  async function statusOf(credential: Record<string, unknown>): Promise<VerificationFacts['status']> {
    const raw = credential['credentialStatus'];
    const entries = (Array.isArray(raw) ? raw : raw ? [raw] : []) as StatusEntry[];
    const status: VerificationFacts['status'] = [];
    const own = await options.ownStatuses(
      issuerIdOf(credential),
      entries.map((entry) => ({
        listUrl: typeof entry.statusListCredential === 'string' ? entry.statusListCredential : '',
        index: Number(entry.statusListIndex),
      })),
    );
    for (const [position, entry] of entries.entries()) {
      const purpose = typeof entry.statusPurpose === 'string' ? entry.statusPurpose : 'unknown';
      if (entry.type !== 'BitstringStatusListEntry') {
        status.push({
          purpose,
          set: null,
          problem: `the status type ${String(entry.type)} is not supported.`,
        });
        continue;
      }
      const ownEntry = own[position];
      if (ownEntry !== undefined) {
        status.push({ purpose, ...ownEntry });
        continue;
      }
      const single = { ...credential, credentialStatus: entry };
      const checked = await checkBitstringStatus({
        credential: single,
        documentLoader,
        suite: verifyingSuite(),
        verifyMatchingIssuers: true,
      } as Parameters<typeof checkBitstringStatus>[0]).catch((error: unknown) => ({
        verified: false,
        error: error instanceof Error ? error : new Error(String(error)),
        results: undefined,
      }));
      if (!checked.verified) {
        status.push({ purpose, set: null, problem: errorMessages(checked.error).join(' ') || 'unreadable.' });
        continue;
      }
      const result =
        checked.results?.find((candidate) => candidate.statusPurpose === purpose) ?? checked.results?.[0];
      status.push({ purpose, set: result?.status ?? null, problem: null });
    }
    return status;
  }

  return {
    async verify(document: unknown): Promise<VerificationReport> {
      const now = clock();
      const structureProblems = structureProblemsOf(document);
      const credential =
        document && typeof document === 'object' && !Array.isArray(document)
          ? (document as Record<string, unknown>)
          : null;
      const base: VerificationFacts = {
        structureProblems,
        signatureValid: null,
        signatureProblem: null,
        issuerRegistered: false,
        issuerName: null,
        issuerId: credential ? issuerIdOf(credential) : null,
        status: [],
        validFrom: typeof credential?.['validFrom'] === 'string' ? credential['validFrom'] : null,
        validUntil: typeof credential?.['validUntil'] === 'string' ? credential['validUntil'] : null,
        now,
      };
      if (structureProblems.length > 0 || !credential) {
        const { verdict, checks } = judge(base);
        return { verdict, checks, credential, issuerName: null, errors: structureProblems };
      }

      const errors: string[] = [];
      // The library also refuses expired credentials; dates are judged separately, so the proof
      // is checked as at the credential's own start date.
      const proofTime = base.validFrom ? new Date(base.validFrom) : now;
      let signatureValid: boolean | null;
      let signatureProblem: string | null = null;
      try {
        const result = await verifyCredentialProof(credential, documentLoader, {
          now: proofTime,
          // Status is read below, one entry at a time, so revoked and suspended can be told apart.
          checkStatus: async () => ({ verified: true }),
        });
        const messages = [
          ...errorMessages(result.error),
          ...(result.results ?? []).flatMap((proofResult) => errorMessages(proofResult.error)),
        ];
        errors.push(...messages);
        if (result.verified) signatureValid = true;
        else if (isUnresolvable(messages)) {
          signatureValid = null;
          signatureProblem = messages.find((message) => isUnresolvable([message])) ?? null;
        } else {
          signatureValid = false;
          signatureProblem = null;
        }
      } catch (error) {
        const messages = errorMessages(error);
        errors.push(...messages);
        signatureValid = isUnresolvable(messages) ? null : false;
        signatureProblem = messages[0] ?? null;
      }

      const registered = base.issuerId ? await options.isRegisteredIssuer(base.issuerId) : null;
      const issuerName =
        registered?.name ??
        (typeof (credential['issuer'] as { name?: unknown } | undefined)?.name === 'string'
          ? (credential['issuer'] as { name: string }).name
          : null);
      const status = signatureValid ? await statusOf(credential) : [];
      const { verdict, checks } = judge({
        ...base,
        signatureValid,
        signatureProblem,
        issuerRegistered: registered !== null,
        issuerName,
        status,
      });
      return { verdict, checks, credential, issuerName, errors };
    },
  };
}
