import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonizer, signBuiltCredential, signCredential, verifyCredentialProof } from './data-integrity.ts';
import { createDocumentLoader } from './document-loader.ts';
import { signerFromSeed } from './issuer-keys.ts';

const vectorFolder = new URL('../../../test/data/ob3/eddsa-rdfc-2022-vector/', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, vectorFolder), 'utf8');
const keyPair = JSON.parse(read('key-pair.json')) as {
  id: string;
  privateKeyHex: string;
  publicKeyMultibase: string;
};
const proofOptions = JSON.parse(read('proof-options.json')) as {
  created: string;
  verificationMethod: string;
};
const unsigned = JSON.parse(read('unsigned-credential.json')) as object;
const expected = JSON.parse(read('signed-credential.json')) as { proof: { proofValue: string } };

// The vector's key lives at an https URL on example.edu; only verification needs to load it.
const documentLoader = createDocumentLoader({
  publicUrl: 'http://hub.test',
  ownDocument: async () => null,
  fetchRemote: async (url) => {
    if (url === keyPair.id)
      return {
        '@context': 'https://w3id.org/security/multikey/v1',
        id: keyPair.id,
        type: 'Multikey',
        controller: keyPair.id.split('#')[0],
        publicKeyMultibase: keyPair.publicKeyMultibase,
      };
    if (url === keyPair.id.split('#')[0])
      return {
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: url,
        assertionMethod: [keyPair.id],
      };
    throw new Error(`unexpected fetch of ${url}`);
  },
});

describe('the signing path against the Open Badges 3.0 implementation guide test vector', () => {
  const seed = Buffer.from(keyPair.privateKeyHex.slice(0, 64), 'hex');
  const signer = signerFromSeed(seed, proofOptions.verificationMethod);

  it('reproduces the published signed credential byte for byte, first and second time', async () => {
    // The first signature converts the document in full; the second goes through the template cache.
    for (let run = 0; run < 2; run += 1) {
      const signed = await signCredential(
        structuredClone(unsigned),
        signer,
        documentLoader,
        new Date(proofOptions.created),
      );
      expect(JSON.stringify(signed, null, 2)).toBe(JSON.stringify(expected, null, 2));
      expect((signed['proof'] as { proofValue: string }).proofValue).toBe(expected.proof.proofValue);
    }
    expect(canonizer.stats.templated).toBeGreaterThan(0);
  });

  it("reproduces it through the hub's own issuance path too", async () => {
    for (let run = 0; run < 2; run += 1) {
      const signed = await signBuiltCredential(
        structuredClone(unsigned) as Record<string, unknown>,
        signer,
        documentLoader,
        new Date(proofOptions.created),
      );
      expect(JSON.stringify(signed, null, 2)).toBe(JSON.stringify(expected, null, 2));
    }
  });

  it('reproduces the published canonical document', async () => {
    const canonical = await canonizer.canonize(structuredClone(unsigned), { documentLoader });
    expect(canonical).toBe(read('document-canonical.txt'));
  });

  it('verifies the published credential and refuses it once a value is changed', async () => {
    expect((await verifyCredentialProof(structuredClone(expected), documentLoader)).verified).toBe(true);
    const changed = structuredClone(expected) as unknown as { name: string };
    changed.name = `${changed.name} (edited)`;
    expect((await verifyCredentialProof(changed, documentLoader)).verified).toBe(false);
  });
});
