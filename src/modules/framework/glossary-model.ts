/**
 * The glossary's rules: spotting glossary phrases in a search query (so search can OR in the other
 * words for the same idea), indexing phrases for linking words on pages, and checking a glossary is
 * consistent. Pure: no I/O.
 */
import type { GlossaryEntry } from './glossary-data.ts';

export const GLOSSARY_SUMMARY_MAX_LENGTH = 160;

/**
 * Single words that would turn a synonym into a search hijack: a query for "course" must not be
 * widened into every entry that happens to list it.
 */
const TOO_GENERIC = new Set([
  'course',
  'courses',
  'learning',
  'study',
  'module',
  'unit',
  'training',
  'education',
  'programme',
  'program',
  'qualification',
  'certificate',
  'level',
  'skills',
  'class',
]);

type PhraseSource = Pick<GlossaryEntry, 'slug' | 'term' | 'synonyms'>;
type CheckedEntry = Pick<GlossaryEntry, 'slug' | 'term' | 'summary' | 'body' | 'synonyms' | 'seeAlso'>;

export interface GlossaryPhraseMatch {
  slug: string;
  /** The words as the user typed them, so the caller can replace exactly that part of the query. */
  matched: string;
  /** The entry's term and every synonym, as written, for the caller to OR together. */
  alternatives: string[];
}

interface Token {
  /** Folded form: lower case, no accents, no apostrophes. */
  text: string;
  start: number;
  end: number;
}

// Apostrophes only count inside a word, so quotes around a phrase do not stick to its first word.
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu;

function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '');
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ text: fold(match[0]), start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * A phrase's words run together ("micro-credential", "micro credential" and "microcredential" all
 * become "microcredential"), so every way of splitting or joining the words compares equal.
 */
export function glossaryKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.text)
    .join('');
}

function phrasesOf(entry: PhraseSource): string[] {
  return [entry.term, ...entry.synonyms];
}

/** Keeps written variants ("micro-credential", "microcredential") because search engines split them differently. */
function alternativesOf(entry: PhraseSource): string[] {
  const seen = new Set<string>();
  const alternatives: string[] = [];
  for (const phrase of phrasesOf(entry)) {
    const trimmed = phrase.trim();
    const lower = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(lower)) continue;
    seen.add(lower);
    alternatives.push(trimmed);
  }
  return alternatives;
}

/** Plural forms people type ("micro-credentials", "credit-rating bodies"), never displacing a real phrase. */
function pluralsOf(key: string): string[] {
  const plurals = [`${key}s`];
  if (/[^aeiou]y$/.test(key)) plurals.push(`${key.slice(0, -1)}ies`);
  return plurals;
}

function buildLookup(glossary: readonly PhraseSource[]): Map<string, number> {
  const lookup = new Map<string, number>();
  glossary.forEach((entry, index) => {
    for (const phrase of phrasesOf(entry)) {
      const key = glossaryKey(phrase);
      // The first entry to claim a phrase keeps it; validateGlossary reports the clash.
      if (key !== '' && !lookup.has(key)) lookup.set(key, index);
    }
  });
  const exact = [...lookup];
  for (const [key, index] of exact) {
    for (const plural of pluralsOf(key)) {
      if (!lookup.has(plural)) lookup.set(plural, index);
    }
  }
  return lookup;
}

interface Plan {
  /** Query words inside a match: more is better, so "credit rating body" beats "credit rating". */
  covered: number;
  /** Fewer, longer matches beat more, shorter ones covering the same words. */
  count: number;
  /** The match starting here, if one is taken: index of its last token and the entry. */
  take: { last: number; entry: number } | null;
}

function better(a: Plan, b: Plan): boolean {
  return a.covered > b.covered || (a.covered === b.covered && a.count < b.count);
}

/**
 * Every glossary phrase in a free-text query, as whole words, in query order and never overlapping.
 * Chooses the set of matches covering the most words (fewest matches on a tie), which is "longest
 * match wins" even where a greedy left-to-right scan would pick badly: with the phrases "a b",
 * "b c d" and "a", the query "a b c d" reads as "a" + "b c d", not "a b" + two stray words.
 */
