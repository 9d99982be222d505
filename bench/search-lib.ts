/**
 * Shared parts of the search benchmark (bench/search.ts) and the prototype comparison
 * (bench/prototype/compare.ts): the data, the loading through the hub's own read-model code path,
 * the fixed query mix, statistics and output.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/platform/db/database.ts';
import { createFrameworkService } from '../src/modules/framework/index.ts';
import { GLOSSARY } from '../src/modules/framework/glossary-data.ts';
import { findGlossaryPhrases } from '../src/modules/framework/glossary-model.ts';
import { createCatalogueRepository } from '../src/modules/catalogue/catalogue-repository.ts';
import {
  createCatalogueSearchRepository,
  type TextSearch,
} from '../src/modules/catalogue/catalogue-search-repository.ts';
import {
  toCatalogueEntry,
  vocabularyOf,
  type CatalogueEntry,
  type EntryText,
} from '../src/modules/catalogue/catalogue-read-model.ts';
import {
  ENUM_VALUES,
  emptyQuery,
  type SearchQuery,
  type SortOrder,
} from '../src/modules/catalogue/catalogue-search.ts';
import {
  DEMO_INSTITUTIONS,
  DEMO_SUBJECTS,
  generateDemoCatalogue,
} from '../src/modules/catalogue/demo/demo-catalogue.ts';

export const COUNT = Number(process.env['BENCH_COUNT'] ?? 100_000);
export const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 1));
export const SEED = 20_240_601;
export const TODAY = '2025-09-01';
export const BATCH = 1000;
export const WARM_UP = 20;

// ------------------------------------------------------------------------------------------ output

export const startedAt = performance.now();
export function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints rows as an aligned table: text columns left, numbers right. */
export function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const numeric = header.map(
    (_, column) =>
      rows.length > 0 &&
      rows.every((row) => typeof row[column] === 'number' || /^[\d.,x-]+$/.test(String(row[column]))),
  );
  const format = (row: string[]) =>
    row
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  out(format(header));
  out(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) out(format(row));
}

export const ms = (value: number) => value.toFixed(1);

// ------------------------------------------------------------------------------------------ stats

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function statsOf(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    n: sorted.length,
    p50: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sum / sorted.length,
    max: sorted.at(-1) ?? NaN,
  };
}

// ------------------------------------------------------------------------------------------ data

export type DemoItem = ReturnType<typeof generateDemoCatalogue>[number];

export interface Row {
  entry: CatalogueEntry;
  text: EntryText;
  vocabulary: string[];
}

export const DAY_MS = 86_400_000;

/** The read-model rows of the demo catalogue, built exactly as publishing builds them. */
export function buildRows(items: DemoItem[], institutionIds: Map<string, string>): Row[] {
  const subjectNames = new Map(DEMO_SUBJECTS.map((subject) => [subject.slug, subject.name]));
  const institutionsBySlug = new Map(DEMO_INSTITUTIONS.map((institution) => [institution.slug, institution]));
  const today = new Date(`${TODAY}T12:00:00Z`);
  return items.map((item, index) => {
    const institution = institutionsBySlug.get(item.institutionSlug);
    const institutionId = institutionIds.get(item.institutionSlug);
    if (!institution || !institutionId) throw new Error(`Unknown institution ${item.institutionSlug}`);
    const { entry, text } = toCatalogueEntry({
      microCredentialId: randomUUID(),
      versionId: randomUUID(),
      slug: item.slug,
      institution: {
        id: institutionId,
        slug: institution.slug,
        name: institution.name,
        kind: institution.kind,
      },
      subjectName: subjectNames.get(item.version.subjectSlug) ?? item.version.subjectSlug,
      input: item.version,
      offerings: item.offerings,
      // Spread over the past year as the demo seed does, so "newest first" has something to sort.
      publishedAt: new Date(today.getTime() - ((index * 37) % 365) * DAY_MS),
      today: TODAY,
    });
    return { entry, text, vocabulary: vocabularyOf(item.version) };
  });
}

