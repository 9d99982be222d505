import { verify as verifyBytes, type KeyObject } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader, VerifyResult } from '@digitalbazaar/vc';
import type { Signer } from './issuer-keys.ts';
import { publicKeyObjectOf } from './issuer-keys.ts';
import { createTemplateCanonizer } from './rdf-templates.ts';

/**
 * Data Integrity signing and verification with the `eddsa-rdfc-2022` cryptosuite, through the
 * reference libraries the W3C test suites are built on. Two costs are taken out of the suite
 * without changing what it computes: canonicalization goes through the template cache (see
 * rdf-templates.ts), and a verification key is imported once rather than for every signature.
 */

export const canonizer = createTemplateCanonizer();

const verifierKeys = new Map<string, KeyObject>();

function cachedVerifier({
  verificationMethod,
}: {
  verificationMethod: { id: string; publicKeyMultibase?: unknown; type?: unknown };
}) {
  const { id, publicKeyMultibase } = verificationMethod;
  if (verificationMethod.type !== 'Multikey' || typeof publicKeyMultibase !== 'string')
    return eddsaRdfc2022.createVerifier({ verificationMethod } as never);
  const cacheKey = `${id} ${publicKeyMultibase}`;
  let key = verifierKeys.get(cacheKey);
  if (!key) {
    key = publicKeyObjectOf(publicKeyMultibase);
    if (verifierKeys.size > 10_000) verifierKeys.clear();
    verifierKeys.set(cacheKey, key);
  }
  const publicKey = key;
  return {
    id,
    algorithm: 'Ed25519',
    async verify({ data, signature }: { data: Uint8Array; signature: Uint8Array }) {
      return verifyBytes(null, data, publicKey, signature);
    },
  };
}

/** The standard cryptosuite with the faster canonicalization and key handling; same output. */
export const eddsaRdfc2022Cryptosuite = {
  ...eddsaRdfc2022,
  canonize: (input: unknown, options: object) =>
    canonizer.canonize(input, options as Parameters<typeof canonizer.canonize>[1]),
  createVerifier: cachedVerifier,
};

export function signingSuite(signer: Signer, created?: Date) {
  return new DataIntegrityProof({
    signer,
    cryptosuite: eddsaRdfc2022Cryptosuite,
    ...(created ? { date: created } : {}),
  });
}

export function verifyingSuite() {
  return new DataIntegrityProof({ cryptosuite: eddsaRdfc2022Cryptosuite });
}

export async function signCredential(
  credential: object,
  signer: Signer,
  documentLoader: DocumentLoader,
  created?: Date,
): Promise<Record<string, unknown>> {
  return vc.issue({ credential, suite: signingSuite(signer, created), documentLoader });
}

export type StatusChecker = (options: {
  credential: Record<string, unknown>;
}) => Promise<{ verified: boolean; error?: Error }>;

export async function verifyCredentialProof(
  credential: object,
  documentLoader: DocumentLoader,
  options: { checkStatus?: StatusChecker; now?: Date } = {},
): Promise<VerifyResult> {
  return vc.verifyCredential({
    credential,
    suite: verifyingSuite(),
    documentLoader,
    ...(options.checkStatus ? { checkStatus: options.checkStatus } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
