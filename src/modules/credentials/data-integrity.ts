import { createHash, verify as verifyBytes, type KeyObject } from 'node:crypto';
import * as base58 from 'base58-universal';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { DocumentLoader, VerifyResult } from '@digitalbazaar/vc';
import type { Signer } from './issuer-keys.ts';
import { publicKeyObjectOf } from './issuer-keys.ts';
import { createTemplateCanonizer } from './rdf-templates.ts';
import { DocumentNotFoundError, isBundledContext } from './document-loader.ts';

/**
 * Data Integrity signing and verification with the `eddsa-rdfc-2022` cryptosuite, through the
 * reference libraries the W3C test suites are built on. Two costs are taken out of the suite
 * without changing what it computes: canonicalization goes through the template cache (see
 * rdf-templates.ts), and a verification key is imported once rather than for every signature.
 */

export const canonizer = createTemplateCanonizer({ isTrustedContext: isBundledContext });
/**
 * Verification has its own template cache: anyone can send documents of new shapes to be
 * verified, and they must not push the templates of the hub's own issuance out of the cache.
 */
export const verifyingCanonizer = createTemplateCanonizer({ isTrustedContext: isBundledContext });

/**
 * Canonicalization only ever loads JSON-LD contexts, and only bundled ones: a context changes what
 * a credential means, so it is never taken from wherever a document points.
 */
function bundledContextsOnly(documentLoader: (url: string) => Promise<unknown>) {
  return async (url: string) => {
    if (!isBundledContext(url))
      throw new DocumentNotFoundError(`the credential uses a JSON-LD context the hub does not know: ${url}`);
    return documentLoader(url);
  };
}

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
function fastCryptosuite(templates: typeof canonizer) {
  return {
    ...eddsaRdfc2022,
    canonize: (input: unknown, options: object) => {
      const given = options as Parameters<typeof canonizer.canonize>[1];
      return templates.canonize(input, {
        ...given,
        documentLoader: bundledContextsOnly(given.documentLoader),
      });
    },
    createVerifier: cachedVerifier,
  };
}

export const eddsaRdfc2022Cryptosuite = fastCryptosuite(canonizer);
const verifyingCryptosuite = fastCryptosuite(verifyingCanonizer);

export function signingSuite(signer: Signer, created?: Date) {
  return new DataIntegrityProof({
    signer,
    cryptosuite: eddsaRdfc2022Cryptosuite,
    ...(created ? { date: created } : {}),
  });
}

export function verifyingSuite() {
  return new DataIntegrityProof({ cryptosuite: verifyingCryptosuite });
}

export async function signCredential(
  credential: object,
  signer: Signer,
  documentLoader: DocumentLoader,
  created?: Date,
): Promise<Record<string, unknown>> {
  return vc.issue({ credential, suite: signingSuite(signer, created), documentLoader });
}

const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** XML Schema dateTime without fractions of a second, as the Data Integrity libraries write it. */
function proofDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The hub's own issuance path: the `eddsa-rdfc-2022` proof of the specification, computed
 * directly for credentials the hub built itself (VC 2.0 context first, no proof yet). The output
 * is byte-identical to the reference library's (the implementation guide's test vector checks
 * both); what it skips is the library's generic checks of arbitrary input, which the VC API still
 * runs through `signCredential`.
 */
export async function signBuiltCredential(
  credential: Record<string, unknown>,
  signer: Signer,
  documentLoader: DocumentLoader,
  created: Date,
): Promise<Record<string, unknown>> {
  const context = credential['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V2_CONTEXT || 'proof' in credential)
    return signCredential(credential, signer, documentLoader, created);
  const proof = {
    type: 'DataIntegrityProof',
    created: proofDate(created),
    verificationMethod: signer.id,
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: 'assertionMethod',
  };
  const options = { documentLoader: bundledContextsOnly(documentLoader) };
  const [canonicalProof, canonicalDocument] = await Promise.all([
    canonizer.canonize({ '@context': context, ...proof }, options),
    canonizer.canonize(credential, options),
  ]);
  const hashData = Buffer.concat([
    createHash('sha256').update(canonicalProof).digest(),
    createHash('sha256').update(canonicalDocument).digest(),
  ]);
  const signature = await signer.sign({ data: hashData });
  return { ...credential, proof: { ...proof, proofValue: `z${base58.encode(signature)}` } };
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