// ------------------------------------------------------------------------------------------ query mix

export type Category = 'text' | 'filters' | 'text+filters';
export const CATEGORY_LABELS: Record<Category, string> = {
  text: '(a) text only',
  filters: '(b) filters only (1-3)',
  'text+filters': '(c) text + 3 filters',
};

export interface BenchQuery {
  category: Category;
  query: SearchQuery;
}

/** Words people search the catalogue with; the last three exercise the glossary and the typo fix. */
export const TEXT_QUERIES = [
  'data',
  'care',
  'leadership',
  'cyber security',
  '"project management"',
  'python',
  'dementia',
  'net zero',
  'hospitality',
  'welding',
  'mental health',
  'digital skills',
  'RPL',
  'short course',
  'leadrship',
];

export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

export function picks<T>(random: () => number, values: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, values.length)) chosen.add(pick(random, values));
  return [...chosen];
}

export type FilterName =
  | 'subject'
  | 'level'
  | 'delivery'
  | 'institutionType'
  | 'creditSize'
  | 'duration'
  | 'price'
  | 'institution'
  | 'kind'
  | 'funded'
  | 'stackable';
export const FILTER_NAMES: FilterName[] = [
  'subject',
  'level',
  'delivery',
  'institutionType',
  'creditSize',
  'duration',
  'price',
  'institution',
  'kind',
  'funded',
  'stackable',
];

export function applyFilter(query: SearchQuery, name: FilterName, random: () => number): void {
  const many = random() < 0.25 ? 2 : 1;
  switch (name) {
    case 'subject':
      query.subject = picks(
        random,
        DEMO_SUBJECTS.map((subject) => subject.slug),
        many,
      );
      break;
    case 'level':
      query.level = picks(random, [4, 5, 6, 7, 8, 9, 10, 11], many);
      break;
    case 'delivery':
      query.delivery = picks(random, ENUM_VALUES.delivery, many);
      break;
    case 'institutionType':
      query.institutionType = [pick(random, ENUM_VALUES.institutionType)];
      break;
    case 'creditSize':
      query.creditSize = picks(random, ENUM_VALUES.creditSize, many);
      break;
    case 'duration':
      query.duration = picks(random, ENUM_VALUES.duration, many);
      break;
    case 'price':
      query.price = picks(random, ENUM_VALUES.price, many);
      break;
    case 'institution':
      query.institution = picks(
        random,
        DEMO_INSTITUTIONS.map((institution) => institution.slug),
        many,
      );
      break;
    case 'kind':
      query.kind = [pick(random, ENUM_VALUES.kind)];
      break;
    case 'funded':
      query.funded = true;
      break;
    case 'stackable':
      query.stackable = true;
      break;
  }
}

export const SORTS: SortOrder[] = [
  'relevance',
  'relevance',
  'relevance',
  'relevance',
  'start-date',
  'title',
  'price-low',
  'newest',
  'level-high',
];

/**
 * The fixed mix: (a) every text query at pages 1-3 of "best match" and page 1 of two other sorts,
 * (b) 75 filter-only searches, (c) 75 text + 3 filter searches, the first being the brief's own
 * example. Deterministic, so runs compare.
 */
