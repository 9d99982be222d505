import { jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** Plain-language definitions of the sector's words; synonyms also widen searches. */
export const glossaryTerms = pgTable('glossary_terms', {
  slug: text('slug').primaryKey(),
  term: text('term').notNull(),
  summary: text('summary').notNull(),
  body: jsonb('body').notNull().$type<string[]>(),
  synonyms: jsonb('synonyms').notNull().$type<string[]>().default([]),
  seeAlso: jsonb('see_also').notNull().$type<string[]>().default([]),
  category: text('category').notNull(),
});
