/**
 * PROTOTYPE, not used by the hub: the catalogue search with the changes proposed in
 * docs/performance.md, so their effect can be measured against the real code on the same data
 * (bench/prototype/compare.ts). Each change can be switched on alone:
 *
 * - `lightService`: the search page needs institution names, not course counts per institution,
 *   and the glossary list is read once per process instead of once per search.
 * - `sortIndexes`: B-tree indexes matching the non-text sort orders (DDL: `SORT_INDEXES`).
 * - `facetCodes`: every entry carries one integer packing its facet values (`facet_code`, DDL:
 *   `addPrototypeColumns`); the facet counts are one `SELECT facet_code ... WHERE <text>` and a count in
 *   the application, instead of a 9-set GROUPING SETS aggregate with 11 FILTERed counts each.
 * - `titleFirst`: for a one-word "best match" search, rank only the entries with the word in the
 *   title (new `title_vector` column with a GIN index, DDL: `addPrototypeColumns`) when there are
 *   enough of them. Exact: with ts_rank's default weights an entry with the
 *   word in its title (weight A, rank >= 1/1.645 = 0.61) always outranks one without (<= 0.46).
 * - `codesCache`: keeps the facet codes of a text search in memory (per catalogue version), so
 *   changing filters, sort or page after a search costs no facet scan.
 *
 * The SQL mirrors src/modules/catalogue/catalogue-search-repository.ts as it stood when measured
 * (the weighted vector `document` inline in catalogue_entries); only what is listed above differs.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/platform/db/database.ts';
import type { FrameworkService } from '../../src/modules/framework/index.ts';
import type { GlossaryEntry } from '../../src/modules/framework/glossary-data.ts';
import { findGlossaryPhrases } from '../../src/modules/framework/glossary-model.ts';
import { createCatalogueRepository } from '../../src/modules/catalogue/catalogue-repository.ts';
import {
  compileTextSearch,
  createCatalogueSearchRepository,
  type FacetCounts,
  type TextMatch,
  type TextSearch,
} from '../../src/modules/catalogue/catalogue-search-repository.ts';
import type { CatalogueEntry } from '../../src/modules/catalogue/catalogue-read-model.ts';
import {
  ENUM_VALUES,
  FACET_LABELS,
  FACET_NAMES,
  FACET_OPTIONS,
  activeFacetNames,
  type Facet,
  type FacetName,
  type SearchFilters,
  type SearchQuery,
} from '../../src/modules/catalogue/catalogue-search.ts';
import type { SearchResult } from '../../src/modules/catalogue/catalogue-service.ts';

export interface PrototypeOptions {
  lightService: boolean;
  sortIndexes: boolean;
  facetCodes: boolean;
  titleFirst: boolean;
  codesCache: boolean;
}

// ------------------------------------------------------------------------------- DDL of the proposal

export const SORT_INDEXES = [
  sql`CREATE INDEX IF NOT EXISTS catalogue_soonest ON catalogue_entries (next_starts_on ASC NULLS LAST, title)`,
  sql`CREATE INDEX IF NOT EXISTS catalogue_title ON catalogue_entries (title)`,
  sql`CREATE INDEX IF NOT EXISTS catalogue_price ON catalogue_entries (min_price_pence ASC NULLS LAST, title)`,
  sql`CREATE INDEX IF NOT EXISTS catalogue_newest ON catalogue_entries (published_at DESC, title)`,
  sql`CREATE INDEX IF NOT EXISTS catalogue_level_low ON catalogue_entries (scqf_level ASC NULLS FIRST, title)`,
  sql`CREATE INDEX IF NOT EXISTS catalogue_level_high ON catalogue_entries (scqf_level DESC NULLS LAST, title)`,
];

/**
 * Bit layout of `facet_code` (32 bits; a production version would use bigint or name the widths
 * from the vocabulary sizes): subject 5, level 4, credit size 3, duration 3, price 3,
 * institution 6, kind 1, delivery 4, funded/stackable/transferable 3. Institution type is derived
 * from the institution. Subjects and institutions are numbered by slug order, from 1.
 */
