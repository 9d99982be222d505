/**
 * Search benchmark (not a test): 100,000 demo micro-credentials, the hub's own search service on
 * PGlite (always) and PostgreSQL (when DATABASE_URL is set), against SQLite FTS5 as the peer an
 * engineer would build for embedded search. Figures go to stdout, progress to stderr.
 *
 *   npm run bench:search
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:search
 *
 * With DATABASE_URL the bench creates its own database `bench_search_<random>` on that server and
 * drops it at the end; it never reads or writes the database named in the URL.
 *
 * BENCH_COUNT (default 100000) and BENCH_ROUNDS (default 1) exist only to try the bench quickly.
 * See docs/performance.md for what is measured and the figures.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { createFrameworkService } from '../src/modules/framework/index.ts';
import { GLOSSARY } from '../src/modules/framework/glossary-data.ts';
import { findGlossaryPhrases } from '../src/modules/framework/glossary-model.ts';
import { createCatalogueService } from '../src/modules/catalogue/catalogue-service.ts';
import { compileTextSearch, createCatalogueRepository, type TextSearch } from '../src/modules/catalogue/catalogue-repository.ts';
import { toCatalogueEntry, vocabularyOf, type CatalogueEntry, type EntryText } from '../src/modules/catalogue/catalogue-read-model.ts';
import { ENUM_VALUES, emptyQuery, type SearchQuery, type SortOrder } from '../src/modules/catalogue/catalogue-search.ts';
import { DEMO_INSTITUTIONS, DEMO_SUBJECTS, generateDemoCatalogue } from '../src/modules/catalogue/demo/demo-catalogue.ts';

const COUNT = Number(process.env['BENCH_COUNT'] ?? 100_000);
const ROUNDS = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 1));
const SEED = 20_240_601;
const TODAY = '2025-09-01';
const BATCH = 1000;
const WARM_UP = 20;

// ------------------------------------------------------------------------------------------ output

const startedAt = performance.now();
function progress(message: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${seconds}s] ${message}\n`);
}

function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Prints rows as an aligned table: text columns left, numbers right. */
function table(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === 'number' || /^[\d.,x-]+$/.test(String(row[column]))));
  const format = (row: string[]) =>
    row.map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  out(format(header));
  out(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of cells.slice(1)) out(format(row));
}

const ms = (value: number) => value.toFixed(1);

// ------------------------------------------------------------------------------------------ stats

interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles. */
function statsOf(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
  const sum = sorted.reduce((total, value) => total + value, 0);
  return { n: sorted.length, p50: rank(50), p95: rank(95), p99: rank(99), mean: sum / sorted.length, max: sorted.at(-1) ?? NaN };
}

// ------------------------------------------------------------------------------------------ data

type DemoItem = ReturnType<typeof generateDemoCatalogue>[number];

interface Row {
  entry: CatalogueEntry;
  text: EntryText;
  vocabulary: string[];
}

const DAY_MS = 86_400_000;

