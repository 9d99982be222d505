import {
  createCipheriv,
  createDecipheriv,
  hkdfSync,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign as signBytes,
  type KeyObject,
} from 'node:crypto';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as base58 from 'base58-universal';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { issuerKeys } from './credentials-tables.ts';
import type { PublishedKey } from './issuer-identity-model.ts';

/**
 * What signing needs from a key, and nothing more: the shape Data Integrity suites take as
 * `signer`. A KMS or HSM implementation returns the same shape and keeps the secret elsewhere.
 */
export interface Signer {
  /** Verification method id, e.g. did:web:…#z6Mk… */
  id: string;
  algorithm: 'Ed25519';
  sign(input: { data: Uint8Array }): Promise<Uint8Array>;
}

export interface IssuerKey {
  id: string;
  institutionId: string;
  publicKeyMultibase: string;
  createdAt: Date;
  retiredAt: Date | null;
}

/** Where secret keys come from: local encrypted rows today, a KMS/HSM later. */
export interface KeyCustody {
  /** The institution's active key, created on first need. */
  activeKey(institutionId: string, tx?: Db): Promise<IssuerKey>;
  /** A signer for a key, named by the verification method id it will sign as. */
  signerFor(key: IssuerKey, verificationMethodId: string): Promise<Signer>;
  rotate(institutionId: string, tx?: Db): Promise<IssuerKey>;
  keysOf(institutionId: string): Promise<IssuerKey[]>;
  findByPublicKey(publicKeyMultibase: string): Promise<IssuerKey | null>;
}

export class KeyEncryptionError extends Error {}

const DER_PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([DER_PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

function signerOf(privateKey: KeyObject, verificationMethodId: string): Signer {
  return {
    id: verificationMethodId,
    algorithm: 'Ed25519',
    async sign({ data }) {
      return signBytes(null, data, privateKey);
    },
  };
}

/** A signer for a raw 32-byte Ed25519 seed: the local custody's own, exposed for test vectors. */
export function signerFromSeed(seed: Uint8Array, verificationMethodId: string): Signer {
  return signerOf(privateKeyFromSeed(seed), verificationMethodId);
}

/**
 * The key encryption key is derived from the configured secret with HKDF, so any long random
 * string works; its fingerprint (a separate derivation) names the key without revealing it.
 */
function keyEncryptionKeyOf(secret: string): { key: Buffer; fingerprint: string } {
  const derive = (info: string) =>
    Buffer.from(hkdfSync('sha256', secret, 'micro-credentials-hub/kek/v1', info, 32));
  return {
    key: derive('issuer-key-encryption'),
    fingerprint: derive('fingerprint').toString('base64url').slice(0, 16),
  };
}

/**
 * Seals a seed for one key row: the public key is the associated data, so a sealed seed copied
 * onto another row does not open.
 */
export function encryptSeed(
  seed: Uint8Array,
  secret: string,
  publicKeyMultibase: string,
): { sealed: string; fingerprint: string } {
  const { key, fingerprint } = keyEncryptionKeyOf(secret);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(publicKeyMultibase));
  const ciphertext = Buffer.concat([cipher.update(seed), cipher.final()]);
  const sealed = [iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url')).join('.');
  return { sealed, fingerprint };
}

export function decryptSeed(
  sealed: string,
  fingerprint: string,
  secret: string,
  publicKeyMultibase: string,
): Uint8Array {
  const expected = keyEncryptionKeyOf(secret);
  if (expected.fingerprint !== fingerprint) {
    throw new KeyEncryptionError(
      'KEY_ENCRYPTION_KEY is not the key these signing keys were encrypted with. Restore the original KEY_ENCRYPTION_KEY.',
    );
  }
  const [iv, tag, ciphertext] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !ciphertext) throw new KeyEncryptionError('A stored signing key is damaged.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', expected.key, iv);
    decipher.setAAD(Buffer.from(publicKeyMultibase));
    decipher.setAuthTag(tag);
    const seed = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    // The seed must give the public key the row publishes, or credentials would not verify.
    const derived = createPublicKey(privateKeyFromSeed(seed)).export({ format: 'der', type: 'spki' });
    if (
      !derived
        .subarray(-32)
        .equals(publicKeyObjectOf(publicKeyMultibase).export({ format: 'der', type: 'spki' }).subarray(-32))
    )
      throw new Error('public key mismatch');
    return seed;
  } catch {
    throw new KeyEncryptionError('A stored signing key is damaged or belongs to another key.');
  }
}