const LAYOUT = {
  subject: { shift: 0, bits: 5 },
  level: { shift: 5, bits: 4 },
  creditSize: { shift: 9, bits: 3 },
  duration: { shift: 12, bits: 3 },
  price: { shift: 15, bits: 3 },
  institution: { shift: 18, bits: 6 },
  kind: { shift: 24, bits: 1 },
  online: { shift: 25, bits: 1 },
  hybrid: { shift: 26, bits: 1 },
  'in-person': { shift: 27, bits: 1 },
  workplace: { shift: 28, bits: 1 },
  funded: { shift: 29, bits: 1 },
  stackable: { shift: 30, bits: 1 },
  transferable: { shift: 31, bits: 1 },
} as const;

const textArray = (values: readonly string[]) =>
  sql`${`{${values.map((value) => `"${value}"`).join(',')}}`}::text[]`;

/** The expression that computes an entry's code from its columns (used once, after loading). */
function facetCodeExpression(dictionary: Dictionary): SQL {
  const position = (column: string, values: readonly string[], field: keyof typeof LAYOUT) =>
    sql`(coalesce(array_position(${textArray(values)}, ${sql.raw(`e.${column}`)}), 0) << ${sql.raw(String(LAYOUT[field].shift))})`;
  const flag = (column: string, field: keyof typeof LAYOUT) =>
    sql`(${sql.raw(`e.${column}`)}::int << ${sql.raw(String(LAYOUT[field].shift))})`;
  return sql.join(
    [
      position('subject_slug', dictionary.subjects, 'subject'),
      sql`(coalesce(e.scqf_level, 0)::int << ${sql.raw(String(LAYOUT.level.shift))})`,
      position('credit_size', ENUM_VALUES.creditSize, 'creditSize'),
      position('duration', ENUM_VALUES.duration, 'duration'),
      position('price_band', ENUM_VALUES.price, 'price'),
      position(
        'institution_slug',
        dictionary.institutions.map((institution) => institution.slug),
        'institution',
      ),
      sql`((e.kind = 'small-qualification')::int << ${sql.raw(String(LAYOUT.kind.shift))})`,
      flag('is_online', 'online'),
      flag('is_hybrid', 'hybrid'),
      flag('is_in_person', 'in-person'),
      flag('is_workplace', 'workplace'),
      flag('is_funded', 'funded'),
      flag('is_stackable', 'stackable'),
      flag('is_transferable', 'transferable'),
    ],
    sql` | `,
  );
}

interface Dictionary {
  subjects: string[];
  institutions: { slug: string; name: string; kind: string }[];
}

async function loadDictionary(database: Database): Promise<Dictionary> {
  const subjects = await database.rows<{ slug: string }>(sql`SELECT slug FROM subjects ORDER BY slug`);
  const institutions = await database.rows<{ slug: string; name: string; kind: string }>(
    sql`SELECT slug, name, kind FROM institutions ORDER BY slug`,
  );
  if (subjects.length >= 2 ** LAYOUT.subject.bits || institutions.length >= 2 ** LAYOUT.institution.bits) {
    throw new Error('Too many subjects or institutions for the prototype facet code layout');
  }
  return { subjects: subjects.map((row) => row.slug), institutions };
}

/**
 * Adds and fills `facet_code` and `title_vector`, rewrites the table (the UPDATE leaves a dead copy
 * of every row) and indexes both. In the hub these would be written by upsertEntries.
 */
export async function addPrototypeColumns(database: Database): Promise<void> {
  const dictionary = await loadDictionary(database);
  await database.rows(
    sql`ALTER TABLE catalogue_entries ADD COLUMN IF NOT EXISTS facet_code integer, ADD COLUMN IF NOT EXISTS title_vector tsvector`,
  );
  await database.rows(
    sql`UPDATE catalogue_entries e SET facet_code = ${facetCodeExpression(dictionary)}, title_vector = setweight(to_tsvector('english', e.title), 'A')`,
  );
  await database.rows(sql`VACUUM FULL catalogue_entries`);
  await database.rows(sql`CREATE INDEX IF NOT EXISTS catalogue_facet_code ON catalogue_entries (facet_code)`);
  await database.rows(
    sql`CREATE INDEX IF NOT EXISTS catalogue_title_vector ON catalogue_entries USING gin (title_vector)`,
  );
  await database.rows(sql`VACUUM ANALYZE catalogue_entries`);
}