export function buildMix(seed: number): BenchQuery[] {
  const random = mulberry32(seed);
  const mix: BenchQuery[] = [];
  for (const q of TEXT_QUERIES) {
    for (const [sort, page] of [
      ['relevance', 1],
      ['relevance', 2],
      ['relevance', 3],
      ['newest', 1],
      ['title', 1],
    ] as const) {
      mix.push({ category: 'text', query: { ...emptyQuery(), q, sort, page } });
    }
  }
  for (let index = 0; index < 75; index++) {
    const query = emptyQuery();
    for (const name of picks(random, FILTER_NAMES, 1 + Math.floor(random() * 3)))
      applyFilter(query, name, random);
    query.sort = pick(random, SORTS);
    query.page = random() < 0.15 ? 2 : 1;
    mix.push({ category: 'filters', query });
  }
  mix.push({
    category: 'text+filters',
    query: { ...emptyQuery(), q: 'data', level: [7], delivery: ['online'], institutionType: ['college'] },
  });
  const commonFilters: FilterName[] = [
    'level',
    'delivery',
    'institutionType',
    'creditSize',
    'price',
    'duration',
    'funded',
    'subject',
    'kind',
  ];
  for (let index = 1; index < 75; index++) {
    const query = { ...emptyQuery(), q: TEXT_QUERIES[index % (TEXT_QUERIES.length - 1)] ?? 'data' };
    for (const name of picks(random, commonFilters, 3)) applyFilter(query, name, random);
    query.sort = pick(random, SORTS);
    query.page = random() < 0.15 ? 2 : 1;
    mix.push({ category: 'text+filters', query });
  }
  // Interleave categories so caches and the server warm evenly across them.
  return mix
    .map((item, index) => ({ item, key: mulberry32(seed + index)() }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);
}

// ------------------------------------------------------------------------------------------ loading

/**
 * Loads the demo catalogue through the hub's own read-model code path: institutions and subjects
 * as the seed adds them, rows built by `toCatalogueEntry` and written by the search repository's
 * `upsertEntries` in batches, the vocabulary for typo correction, the whole-catalogue facet totals
 * and the glossary. The normalised version and offering tables are left empty: search never reads
 * them (it reads catalogue_entries, catalogue_documents, catalogue_facet_totals, catalogue_words,
 * subjects, institutions and glossary_terms).
 */
export async function loadHub(
  database: Database,
  items: DemoItem[],
  label: string,
): Promise<{ rows: Row[]; loadMs: number; analyzeMs: number }> {
  const repository = createCatalogueRepository(database);
  const searchRepository = createCatalogueSearchRepository(database);
  const began = performance.now();
  await repository.insertSubjects(DEMO_SUBJECTS);
  const institutions = await repository.insertInstitutions(
    DEMO_INSTITUTIONS.map((institution) => ({
      ...institution,
      website: institution.website ?? null,
      isDemo: true,
    })),
  );
  await createFrameworkService(database).seedGlossaryIfEmpty();
  const rows = buildRows(
    items,
    new Map(institutions.map((institution) => [institution.slug, institution.id])),
  );
  const vocabulary = new Set<string>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await database.db.transaction(async (tx) => searchRepository.upsertEntries(batch, tx));
    for (const row of batch) for (const word of row.vocabulary) vocabulary.add(word);
    if ((start / BATCH) % 10 === 9 || start + BATCH >= rows.length)
      progress(`${label}: loaded ${Math.min(start + BATCH, rows.length)} of ${rows.length}`);
  }
  await searchRepository.addVocabulary([...vocabulary]);
  await searchRepository.refreshFacetTotals();
  const loadMs = performance.now() - began;
  const analyzing = performance.now();
  await database.rows(sql`ANALYZE`);
  return { rows, loadMs, analyzeMs: performance.now() - analyzing };
}

/** What the service does to the words before it asks the repository (glossary phrases pulled out). */
export function textSearchOf(q: string, glossary: typeof GLOSSARY): TextSearch {
  const phrases = findGlossaryPhrases(q, glossary);
  let words = q;
  for (const phrase of phrases) words = words.replace(phrase.matched, ' ');
  return {
    words: words.replace(/\s+/g, ' ').trim(),
    phraseGroups: phrases.map((phrase) => phrase.alternatives),
  };
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** Creates `bench_search_<random>` on the server of `url`; refuses to reuse any existing database. */
export async function createBenchDatabase(
  url: string,
): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `bench_search_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount !== 0)
      throw new Error(`Database ${name} already exists; the bench only uses a database it creates.`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const benchUrl = new URL(url);
  benchUrl.pathname = `/${name}`;
  let dropped = false;
  return {
    url: benchUrl.toString(),
    name,
    drop: async () => {
      if (dropped) return;
      dropped = true;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