/** The read-model rows of the demo catalogue, built exactly as publishing builds them. */
function buildRows(items: DemoItem[], institutionIds: Map<string, string>): Row[] {
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
      institution: { id: institutionId, slug: institution.slug, name: institution.name, kind: institution.kind },
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

type Category = 'text' | 'filters' | 'text+filters';
const CATEGORY_LABELS: Record<Category, string> = {
  text: '(a) text only',
  filters: '(b) filters only (1-3)',
  'text+filters': '(c) text + 3 filters',
};

interface BenchQuery {
  category: Category;
  query: SearchQuery;
}

/** Words people search the catalogue with; the last three exercise the glossary and the typo fix. */
const TEXT_QUERIES = [
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

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, values: readonly T[]): T {
  const value = values[Math.floor(random() * values.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

function picks<T>(random: () => number, values: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, values.length)) chosen.add(pick(random, values));
  return [...chosen];
}

type FilterName = 'subject' | 'level' | 'delivery' | 'institutionType' | 'creditSize' | 'duration' | 'price' | 'institution' | 'kind' | 'funded' | 'stackable';
const FILTER_NAMES: FilterName[] = ['subject', 'level', 'delivery', 'institutionType', 'creditSize', 'duration', 'price', 'institution', 'kind', 'funded', 'stackable'];

function applyFilter(query: SearchQuery, name: FilterName, random: () => number): void {
  const many = random() < 0.25 ? 2 : 1;
  switch (name) {
    case 'subject':
      query.subject = picks(random, DEMO_SUBJECTS.map((subject) => subject.slug), many);
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
      query.institution = picks(random, DEMO_INSTITUTIONS.map((institution) => institution.slug), many);
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

const SORTS: SortOrder[] = ['relevance', 'relevance', 'relevance', 'relevance', 'start-date', 'title', 'price-low', 'newest', 'level-high'];

/**
 * The fixed mix: (a) every text query at pages 1-3 of "best match" and page 1 of two other sorts,
 * (b) 75 filter-only searches, (c) 75 text + 3 filter searches, the first being the brief's own
 * example. Deterministic, so runs compare.
 */
function buildMix(seed: number): BenchQuery[] {
  const random = mulberry32(seed);
  const mix: BenchQuery[] = [];
  for (const q of TEXT_QUERIES) {
    for (const [sort, page] of [['relevance', 1], ['relevance', 2], ['relevance', 3], ['newest', 1], ['title', 1]] as const) {
      mix.push({ category: 'text', query: { ...emptyQuery(), q, sort, page } });
    }
  }
  for (let index = 0; index < 75; index++) {
    const query = emptyQuery();
    for (const name of picks(random, FILTER_NAMES, 1 + Math.floor(random() * 3))) applyFilter(query, name, random);
    query.sort = pick(random, SORTS);
    query.page = random() < 0.15 ? 2 : 1;
    mix.push({ category: 'filters', query });
  }
  mix.push({ category: 'text+filters', query: { ...emptyQuery(), q: 'data', level: [7], delivery: ['online'], institutionType: ['college'] } });
  const commonFilters: FilterName[] = ['level', 'delivery', 'institutionType', 'creditSize', 'price', 'duration', 'funded', 'subject', 'kind'];
  for (let index = 1; index < 75; index++) {
    const query = { ...emptyQuery(), q: TEXT_QUERIES[index % (TEXT_QUERIES.length - 1)] ?? 'data' };
    for (const name of picks(random, commonFilters, 3)) applyFilter(query, name, random);
    query.sort = pick(random, SORTS);
    query.page = random() < 0.15 ? 2 : 1;
    mix.push({ category: 'text+filters', query });
  }
  // Interleave categories so caches and the server warm evenly across them.
  return mix.map((item, index) => ({ item, key: mulberry32(seed + index)() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
}

// ------------------------------------------------------------------------------------------ hub

interface HubFigures {
  label: string;
  loadMs: number;
  analyzeMs: number;
  /** category -> latencies */
  full: Map<Category | 'all', number[]>;
  /** text-only, best match: full search with facets, and the text path without facets */
  rankedFull: number[];
  rankedTextPath: number[];
  matches: Map<string, { total: number; correctedQuery: string | undefined; synonyms: string[] }>;
  bytes: number | undefined;
}

async function loadHub(database: Database, items: DemoItem[], label: string): Promise<{ rows: Row[]; loadMs: number; analyzeMs: number }> {
  const repository = createCatalogueRepository(database);
  const began = performance.now();
  await repository.insertSubjects(DEMO_SUBJECTS);
  const institutions = await repository.insertInstitutions(
    DEMO_INSTITUTIONS.map((institution) => ({ ...institution, website: institution.website ?? null, isDemo: true })),
  );
  await createFrameworkService(database).seedGlossaryIfEmpty();
  const rows = buildRows(items, new Map(institutions.map((institution) => [institution.slug, institution.id])));
  const vocabulary = new Set<string>();
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await repository.upsertCatalogueEntries(batch);
    for (const row of batch) for (const word of row.vocabulary) vocabulary.add(word);
    if ((start / BATCH) % 10 === 9 || start + BATCH >= rows.length) progress(`${label}: loaded ${Math.min(start + BATCH, rows.length)} of ${rows.length}`);
  }
  await repository.addVocabulary([...vocabulary]);
  const loadMs = performance.now() - began;
  const analyzing = performance.now();
  await database.rows(sql`ANALYZE`);
  return { rows, loadMs, analyzeMs: performance.now() - analyzing };
}

/** What the service does to the words before it asks the repository (glossary phrases pulled out). */
function textSearchOf(q: string, glossary: typeof GLOSSARY): TextSearch {
  const phrases = findGlossaryPhrases(q, glossary);
  let words = q;
  for (const phrase of phrases) words = words.replace(phrase.matched, ' ');
  return { words: words.replace(/\s+/g, ' ').trim(), phraseGroups: phrases.map((phrase) => phrase.alternatives) };
}

async function benchHub(database: Database, items: DemoItem[], mix: BenchQuery[], warmUp: BenchQuery[], label: string): Promise<HubFigures> {
  progress(`${label}: loading ${items.length} micro-credentials`);
  const { loadMs, analyzeMs } = await loadHub(database, items, label);
  progress(`${label}: loaded in ${ms(loadMs / 1000)} s, ANALYZE ${ms(analyzeMs)} ms`);
  const framework = createFrameworkService(database);
  const clock = () => new Date(`${TODAY}T12:00:00Z`);
  const service = createCatalogueService({ database, framework, clock });
  const repository = createCatalogueRepository(database);

  const [size] = await database.rows<{ bytes: string }>(sql`SELECT pg_total_relation_size('catalogue_entries')::text AS bytes`);

  progress(`${label}: warming up (${warmUp.length} searches)`);
  for (const { query } of warmUp) await service.search(query);

  const full = new Map<Category | 'all', number[]>([['text', []], ['filters', []], ['text+filters', []], ['all', []]]);
  const matches: HubFigures['matches'] = new Map();
  const rankedFull: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    progress(`${label}: timing ${mix.length} searches (round ${round + 1} of ${ROUNDS})`);
    for (const [index, { category, query }] of mix.entries()) {
      const began = performance.now();
      const result = await service.search(query);
      const elapsed = performance.now() - began;
      full.get(category)?.push(elapsed);
      full.get('all')?.push(elapsed);
      if (category === 'text' && query.sort === 'relevance') rankedFull.push(elapsed);
      if (category === 'text' && !matches.has(query.q)) {
        matches.set(query.q, {
          total: result.total,
          correctedQuery: result.correctedQuery,
          synonyms: result.synonymsUsed.map((phrase) => `${phrase.matched} -> ${phrase.alternatives.length} alternatives`),
        });
      }
      if (index % 50 === 49) progress(`${label}: ${index + 1} of ${mix.length}`);
    }
  }

  // The text path alone, as a peer engine would run it: ranked page + total, no facets, no
  // glossary round trip (the glossary is expanded in memory, as for the peer).
  progress(`${label}: timing the text path without facets`);
  const ranked = mix.filter(({ category, query }) => category === 'text' && query.sort === 'relevance').map(({ query }) => query);
  const rankedTextPath: number[] = [];
  const runTextPath = async (query: SearchQuery) => {
    const match = compileTextSearch(textSearchOf(query.q, GLOSSARY));
    const condition = match.kind === 'full-text' ? sql`e.document_vector @@ ${match.tsquery}` : sql`TRUE`;
    const [items, [count]] = await Promise.all([
      repository.searchEntries(query, match),
      database.rows<{ total: number }>(sql`SELECT count(*)::int AS total FROM catalogue_entries e WHERE ${condition}`),
    ]);
    return { items, total: count?.total ?? 0 };
  };
  for (const query of ranked.slice(0, 5)) await runTextPath(query);
  for (let round = 0; round < ROUNDS * 2; round++) {
    for (const query of ranked) {
      const began = performance.now();
      await runTextPath(query);
      rankedTextPath.push(performance.now() - began);
    }
  }
  return {
    label,
    loadMs,
    analyzeMs,
    full,
    rankedFull,
    rankedTextPath,
    matches,
    bytes: size ? Number(size.bytes) : undefined,
  };
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** Creates `bench_search_<random>` on the server of `url`; refuses to reuse any existing database. */
async function createBenchDatabase(url: string): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const name = `bench_search_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount !== 0) throw new Error(`Database ${name} already exists; the bench only uses a database it creates.`);
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

// ------------------------------------------------------------------------------------------ SQLite FTS5 peer

interface PeerFigures {
  loadMs: number;
  latencies: number[];
  matches: Map<string, number>;
}

/** An FTS5 query for what the person typed: words ANDed, quoted phrases kept, glossary phrases ORed. */
function ftsQueryOf(q: string): string {
  const search = textSearchOf(q, GLOSSARY);
  const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
  const parts: string[] = [];
  const words = search.words;
  const phraseRe = /"([^"]*)"/g;
  for (const match of words.matchAll(phraseRe)) {
    const inner = (match[1] ?? '').match(/[\p{L}\p{N}]+/gu);
    if (inner && inner.length > 0) parts.push(quote(inner.join(' ')));
  }
  for (const word of words.replace(phraseRe, ' ').match(/[\p{L}\p{N}]+/gu) ?? []) parts.push(quote(word));
  for (const group of search.phraseGroups) {
    parts.push(`(${group.map((phrase) => quote((phrase.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

function benchPeer(rows: Row[], queries: SearchQuery[]): PeerFigures {
  progress(`SQLite FTS5: indexing ${rows.length} micro-credentials`);
  const began = performance.now();
  const db = new DatabaseSync(':memory:');
  const first = rows[0]?.entry;
  if (!first) throw new Error('No rows');
  const columns = Object.keys(first) as (keyof CatalogueEntry)[];
  db.exec(`CREATE TABLE entries (rowid INTEGER PRIMARY KEY, ${columns.map((column) => `"${column}"`).join(', ')})`);
  // Title, outcomes and keywords, summary and description, institution: the same text as ours.
  db.exec(`CREATE VIRTUAL TABLE entries_fts USING fts5(title, outcomes, description, institution, tokenize = 'porter unicode61')`);
  const insertEntry = db.prepare(`INSERT INTO entries VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const insertText = db.prepare('INSERT INTO entries_fts (rowid, title, outcomes, description, institution) VALUES (?, ?, ?, ?, ?)');
  const value = (raw: unknown) => (raw instanceof Date ? raw.toISOString() : typeof raw === 'boolean' ? (raw ? 1 : 0) : (raw as string | number | null));
  db.exec('BEGIN');
  rows.forEach(({ entry, text }, index) => {
    insertEntry.run(index + 1, ...columns.map((column) => value(entry[column])));
    insertText.run(index + 1, entry.title, text.outcomes, text.description, entry.institutionName);
  });
  db.exec('COMMIT');
  db.exec(`INSERT INTO entries_fts (entries_fts) VALUES ('optimize')`);
  const loadMs = performance.now() - began;
  progress(`SQLite FTS5: indexed in ${ms(loadMs / 1000)} s`);

  // bm25 weights in ts_rank's proportions (A 1.0, B 0.4, C 0.2, D 0.1): title highest.
  const top: StatementSync = db.prepare(`
    SELECT e.* FROM (
      SELECT rowid AS id, bm25(entries_fts, 10.0, 4.0, 2.0, 1.0) AS score
      FROM entries_fts WHERE entries_fts MATCH ? ORDER BY score LIMIT ? OFFSET ?
    ) m JOIN entries e ON e.rowid = m.id ORDER BY m.score`);
  const count: StatementSync = db.prepare('SELECT count(*) AS total FROM entries_fts WHERE entries_fts MATCH ?');
  const run = (query: SearchQuery) => {
    const match = ftsQueryOf(query.q);
    const items = top.all(match, query.pageSize, (query.page - 1) * query.pageSize);
    const total = Number((count.get(match) as { total: number } | undefined)?.total ?? 0);
    return { items, total };
  };
  const matches = new Map<string, number>();
  for (const query of queries) matches.set(query.q, run(query).total);
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS * 2; round++) {
    for (const query of queries) {
      const started = performance.now();
      run(query);
      latencies.push(performance.now() - started);
    }
  }
  db.close();
  return { loadMs, latencies, matches };
}

// ------------------------------------------------------------------------------------------ main

function printHub(figures: HubFigures[]): void {
  out('Search latency through the hub\'s search service (items + total + all facet counts), ms');
  out();
  const rows: (string | number)[][] = [];
  for (const hub of figures) {
    for (const category of ['text', 'filters', 'text+filters', 'all'] as const) {
      const stats = statsOf(hub.full.get(category) ?? []);
      rows.push([hub.label, category === 'all' ? 'all searches' : CATEGORY_LABELS[category], stats.n, ms(stats.p50), ms(stats.p95), ms(stats.p99), ms(stats.mean), ms(stats.max)]);
    }
  }
  table(['database', 'category (with facets)', 'n', 'p50', 'p95', 'p99', 'mean', 'max'], rows);
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  out(`Micro-credentials Hub search benchmark: ${COUNT} micro-credentials, seed ${SEED}, today ${TODAY}`);
  out(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}`);
  out();

  progress(`generating ${COUNT} demo micro-credentials`);
  const generating = performance.now();
  const items = generateDemoCatalogue({ count: COUNT, seed: SEED, today: TODAY });
  const generateMs = performance.now() - generating;
  progress(`generated in ${ms(generateMs / 1000)} s`);

  const mix = buildMix(7);
  const warmUp = buildMix(99).slice(0, WARM_UP);
  const rankedText = mix.filter(({ category, query }) => category === 'text' && query.sort === 'relevance').map(({ query }) => query);

  const hubs: HubFigures[] = [];
  let rows: Row[] | undefined;

  {
    const database = await openDatabase({ pgliteDataDir: 'memory://' });
    try {
      hubs.push(await benchHub(database, items, mix, warmUp, 'PGlite'));
      // The peer indexes the same rows (same text, same institutions), built once more here.
      rows = buildRows(items, new Map(DEMO_INSTITUTIONS.map((institution) => [institution.slug, randomUUID()])));
    } finally {
      await database.close();
    }
  }

  if (databaseUrl) {
    const bench = await createBenchDatabase(databaseUrl);
    progress(`PostgreSQL: created database ${bench.name}`);
    const onSignal = () => {
      void bench.drop().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      const database = await openDatabase({ databaseUrl: bench.url });
      try {
        const [version] = await database.rows<{ version: string }>(sql`SELECT current_setting('server_version') AS version`);
        hubs.push(await benchHub(database, items, mix, warmUp, `PostgreSQL ${(version?.version ?? '').split(' ')[0]}`.trim()));
      } finally {
        await database.close();
      }
    } finally {
      await bench.drop();
      progress(`PostgreSQL: dropped database ${bench.name}`);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  } else {
    progress('DATABASE_URL not set: PostgreSQL skipped');
  }

  const peer = benchPeer(rows ?? [], rankedText);

  // ---------------------------------------------------------------- report
  out('Load (generate once, then insert through the hub\'s read-model code path in batches of 1000)');
  out();
  table(
    ['database', 'rows', 'load s', 'ANALYZE s', 'catalogue_entries MB'],
    [
      ['generator', COUNT, ms(generateMs / 1000), '-', '-'],
      ...hubs.map((hub) => [hub.label, COUNT, ms(hub.loadMs / 1000), ms(hub.analyzeMs / 1000), hub.bytes === undefined ? '-' : (hub.bytes / 2 ** 20).toFixed(0)]),
      ['SQLite FTS5 (peer)', COUNT, ms(peer.loadMs / 1000), '-', '-'],
    ],
  );
  out();

  out('Matches of the text queries (total of the hub\'s search; the peer\'s total on the same words)');
  out();
  const first = hubs[0];
  table(
    ['query', ...hubs.map((hub) => hub.label), 'SQLite FTS5', 'note'],
    TEXT_QUERIES.map((q) => {
      const found = first?.matches.get(q);
      const note = [found?.correctedQuery ? `corrected to "${found.correctedQuery}"` : '', ...(found?.synonyms ?? [])].filter(Boolean).join('; ');
      return [q, ...hubs.map((hub) => hub.matches.get(q)?.total ?? '-'), peer.matches.get(q) ?? '-', note];
    }),
  );
  out();

  printHub(hubs);
  out();

  const peerStats = statsOf(peer.latencies);
  out('Ranked text queries ("best match", pages 1-3 of the text-only queries), ms');
  out();
  const rankedRows: (string | number)[][] = [];
  for (const hub of hubs) {
    const fullStats = statsOf(hub.rankedFull);
    const pathStats = statsOf(hub.rankedTextPath);
    rankedRows.push([`${hub.label}: full search (items + total + facets)`, fullStats.n, ms(fullStats.p50), ms(fullStats.p95), ms(fullStats.p99), ms(fullStats.mean), `${(fullStats.p50 / peerStats.p50).toFixed(1)}x`, `${(fullStats.p95 / peerStats.p95).toFixed(1)}x`]);
    rankedRows.push([`${hub.label}: text path only (items + count)`, pathStats.n, ms(pathStats.p50), ms(pathStats.p95), ms(pathStats.p99), ms(pathStats.mean), `${(pathStats.p50 / peerStats.p50).toFixed(1)}x`, `${(pathStats.p95 / peerStats.p95).toFixed(1)}x`]);
  }
  rankedRows.push(['SQLite FTS5 peer (top 20 by bm25 + count)', peerStats.n, ms(peerStats.p50), ms(peerStats.p95), ms(peerStats.p99), ms(peerStats.mean), '1.0x', '1.0x']);
  table(['engine', 'n', 'p50', 'p95', 'p99', 'mean', 'p50 / peer', 'p95 / peer'], rankedRows);
  out();

  out('Goals (p95)');
  out();
  const goalRows: string[][] = [];
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');
  const postgres = hubs.find((hub) => hub.label.startsWith('PostgreSQL'));
  const pglite = hubs.find((hub) => hub.label === 'PGlite');
  if (postgres) {
    const stats = statsOf(postgres.full.get('text+filters') ?? []);
    goalRows.push(['PostgreSQL: text + 3 filters + facets, p95 < 50 ms', `${ms(stats.p95)} ms`, verdict(stats.p95 < 50)]);
  } else {
    goalRows.push(['PostgreSQL: text + 3 filters + facets, p95 < 50 ms', 'not run (set DATABASE_URL)', '-']);
  }
  for (const [hub, limit] of [[postgres, 1.5], [pglite, 3]] as const) {
    if (!hub) {
      goalRows.push([`PostgreSQL: ranked text <= ${limit}x SQLite FTS5`, 'not run (set DATABASE_URL)', '-']);
      continue;
    }
    const full = statsOf(hub.rankedFull).p95 / peerStats.p95;
    const path = statsOf(hub.rankedTextPath).p95 / peerStats.p95;
    goalRows.push([`${hub.label}: ranked text, full search <= ${limit}x SQLite FTS5`, `${full.toFixed(1)}x`, verdict(full <= limit)]);
    goalRows.push([`${hub.label}: ranked text, text path only <= ${limit}x SQLite FTS5`, `${path.toFixed(1)}x`, verdict(path <= limit)]);
  }
  table(['goal', 'measured', 'result'], goalRows);
  out();
  out(`Total run time ${ms((performance.now() - startedAt) / 1000)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