// ------------------------------------------------------------------------------- SQL as in the repository

const ENTRY_COLUMN_NAMES: Record<keyof CatalogueEntry, string> = {
  microCredentialId: 'micro_credential_id',
  versionId: 'version_id',
  slug: 'slug',
  title: 'title',
  summary: 'summary',
  institutionId: 'institution_id',
  institutionSlug: 'institution_slug',
  institutionName: 'institution_name',
  institutionKind: 'institution_kind',
  subjectSlug: 'subject_slug',
  kind: 'kind',
  providerTerm: 'provider_term',
  scqfLevel: 'scqf_level',
  scqfCredits: 'scqf_credits',
  notionalHours: 'notional_hours',
  creditSize: 'credit_size',
  duration: 'duration',
  durationLabel: 'duration_label',
  isOnline: 'is_online',
  isHybrid: 'is_hybrid',
  isInPerson: 'is_in_person',
  isWorkplace: 'is_workplace',
  priceBand: 'price_band',
  minPricePence: 'min_price_pence',
  isFunded: 'is_funded',
  isStackable: 'is_stackable',
  isTransferable: 'is_transferable',
  nextStartsOn: 'next_starts_on',
  publishedAt: 'published_at',
};
const ENTRY_COLUMNS = sql.raw(
  Object.entries(ENTRY_COLUMN_NAMES)
    .map(([key, column]) => `e.${column} AS "${key}"`)
    .join(', '),
);

const FACET_COLUMNS: Partial<Record<FacetName, string>> = {
  subject: 'subject_slug',
  level: 'scqf_level',
  creditSize: 'credit_size',
  duration: 'duration',
  price: 'price_band',
  institution: 'institution_slug',
  institutionType: 'institution_kind',
  kind: 'kind',
};
const DELIVERY_COLUMNS = {
  online: 'is_online',
  hybrid: 'is_hybrid',
  'in-person': 'is_in_person',
  workplace: 'is_workplace',
} as const;
const BOOLEAN_COLUMNS = {
  funded: 'is_funded',
  stackable: 'is_stackable',
  transferable: 'is_transferable',
} as const;

