import type { Database } from '../../platform/db/database.ts';
import { GLOSSARY, type GlossaryEntry } from './glossary-data.ts';
import { findGlossaryPhrases, validateGlossary } from './glossary-model.ts';
import { createFrameworkRepository } from './framework-repository.ts';

export interface GlossaryPhrase {
  slug: string;
  matched: string;
  alternatives: string[];
}

/** Which form field a glossary problem is about, so the error summary can link to it. */
function fieldOfProblem(message: string): string {
  if (/synonym|phrase/i.test(message)) return 'synonyms';
  if (/summary/i.test(message)) return 'summary';
  if (/body|paragraph/i.test(message)) return 'body';
  return 'term';
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
    /**
     * A sector administrator's edit of one entry. The whole glossary is checked with the change in
     * place, so a new synonym can never take a phrase another entry owns (search and page links
     * depend on each phrase having one owner). Returns the problems; empty when saved.
     */
    async updateGlossaryEntry(
      slug: string,
      changes: Pick<GlossaryEntry, 'term' | 'summary' | 'body' | 'synonyms'>,
    ): Promise<{ field: string; message: string }[]> {
      const glossary = await repository.listGlossaryTerms();
      if (!glossary.some((entry) => entry.slug === slug))
        return [{ field: 'slug', message: 'There is no such entry' }];
      const changed = glossary.map((entry) => (entry.slug === slug ? { ...entry, ...changes } : entry));
      const problems = validateGlossary(changed).filter((problem) => problem.includes(`"${slug}"`));
      if (problems.length > 0)
        return problems.map((message) => ({ field: fieldOfProblem(message), message }));
      await repository.updateGlossaryTerm(slug, changes);
      return [];
    },
    /** The glossary phrases in a search, each with the other words that mean the same. */
    async glossaryPhrasesIn(query: string): Promise<GlossaryPhrase[]> {
      if (!query.trim()) return [];
      return findGlossaryPhrases(query, await repository.listGlossaryPhrases());
    },
  };
}

export type FrameworkService = ReturnType<typeof createFrameworkService>;
