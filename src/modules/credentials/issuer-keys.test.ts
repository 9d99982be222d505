import { randomBytes } from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { describe, expect, it } from 'vitest';
import { decryptSeed, encryptSeed, KeyEncryptionError } from './issuer-keys.ts';

const SECRET = 'a-key-encryption-key-long-enough-0123456789';

async function aKey() {
  const seed = randomBytes(32);
  const pair = await Ed25519Multikey.generate({ seed });
  return { seed, publicKeyMultibase: pair.publicKeyMultibase };
}

describe('signing keys at rest', () => {
  it('opens what it sealed, and the sealed text does not contain the seed', async () => {
    const key = await aKey();
    const { sealed, fingerprint } = encryptSeed(key.seed, SECRET, key.publicKeyMultibase);
    expect(sealed).not.toContain(key.seed.toString('base64url'));
    expect(Buffer.from(decryptSeed(sealed, fingerprint, SECRET, key.publicKeyMultibase))).toEqual(key.seed);
  });

  it('names a wrong key encryption key rather than opening garbage', async () => {
    const key = await aKey();
    const { sealed, fingerprint } = encryptSeed(key.seed, SECRET, key.publicKeyMultibase);
    expect(() => decryptSeed(sealed, fingerprint, `${SECRET}-changed`, key.publicKeyMultibase)).toThrow(
      /KEY_ENCRYPTION_KEY is not the key/,
    );
  });

  it("refuses a sealed seed copied onto another key's row, or altered", async () => {
    const first = await aKey();
    const second = await aKey();
    const { sealed, fingerprint } = encryptSeed(first.seed, SECRET, first.publicKeyMultibase);
    expect(() => decryptSeed(sealed, fingerprint, SECRET, second.publicKeyMultibase)).toThrow(
      KeyEncryptionError,
    );
    const [iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() =>
      decryptSeed(
        [iv, tag, flipped.toString('base64url')].join('.'),
        fingerprint,
        SECRET,
        first.publicKeyMultibase,
      ),
    ).toThrow(KeyEncryptionError);
  });
});
