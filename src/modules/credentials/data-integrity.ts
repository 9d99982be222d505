import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader, VerifyResult } from '@digitalbazaar/vc';
import type { Signer } from './issuer-keys.ts';

/**
 * Data Integrity signing and verification with the `eddsa-rdfc-2022` cryptosuite, through the
 * reference libraries the W3C test suites are built on.
 */

export function signingSuite(signer: Signer, created?: Date) {
  return new DataIntegrityProof({
    signer,
    cryptosuite: eddsaRdfc2022,
    ...(created ? { date: created } : {}),
  });
}

export function verifyingSuite() {
  return new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
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