function facetCondition(filters: SearchFilters, name: FacetName): SQL {
  if (name === 'delivery') {
    return sql`(${sql.join(
      filters.delivery.map((mode) => sql.raw(`e.${DELIVERY_COLUMNS[mode]}`)),
      sql` OR `,
    )})`;
  }
  if (name === 'funded' || name === 'stackable' || name === 'transferable') {
    return sql`${sql.raw(`e.${BOOLEAN_COLUMNS[name]}`)} = ${filters[name] ?? false}`;
  }
  const column = FACET_COLUMNS[name];
  if (!column) throw new Error(`No column for facet ${name}`);
  const values = filters[name] as readonly (string | number)[];
  return sql`${sql.raw(`e.${column}`)} IN (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

function allOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`TRUE` : sql.join(conditions, sql` AND `);
}

// ------------------------------------------------------------------------------- facet codes

type Decoded = (code: number) => number;
const field = (name: keyof typeof LAYOUT): Decoded => {
  const { shift, bits } = LAYOUT[name];
  const mask = 2 ** bits - 1;
  return (code) => (code >>> shift) & mask;
};

/** Counts every facet from the codes, with the same rule as countFacets: each facet ignores its own selection. */
function countCodes(codes: ArrayLike<number>, query: SearchQuery, dictionary: Dictionary): FacetCounts {
  const subjectOf = field('subject');
  const levelOf = field('level');
  const sizeOf = field('creditSize');
  const durationOf = field('duration');
  const priceOf = field('price');
  const institutionOf = field('institution');
  const kindOf = field('kind');
  const modes = (['online', 'hybrid', 'in-person', 'workplace'] as const).map(
    (mode) => [mode, field(mode)] as const,
  );
  const booleans = (['funded', 'stackable', 'transferable'] as const).map(
    (name) => [name, field(name)] as const,
  );
  const institutionKinds = dictionary.institutions.map((institution) => institution.kind);
  const kindIndex = (kind: string) => ENUM_VALUES.institutionType.indexOf(kind as never);

  // Value index of each grouped facet for a code, and its labels.
  const grouped: { name: FacetName; valueOf: Decoded; label: (index: number) => string | null }[] = [
    { name: 'subject', valueOf: subjectOf, label: (index) => dictionary.subjects[index - 1] ?? null },
    { name: 'level', valueOf: levelOf, label: (index) => (index === 0 ? null : String(index)) },
    { name: 'creditSize', valueOf: sizeOf, label: (index) => ENUM_VALUES.creditSize[index - 1] ?? null },
    { name: 'duration', valueOf: durationOf, label: (index) => ENUM_VALUES.duration[index - 1] ?? null },
    { name: 'price', valueOf: priceOf, label: (index) => ENUM_VALUES.price[index - 1] ?? null },
    {
      name: 'institution',
      valueOf: institutionOf,
      label: (index) => dictionary.institutions[index - 1]?.slug ?? null,
    },
    {
      name: 'institutionType',
      valueOf: (code) => kindIndex(institutionKinds[institutionOf(code) - 1] ?? '') + 1,
      label: (index) => ENUM_VALUES.institutionType[index - 1] ?? null,
    },
    { name: 'kind', valueOf: kindOf, label: (index) => ENUM_VALUES.kind[index] ?? null },
  ];

  // Each active filter as a test on the code.
  const tests: [FacetName, (code: number) => boolean][] = activeFacetNames(query).map((name) => {
    if (name === 'delivery') {
      const selected = modes.filter(([mode]) => query.delivery.includes(mode)).map(([, valueOf]) => valueOf);
      return [name, (code: number) => selected.some((valueOf) => valueOf(code) === 1)];
    }
    const flag = booleans.find(([boolean]) => boolean === name);
    if (flag) {
      const wanted = query[flag[0]] ? 1 : 0;
      return [name, (code: number) => flag[1](code) === wanted];
    }
    const facet = grouped.find((candidate) => candidate.name === name);
    if (!facet) throw new Error(`No code field for ${name}`);
    const allowed = new Set((query[name] as readonly (string | number)[]).map(String));
    return [name, (code: number) => allowed.has(facet.label(facet.valueOf(code)) ?? '')];
  });

  const groupedCounts = grouped.map(() => new Map<number, number>());
  const modeCounts = modes.map(() => 0);
  const booleanCounts = booleans.map(() => 0);
  const groupedIndex = new Map(grouped.map((facet, index) => [facet.name as FacetName, index]));
  const modeFacet = 'delivery' as FacetName;
  let total = 0;
  const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
  const countModes = (code: number) => {
    modes.forEach(([, valueOf], mode) => {
      if (valueOf(code) === 1) modeCounts[mode] = (modeCounts[mode] ?? 0) + 1;
    });
  };

  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] as number;
    let failed: FacetName | null = null;
    let failures = 0;
    for (const [name, test] of tests) {
      if (!test(code)) {
        failures++;
        failed = name;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) {
      total++;
      for (let facet = 0; facet < grouped.length; facet++)
        bump(
          groupedCounts[facet] as Map<number, number>,
          (grouped[facet] as (typeof grouped)[number]).valueOf(code),
        );
      countModes(code);
      for (let flag = 0; flag < booleans.length; flag++) {
        if ((booleans[flag] as (typeof booleans)[number])[1](code) !== 1) continue;
        booleanCounts[flag] = (booleanCounts[flag] ?? 0) + 1;
      }
      continue;
    }
    // Exactly one filter fails: the row counts only for that filter's own facet.
    if (failed === modeFacet) {
      countModes(code);
      continue;
    }
    const flagIndex = booleans.findIndex(([name]) => name === failed);
    if (flagIndex >= 0) {
      if ((booleans[flagIndex] as (typeof booleans)[number])[1](code) === 1)
        booleanCounts[flagIndex] = (booleanCounts[flagIndex] ?? 0) + 1;
      continue;
    }
    const facet = groupedIndex.get(failed as FacetName);
    if (facet !== undefined)
      bump(
        groupedCounts[facet] as Map<number, number>,
        (grouped[facet] as (typeof grouped)[number]).valueOf(code),
      );
  }

  const counts = new Map<FacetName, Map<string, number>>();
  grouped.forEach((facet, index) => {
    const values = new Map<string, number>();
    for (const [value, count] of groupedCounts[index] as Map<number, number>) {
      const label = facet.label(value);
      if (label !== null) values.set(label, count);
    }
    counts.set(facet.name, values);
  });
  counts.set('delivery', new Map(modes.map(([mode], index) => [mode, modeCounts[index] ?? 0])));
  booleans.forEach(([name], index) => counts.set(name, new Map([['true', booleanCounts[index] ?? 0]])));
  return { total, counts };
}

/** Parses `{1,2,3}` without going through the driver's generic array parser. */
function parseCodes(text: string | null): Int32Array {
  if (!text) return new Int32Array(0);
  const parts = text.split(',');
  const codes = new Int32Array(parts.length);
  for (let index = 0; index < parts.length; index++) codes[index] = Number(parts[index]);
  return codes;
}

// ------------------------------------------------------------------------------- the search

export function createPrototypeSearch(
  database: Database,
  framework: FrameworkService,
  options: PrototypeOptions,
) {
  const repository = createCatalogueRepository(database);
  const searchRepository = createCatalogueSearchRepository(database);
  let glossary: Promise<GlossaryEntry[]> | undefined;
  let dictionary: Promise<Dictionary> | undefined;
  const codesCache = new Map<string, Int32Array>();

  async function textSearchFor(
    q: string,
  ): Promise<{ search: TextSearch; phrases: SearchResult['synonymsUsed'] }> {
    let phrases: SearchResult['synonymsUsed'];
    if (options.lightService) {
      glossary ??= framework.listGlossary();
      phrases = q.trim() ? findGlossaryPhrases(q, await glossary) : [];
    } else {
      phrases = await framework.glossaryPhrasesIn(q);
    }
    let words = q;
    for (const phrase of phrases) words = words.replace(phrase.matched, ' ');
    return {
      search: {
        words: words.replace(/\s+/g, ' ').trim(),
        phraseGroups: phrases.map((phrase) => phrase.alternatives),
      },
      phrases,
    };
  }

  async function searchEntries(
    query: SearchQuery,
    search: TextSearch,
    match: TextMatch,
  ): Promise<CatalogueEntry[]> {
    const filters = allOf(activeFacetNames(query).map((name) => facetCondition(query, name)));
    const offset = (query.page - 1) * query.pageSize;
    const oneWord = search.phraseGroups.length === 0 && /^[\p{L}\p{N}]+$/u.test(search.words);
    // Only without filters: with them too few title matches pass and the fallback costs a second query.
    if (
      options.titleFirst &&
      match.kind === 'full-text' &&
      query.sort === 'relevance' &&
      oneWord &&
      activeFacetNames(query).length === 0
    ) {
      const titleMatches = await database.rows<CatalogueEntry>(sql`
        SELECT ${ENTRY_COLUMNS} FROM catalogue_entries e
        WHERE e.title_vector @@ ${match.tsquery} AND ${filters}
        ORDER BY ts_rank(e.document, ${match.tsquery}) DESC, e.title ASC
        LIMIT ${query.pageSize} OFFSET ${offset}`);
      if (titleMatches.length === query.pageSize) return titleMatches;
    }
    return searchRepository.searchEntries(query, match);
  }

  async function countFacets(query: SearchQuery, search: TextSearch, match: TextMatch): Promise<FacetCounts> {
    // The whole catalogue unfiltered is kept ready in catalogue_facet_totals; leave that case as it is.
    if (!options.facetCodes || (match.kind === 'none' && activeFacetNames(query).length === 0))
      return searchRepository.countFacets(query, match);
    dictionary ??= loadDictionary(database);
    const key = JSON.stringify(search);
    let codes = options.codesCache ? codesCache.get(key) : undefined;
    if (!codes) {
      const text = match.kind === 'full-text' ? sql`e.document @@ ${match.tsquery}` : sql`TRUE`;
      const [row] = await database.rows<{ codes: string | null }>(
        sql`SELECT array_to_string(array_agg(e.facet_code), ',') AS codes FROM catalogue_entries e WHERE ${text}`,
      );
      codes = parseCodes(row?.codes ?? null);
      if (options.codesCache) codesCache.set(key, codes);
    }
    return countCodes(codes, query, await dictionary);
  }

  async function runSearch(query: SearchQuery, q: string) {
    const { search, phrases } = await textSearchFor(q);
    const match = compileTextSearch(search);
    const [items, counts] = await Promise.all([
      searchEntries(query, search, match),
      countFacets(query, search, match),
    ]);
    return { items, counts, phrases };
  }

  async function names(): Promise<Map<string, Map<string, string>>> {
    const subjects = await repository.listSubjects();
    const institutions = options.lightService
      ? await repository.listInstitutionNames()
      : await repository.listInstitutionsWithCounts();
    return new Map([
      ['subject', new Map(subjects.map((subject) => [subject.slug, subject.name]))],
      ['institution', new Map(institutions.map((institution) => [institution.slug, institution.name]))],
    ]);
  }

  return {
    async search(query: SearchQuery): Promise<SearchResult> {
      const q = query.q.trim();
      let outcome = await runSearch(query, q);
      let correctedQuery: string | undefined;
      if (outcome.counts.total === 0 && q) {
        const words = q
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .filter((word) => word.length >= 3);
        const corrections = await searchRepository.closestVocabularyWords(words);
        if (corrections.size > 0) {
          const corrected = q.replace(
            /[\p{L}\p{N}]+/gu,
            (word) => corrections.get(word.toLowerCase()) ?? word,
          );
          const retry = await runSearch(query, corrected);
          if (retry.counts.total > 0) {
            outcome = retry;
            correctedQuery = corrected;
          }
        }
      }
      const labels = await names();
      return {
        query,
        total: outcome.counts.total,
        items: outcome.items,
        facets: buildFacets(query, outcome.counts, labels),
        correctedQuery,
        synonymsUsed: outcome.phrases,
        subjectNames: labels.get('subject') ?? new Map<string, string>(),
      };
    },
  };
}

// As in catalogue-service.ts.
function buildFacets(
  query: SearchQuery,
  counts: FacetCounts,
  names: Map<string, Map<string, string>>,
): Facet[] {
  return FACET_NAMES.map((name): Facet => {
    const selected = new Set(
      (Array.isArray(query[name])
        ? (query[name] as unknown[])
        : query[name] === undefined
          ? []
          : [query[name]]
      ).map(String),
    );
    const countByValue = counts.counts.get(name) ?? new Map<string, number>();
    const options = optionsFor(name, names, countByValue);
    return {
      name,
      label: FACET_LABELS[name],
      values: options
        .map(([value, label]) => ({
          value,
          label,
          count: countByValue.get(value) ?? 0,
          selected: selected.has(value),
        }))
        .filter((value) => value.count > 0 || value.selected),
    };
  });
}

function optionsFor(
  name: FacetName,
  names: Map<string, Map<string, string>>,
  countByValue: Map<string, number>,
): [string, string][] {
  if (name in FACET_OPTIONS) return Object.entries(FACET_OPTIONS[name as keyof typeof FACET_OPTIONS]);
  if (name === 'funded') return [['true', 'Fully funded places available']];
  if (name === 'stackable' || name === 'transferable') return [['true', 'Yes']];
  if (name === 'level')
    return Array.from(
      { length: 12 },
      (_, index) => [String(index + 1), `Level ${index + 1}`] as [string, string],
    );
  const labels = names.get(name) ?? new Map<string, string>();
  return [...labels.entries()].sort(
    ([a, aLabel], [b, bLabel]) =>
      (countByValue.get(b) ?? 0) - (countByValue.get(a) ?? 0) || aLabel.localeCompare(bLabel),
  );
}