function toIssuerKey(row: typeof issuerKeys.$inferSelect): IssuerKey {
  return {
    id: row.id,
    institutionId: row.institutionId,
    publicKeyMultibase: row.publicKeyMultibase,
    createdAt: row.createdAt,
    retiredAt: row.retiredAt,
  };
}

export function publishedKey(key: IssuerKey): PublishedKey {
  return {
    publicKeyMultibase: key.publicKeyMultibase,
    createdAt: key.createdAt.toISOString(),
    retiredAt: key.retiredAt?.toISOString() ?? null,
  };
}

/**
 * Keys kept in the hub's database, encrypted with the key encryption key. Decrypted keys are
 * held in memory as Node key objects: importing a key costs more than signing with it, and a
 * process that signs thousands of credentials should import each key once.
 */
export function createLocalKeyCustody({
  database,
  keyEncryptionSecret,
  clock,
}: {
  database: Database;
  keyEncryptionSecret: string;
  clock: () => Date;
}): KeyCustody {
  const privateKeys = new Map<string, KeyObject>();

  async function insertKey(institutionId: string, tx: Db): Promise<IssuerKey> {
    const seed = randomBytes(32);
    const pair = await Ed25519Multikey.generate({ seed });
    const { sealed, fingerprint } = encryptSeed(seed, keyEncryptionSecret, pair.publicKeyMultibase);
    const [row] = await tx
      .insert(issuerKeys)
      .values({
        institutionId,
        publicKeyMultibase: pair.publicKeyMultibase,
        encryptedSecret: sealed,
        kekFingerprint: fingerprint,
        createdAt: clock(),
      })
      .returning();
    if (!row) throw new Error('key insert returned nothing');
    return toIssuerKey(row);
  }

  async function activeIn(institutionId: string, tx: Db): Promise<IssuerKey | null> {
    const [row] = await tx
      .select()
      .from(issuerKeys)
      .where(and(eq(issuerKeys.institutionId, institutionId), isNull(issuerKeys.retiredAt)));
    return row ? toIssuerKey(row) : null;
  }

  async function lockInstitution(institutionId: string, tx: Db) {
    // Two first issues at once must not both create a key: the unique index would fail one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`issuer-key:${institutionId}`}))`);
  }

  async function withTransaction<T>(tx: Db | undefined, work: (inner: Db) => Promise<T>): Promise<T> {
    return tx ? work(tx) : database.db.transaction(work);
  }

  return {
    async activeKey(institutionId, tx) {
      const existing = await activeIn(institutionId, tx ?? database.db);
      if (existing) return existing;
      return withTransaction(tx, async (inner) => {
        await lockInstitution(institutionId, inner);
        return (await activeIn(institutionId, inner)) ?? insertKey(institutionId, inner);
      });
    },

    async signerFor(key, verificationMethodId) {
      let privateKey = privateKeys.get(key.id);
      if (!privateKey) {
        const [row] = await database.db.select().from(issuerKeys).where(eq(issuerKeys.id, key.id));
        if (!row) throw new Error(`signing key ${key.id} not found`);
        privateKey = privateKeyFromSeed(
          decryptSeed(row.encryptedSecret, row.kekFingerprint, keyEncryptionSecret, row.publicKeyMultibase),
        );
        privateKeys.set(key.id, privateKey);
      }
      return signerOf(privateKey, verificationMethodId);
    },

    async rotate(institutionId, tx) {
      return withTransaction(tx, async (inner) => {
        await lockInstitution(institutionId, inner);
        await inner
          .update(issuerKeys)
          .set({ retiredAt: clock() })
          .where(and(eq(issuerKeys.institutionId, institutionId), isNull(issuerKeys.retiredAt)));
        return insertKey(institutionId, inner);
      });
    },

    async keysOf(institutionId) {
      const rows = await database.db
        .select()
        .from(issuerKeys)
        .where(eq(issuerKeys.institutionId, institutionId))
        .orderBy(asc(issuerKeys.createdAt));
      return rows.map(toIssuerKey);
    },

    async findByPublicKey(publicKeyMultibase) {
      const [row] = await database.db
        .select()
        .from(issuerKeys)
        .where(eq(issuerKeys.publicKeyMultibase, publicKeyMultibase));
      return row ? toIssuerKey(row) : null;
    },
  };
}

/** Public key bytes of an Ed25519 multikey, as a Node key object for fast verification. */
export function publicKeyObjectOf(publicKeyMultibase: string): KeyObject {
  // Multicodec 0xed01 then 32 key bytes, base58btc with the 'z' prefix.
  const bytes = Buffer.from(base58.decode(publicKeyMultibase.slice(1)));
  if (publicKeyMultibase[0] !== 'z' || bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new Error('not an Ed25519 multikey');
  }
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), bytes.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
}
