import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * An institution's Ed25519 signing keys. The secret half is stored encrypted with the hub's key
 * encryption key (AES-256-GCM); the public half is published in the institution's DID document
 * for as long as the row exists, so credentials signed before a rotation still verify.
 */
export const issuerKeys = pgTable(
  'issuer_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull().unique(),
    /** base64url(iv).base64url(tag).base64url(ciphertext) of the 32-byte Ed25519 seed. */
    encryptedSecret: text('encrypted_secret').notNull(),
    /** Fingerprint of the key encryption key used, so a wrong key is named rather than mis-decrypted. */
    kekFingerprint: text('kek_fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a newer key replaces this one: it no longer signs but stays published. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (table) => [
    index('issuer_keys_institution').on(table.institutionId),
    uniqueIndex('issuer_keys_one_active')
      .on(table.institutionId)
      .where(sql`retired_at is null`),
  ],
);

/** A learner's result on one offering, as the registry recorded it (form or CSV). */
export const learnerResults = pgTable(
  'learner_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    microCredentialId: uuid('micro_credential_id').notNull(),
    versionId: uuid('version_id').notNull(),
    offeringId: uuid('offering_id').notNull(),
    learnerEmail: text('learner_email').notNull(),
    learnerName: text('learner_name').notNull(),
    outcome: text('outcome').notNull(), // passed | attended | failed | withdrawn
    mark: smallint('mark'),
    grade: text('grade'),
    diet: text('diet').notNull(),
    completedOn: date('completed_on').notNull(),
    /** Every field that matters, so an identical re-upload is recognised and changes nothing. */
    fingerprint: text('fingerprint').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('learner_results_one_per_offering').on(table.offeringId, table.learnerEmail),
    index('learner_results_institution').on(table.institutionId, table.updatedAt),
  ],
);

/**
 * A Bitstring Status List: one per institution and purpose at a time, with 131,072 or more
 * entries. The bits live here; the signed list credential is rebuilt whenever a bit changes.
 */
export const statusLists = pgTable(
  'status_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    purpose: text('purpose').notNull(), // revocation | suspension
    length: integer('length').notNull(),
    /** base64url of the raw bitstring (length / 8 bytes); bit 0 is the first bit of the first byte. */
    bits: text('bits').notNull(),
    allocated: integer('allocated').notNull().default(0),
    /** Goes up by one with every bit changed, so a kept copy of the bits can be checked cheaply. */
    version: integer('version').notNull().default(0),
    /** Signed BitstringStatusListCredential, exactly as served; null until first signed. */
    signedCredential: text('signed_credential'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('status_lists_institution').on(table.institutionId, table.purpose)],
);

/** Which index of which list is taken: the primary key makes a random pick collision-proof. */
export const statusEntries = pgTable(
  'status_entries',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => statusLists.id),
    entryIndex: integer('entry_index').notNull(),
    credentialId: uuid('credential_id').notNull(),
  },
  (table) => [primaryKey({ columns: [table.listId, table.entryIndex] })],
);

export const issuedCredentials = pgTable(
  'issued_credentials',
  {
    /** The credential's `urn:uuid:` id without the prefix. */
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id').notNull(),
    /** Null for credentials issued through the VC API rather than from a recorded result. */
    resultId: uuid('result_id'),
    resultFingerprint: text('result_fingerprint'),
    versionId: uuid('version_id'),
    microCredentialId: uuid('micro_credential_id'),
    learnerEmail: text('learner_email'),
    learnerName: text('learner_name'),
    /** certificate-of-study | certificate-of-attendance | transcript | api */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    /** The signed JSON exactly as issued: what the learner downloads and anyone verifies. */
    signedJson: text('signed_json').notNull(),
    keyId: uuid('key_id').notNull(),
    revocationListId: uuid('revocation_list_id'),
    revocationIndex: integer('revocation_index'),
    suspensionListId: uuid('suspension_list_id'),
    suspensionIndex: integer('suspension_index'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    suspended: boolean('suspended').notNull().default(false),
    suspensionReason: text('suspension_reason'),
    /** SHA-256 of the single-use claim token mailed to the learner; cleared once claimed. */
    claimTokenHash: text('claim_token_hash').unique(),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    claimedByUserId: text('claimed_by_user_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    jobId: uuid('job_id'),
  },
  (table) => [
    index('issued_credentials_institution').on(table.institutionId, table.issuedAt),
    index('issued_credentials_learner').on(table.claimedByUserId),
    // One live credential per result and fingerprint: a batch that runs twice cannot issue twice.
    uniqueIndex('issued_credentials_one_per_result')
      .on(table.resultId, table.resultFingerprint)
      .where(sql`result_id is not null and revoked_at is null`),
  ],
);

/** A batch of issuance that survives restarts: the worker takes items in order under a lease. */
export const issuanceJobs = pgTable('issuance_jobs', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: uuid('institution_id').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  state: text('state').notNull(), // queued | running | finished | failed
  total: integer('total').notNull(),
  issued: integer('issued').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  lastError: text('last_error'),
  leaseUntil: timestamp('lease_until', { withTimezone: true }),
  /** The worker holding the lease; every write it makes to the job checks it still does. */
  leaseOwner: uuid('lease_owner'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const issuanceJobItems = pgTable(
  'issuance_job_items',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => issuanceJobs.id),
    position: integer('position').notNull(),
    resultId: uuid('result_id').notNull(),
    state: text('state').notNull(), // pending | issued | skipped | failed
    credentialId: uuid('credential_id'),
    problem: text('problem'),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.position] }),
    index('issuance_job_items_pending').on(table.jobId, table.state, table.position),
  ],
);
