import type { LearningOutcome } from './catalogue-model.ts';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const institutions = pgTable('institutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // university | college | other
  region: text('region').notNull(),
  website: text('website'),
  summary: text('summary').notNull(),
  codePrefix: text('code_prefix').notNull().unique(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const subjects = pgTable('subjects', {
  slug: text('slug').primaryKey(),
  name: text('name').notNull(),
});

export const microCredentials = pgTable('micro_credentials', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  institutionId: uuid('institution_id')
    .notNull()
    .references(() => institutions.id),
  // The version shown in the catalogue; null until a first version is published.
  publishedVersionId: uuid('published_version_id'),
  // The module code (institution prefix + sequence), assigned on first approval and kept by every version.
  code: text('code').unique(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per version. A published or approved version is never updated: a change is a new version. */
export const microCredentialVersions = pgTable(
  'micro_credential_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    microCredentialId: uuid('micro_credential_id')
      .notNull()
      .references(() => microCredentials.id),
    versionNumber: integer('version_number').notNull(),
    status: text('status').notNull(), // draft | published | superseded ...
    code: text('code'),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    description: text('description').notNull(),
    learningOutcomes: jsonb('learning_outcomes').notNull().$type<LearningOutcome[]>(),
    subjectSlug: text('subject_slug')
      .notNull()
      .references(() => subjects.slug),
    keywords: jsonb('keywords').notNull().$type<string[]>().default([]),
    kind: text('kind').notNull(), // micro-credential | small-qualification
    providerTerm: text('provider_term').notNull(),
    scqfLevel: smallint('scqf_level'),
    scqfCredits: smallint('scqf_credits'),
    notionalHours: integer('notional_hours').notNull(),
    durationKind: text('duration_kind').notNull(), // fixed | within
    durationAmount: integer('duration_amount').notNull(),
    durationUnit: text('duration_unit').notNull(), // hours | days | weeks | months
    assessment: text('assessment').notNull(),
    assessmentKind: text('assessment_kind').notNull(),
    supervision: text('supervision').notNull(), // supervised | unsupervised | none
    identityCheck: text('identity_check').notNull(), // verified | not-verified
    prerequisites: text('prerequisites').notNull(),
    language: text('language').notNull(),
    qaBody: text('qa_body').notNull(),
    qaRoute: text('qa_route').notNull(), // standard | streamlined
    qaApprovedOn: date('qa_approved_on'),
    creditRatingBody: text('credit_rating_body'),
    recognition: text('recognition').notNull(), // certificate-of-study | certificate-of-attendance
    hasTranscript: boolean('has_transcript').notNull(),
    transferability: text('transferability').notNull(), // internal-and-external | internal | none
    stackability: text('stackability').notNull(), // internal-and-external | internal | none
    countsTowards: jsonb('counts_towards').notNull().$type<string[]>().default([]),
    accreditation: text('accreditation'),
    nextReviewOn: date('next_review_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('versions_number_unique').on(table.microCredentialId, table.versionNumber)],
);

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => microCredentialVersions.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(), // employer | psrb | consortium | college | university
    role: text('role').notNull(),
  },
  (table) => [index('partners_version').on(table.versionId)],
);

export const offerings = pgTable(
  'offerings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    microCredentialId: uuid('micro_credential_id')
      .notNull()
      .references(() => microCredentials.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => microCredentialVersions.id),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    enrolBy: date('enrol_by'),
    deliveryMode: text('delivery_mode').notNull(), // online | hybrid | in-person | workplace
    location: text('location'),
    synchronousHours: integer('synchronous_hours').notNull().default(0),
    pricePence: integer('price_pence').notNull(),
    feeNotes: text('fee_notes'),
    funding: text('funding').notNull(), // fully-funded | part-funded | self-funded
    places: integer('places'),
    thirdPartyPlatform: text('third_party_platform'),
  },
  (table) => [index('offerings_micro_credential').on(table.microCredentialId)],
);

/**
 * The read model behind search: one row per published micro-credential, flattened so that the
 * text match, every filter and every facet count are answered from one table and its indexes.
 * Rebuilt by the catalogue service whenever a version is published or an offering changes.
 */
export const catalogueEntries = pgTable(
  'catalogue_entries',
  {
    microCredentialId: uuid('micro_credential_id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    institutionId: uuid('institution_id').notNull(),
    institutionSlug: text('institution_slug').notNull(),
    institutionName: text('institution_name').notNull(),
    institutionKind: text('institution_kind').notNull(),
    subjectSlug: text('subject_slug').notNull(),
    kind: text('kind').notNull(),
    providerTerm: text('provider_term').notNull(),
    scqfLevel: smallint('scqf_level'),
    scqfCredits: smallint('scqf_credits'),
    notionalHours: integer('notional_hours').notNull(),
    creditSize: text('credit_size').notNull(),
    duration: text('duration').notNull(),
    durationLabel: text('duration_label').notNull(),
    isOnline: boolean('is_online').notNull(),
    isHybrid: boolean('is_hybrid').notNull(),
    isInPerson: boolean('is_in_person').notNull(),
    isWorkplace: boolean('is_workplace').notNull(),
    priceBand: text('price_band').notNull(),
    minPricePence: integer('min_price_pence'),
    isFunded: boolean('is_funded').notNull(),
    isStackable: boolean('is_stackable').notNull(),
    isTransferable: boolean('is_transferable').notNull(),
    nextStartsOn: date('next_starts_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    // Weighted text: title A, outcomes and keywords B, summary and description C, institution D.
    document: tsvector('document').notNull(),
  },
  (table) => [
    // Each filter has an index so that the database can combine it with the text match (BitmapAnd).
    index('catalogue_document').using('gin', table.document),
    index('catalogue_subject').on(table.subjectSlug),
    index('catalogue_credit_size').on(table.creditSize),
    index('catalogue_duration').on(table.duration),
    index('catalogue_price_band').on(table.priceBand),
    index('catalogue_institution_kind').on(table.institutionKind),
    index('catalogue_kind').on(table.kind),
    index('catalogue_institution').on(table.institutionSlug),
    index('catalogue_level').on(table.scqfLevel),
    index('catalogue_next_start').on(table.nextStartsOn, table.title),
  ],
);

/** Facet counts of the whole catalogue, the browse page's starting point, kept with each publication. */
export const catalogueFacetTotals = pgTable(
  'catalogue_facet_totals',
  {
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (table) => [primaryKey({ columns: [table.facet, table.value] })],
);

/** Every word used in published titles and keywords: what a misspelt search word is corrected to. */
export const catalogueWords = pgTable(
  'catalogue_words',
  {
    word: text('word').primaryKey(),
  },
  (table) => [index('catalogue_words_trigram').using('gin', sql`${table.word} gin_trgm_ops`)],
);
