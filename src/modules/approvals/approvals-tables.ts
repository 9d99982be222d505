import {
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
  boolean,
  integer,
} from 'drizzle-orm/pg-core';

import type { DraftValues } from './authoring-model.ts';

/**
 * A proposal is a micro-credential (new, or a new version of a published one) on its way through
 * approval. It holds the author's draft until approval turns it into an immutable catalogue version.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    // Set when the proposal changes a micro-credential that is already in the catalogue.
    microCredentialId: uuid('micro_credential_id'),
    baseVersionId: uuid('base_version_id'),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    state: text('state').notNull(),
    route: text('route').notNull(),
    requiredApprovals: smallint('required_approvals').notNull(),
    approverIds: jsonb('approver_ids').notNull().$type<string[]>().default([]),
    authorId: text('author_id').notNull(),
    contributorIds: jsonb('contributor_ids').notNull().$type<string[]>().default([]),
    reviewerId: text('reviewer_id'),
    // Raw form values by field name, exactly as typed, so that nothing a person entered is ever lost.
    draft: jsonb('draft').notNull().$type<DraftValues>(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    dueOn: date('due_on'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    approvedVersionId: uuid('approved_version_id'),
    moduleCode: text('module_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('proposals_institution_state').on(table.institutionId, table.state),
    index('proposals_micro_credential').on(table.microCredentialId),
  ],
);

export const proposalComments = pgTable(
  'proposal_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    authorId: text('author_id').notNull(),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    // 'reviewers': internal to QA; 'author': visible to the proposal's authors too.
    visibility: text('visibility').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('proposal_comments_proposal').on(table.proposalId, table.createdAt)],
);

/** How each institution runs approval; a missing row means the defaults. */
export const approvalSettings = pgTable('approval_settings', {
  institutionId: uuid('institution_id').primaryKey(),
  requiresSecondApprover: boolean('requires_second_approver').notNull().default(false),
  reviewDays: integer('review_days').notNull().default(10),
});
