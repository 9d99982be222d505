import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { glossaryTerms } from './framework-tables.ts';
import type { GlossaryCategory, GlossaryEntry } from './glossary-data.ts';

export function createFrameworkRepository(database: Database) {
  const { db } = database;
  return {
    async countGlossaryTerms(): Promise<number> {
      const [row] = await database.rows<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM glossary_terms`,
      );
      return row?.count ?? 0;
    },
    async insertGlossaryTerms(entries: GlossaryEntry[]): Promise<void> {
      if (entries.length > 0) await db.insert(glossaryTerms).values(entries).onConflictDoNothing();
    },
    async listGlossaryTerms(): Promise<GlossaryEntry[]> {
      const rows = await db
        .select()
        .from(glossaryTerms)
        .orderBy(asc(sql`lower(${glossaryTerms.term})`));
      return rows.map((row) => ({ ...row, category: row.category as GlossaryCategory }));
    },
    /** Only what search needs to widen a query: far smaller than whole entries. */
    async listGlossaryPhrases(): Promise<Pick<GlossaryEntry, 'slug' | 'term' | 'synonyms'>[]> {
      return db
        .select({ slug: glossaryTerms.slug, term: glossaryTerms.term, synonyms: glossaryTerms.synonyms })
        .from(glossaryTerms);
    },
    async updateGlossaryTerm(
      slug: string,
      changes: Pick<GlossaryEntry, 'term' | 'summary' | 'body' | 'synonyms'>,
    ): Promise<void> {
      await db.update(glossaryTerms).set(changes).where(eq(glossaryTerms.slug, slug));
    },
    async findGlossaryTerm(slug: string): Promise<GlossaryEntry | undefined> {
      const [row] = await db.select().from(glossaryTerms).where(eq(glossaryTerms.slug, slug));
      return row ? { ...row, category: row.category as GlossaryCategory } : undefined;
    },
  };
}