export function findGlossaryPhrases(query: string, glossary: readonly PhraseSource[]): GlossaryPhraseMatch[] {
  const tokens = tokenize(query);
  if (tokens.length === 0) return [];
  const lookup = buildLookup(glossary);
  let longestKey = 0;
  for (const key of lookup.keys()) longestKey = Math.max(longestKey, key.length);

  const plans: Plan[] = new Array<Plan>(tokens.length + 1);
  plans[tokens.length] = { covered: 0, count: 0, take: null };
  for (let first = tokens.length - 1; first >= 0; first--) {
    const skip = plans[first + 1] as Plan;
    let best: Plan = { covered: skip.covered, count: skip.count, take: null };
    let joined = '';
    for (let last = first; last < tokens.length; last++) {
      joined += (tokens[last] as Token).text;
      if (joined.length > longestKey) break;
      const entry = lookup.get(joined);
      if (entry === undefined) continue;
      const rest = plans[last + 1] as Plan;
      const candidate: Plan = {
        covered: last - first + 1 + rest.covered,
        count: 1 + rest.count,
        take: { last, entry },
      };
      // On a full tie the match starting here wins, so the earlier of two equal readings is kept.
      if (better(candidate, best) || (best.take === null && !better(best, candidate))) best = candidate;
    }
    plans[first] = best;
  }

  const matches: GlossaryPhraseMatch[] = [];
  let position = 0;
  while (position < tokens.length) {
    const plan = plans[position] as Plan;
    if (plan.take === null) {
      position++;
      continue;
    }
    const entry = glossary[plan.take.entry] as PhraseSource;
    const start = (tokens[position] as Token).start;
    const end = (tokens[plan.take.last] as Token).end;
    matches.push({ slug: entry.slug, matched: query.slice(start, end), alternatives: alternativesOf(entry) });
    position = plan.take.last + 1;
  }
  return matches;
}

/**
 * Lower-case term or synonym, as written, to the slug of its entry, for linking words on pages.
 * When two entries claim a phrase the first keeps it (validateGlossary reports the clash).
 */
export function glossaryIndex(glossary: readonly PhraseSource[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const entry of glossary) {
    for (const phrase of phrasesOf(entry)) {
      const key = phrase.trim().toLowerCase();
      if (key !== '' && !index.has(key)) index.set(key, entry.slug);
    }
  }
  return index;
}

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Every problem with a glossary, in plain words for whoever edits it; empty when it is sound. */
export function validateGlossary(glossary: readonly CheckedEntry[]): string[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const reportedSlugs = new Set<string>();
  for (const entry of glossary) {
    if (slugs.has(entry.slug) && !reportedSlugs.has(entry.slug)) {
      problems.push(`Slug "${entry.slug}" is used by more than one entry; each entry needs its own slug.`);
      reportedSlugs.add(entry.slug);
    }
    slugs.add(entry.slug);
  }

  // Phrases are compared by glossaryKey, because "micro credential" and "micro-credential" are the
  // same phrase to search and to page linking.
  const owners = new Map<string, { slug: string; phrase: string }>();
  for (const entry of glossary) {
    const label = `Entry "${entry.slug}"`;
    if (!KEBAB_CASE.test(entry.slug)) {
      problems.push(`${label}: the slug must be kebab-case (lower-case words joined by hyphens).`);
    }
    if (entry.term.trim() === '') problems.push(`${label} has an empty term.`);

    const summary = entry.summary.trim();
    if (summary === '') problems.push(`${label} has an empty summary.`);
    else if (summary.length > GLOSSARY_SUMMARY_MAX_LENGTH) {
      problems.push(
        `${label}: the summary is ${summary.length} characters; keep it under ${GLOSSARY_SUMMARY_MAX_LENGTH}.`,
      );
    }
    if (entry.body.length === 0 || entry.body.some((paragraph) => paragraph.trim() === '')) {
      problems.push(`${label} needs a body of one or more non-empty paragraphs.`);
    }

    for (const synonym of entry.synonyms) {
      if (glossaryKey(synonym) === '') problems.push(`${label} has an empty synonym.`);
      else if (TOO_GENERIC.has(glossaryKey(synonym))) {
        problems.push(`${label}: the synonym "${synonym}" is too general and would hijack searches.`);
      }
    }

    const ownKeys = new Set<string>();
    for (const phrase of phrasesOf(entry)) {
      const key = glossaryKey(phrase);
      if (key === '' || ownKeys.has(key)) continue;
      ownKeys.add(key);
      const owner = owners.get(key);
      if (owner === undefined) owners.set(key, { slug: entry.slug, phrase });
      else if (owner.slug !== entry.slug) {
        problems.push(
          `"${phrase}" is claimed by both "${owner.slug}" and "${entry.slug}"; a term or synonym may belong to one entry only.`,
        );
      }
    }

    for (const target of entry.seeAlso) {
      if (target === entry.slug) problems.push(`${label} lists itself in seeAlso.`);
      else if (!slugs.has(target)) {
        problems.push(`${label}: seeAlso points to "${target}", which is not in the glossary.`);
      }
    }
  }
  return problems;
}
