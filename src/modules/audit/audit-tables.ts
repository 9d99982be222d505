import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only: rows are inserted, never updated or deleted. Each row carries the hash of the one
 * before it in the same chain (one chain per institution), so an edit anywhere breaks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    chainId: text('chain_id').notNull(),
    sequence: integer('sequence').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.chainId, table.sequence] }),
    index('audit_events_subject').on(table.subjectType, table.subjectId),
  ],
);
