import type { Database } from '../../platform/db/database.ts';
import { GLOSSARY, type GlossaryEntry } from './glossary-data.ts';
import { findGlossaryPhrases } from './glossary-model.ts';
import { createFrameworkRepository } from './framework-repository.ts';

export interface GlossaryPhrase {
  slug: string;
  matched: string;
  alternatives: string[];
}

export function createFrameworkService(database: Database) {
  const repository = createFrameworkRepository(database);
  return {
    /** Loads the glossary the hub ships with into an empty database; later edits are the sector's own. */
    async seedGlossaryIfEmpty(): Promise<number> {
      if ((await repository.countGlossaryTerms()) > 0) return 0;
      await repository.insertGlossaryTerms(GLOSSARY);
      return GLOSSARY.length;
    },
    listGlossary: (): Promise<GlossaryEntry[]> => repository.listGlossaryTerms(),
    findGlossaryEntry: (slug: string): Promise<GlossaryEntry | undefined> =>
      repository.findGlossaryTerm(slug),
    /** The glossary phrases in a search, each with the other words that mean the same. */
    async glossaryPhrasesIn(query: string): Promise<GlossaryPhrase[]> {
      if (!query.trim()) return [];
      return findGlossaryPhrases(query, await repository.listGlossaryPhrases());
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
