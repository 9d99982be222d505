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
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { cpus, loadavg, totalmem } from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { createFrameworkService } from '../src/modules/framework/index.ts';
import { GLOSSARY } from '../src/modules/framework/glossary-data.ts';
import { createCatalogueService } from '../src/modules/catalogue/catalogue-service.ts';
import {
  compileTextSearch,
  createCatalogueSearchRepository,
} from '../src/modules/catalogue/catalogue-search-repository.ts';
import type { CatalogueEntry } from '../src/modules/catalogue/catalogue-read-model.ts';
import type { SearchQuery } from '../src/modules/catalogue/catalogue-search.ts';
import { DEMO_INSTITUTIONS, generateDemoCatalogue } from '../src/modules/catalogue/demo/demo-catalogue.ts';
import {
  CATEGORY_LABELS,
  COUNT,
  ROUNDS,
  SEED,
  TEXT_QUERIES,
  TODAY,
  WARM_UP,
  buildMix,
  buildRows,
  createBenchDatabase,
  loadHub,
  ms,
  out,
  progress,
  startedAt,
  statsOf,
  table,
  textSearchOf,
  type BenchQuery,
  type Category,
  type DemoItem,
  type Row,
} from './search-lib.ts';

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

async function benchHub(
  database: Database,
  items: DemoItem[],
  mix: BenchQuery[],
  warmUp: BenchQuery[],
  label: string,
): Promise<HubFigures> {
  progress(`${label}: loading ${items.length} micro-credentials`);
  const { loadMs, analyzeMs } = await loadHub(database, items, label);
  progress(`${label}: loaded in ${ms(loadMs / 1000)} s, ANALYZE ${ms(analyzeMs)} ms`);
  const framework = createFrameworkService(database);
  const clock = () => new Date(`${TODAY}T12:00:00Z`);
  const service = createCatalogueService({ database, framework, clock });
  const searchRepository = createCatalogueSearchRepository(database);

  const [size] = await database.rows<{ bytes: string }>(
    sql`SELECT sum(pg_total_relation_size(oid))::text AS bytes FROM pg_class WHERE relkind = 'r' AND relname LIKE 'catalogue\_%'`,
  );

  progress(`${label}: warming up (${warmUp.length} searches)`);
  for (const { query } of warmUp) await service.search(query);

  const full = new Map<Category | 'all', number[]>([
    ['text', []],
    ['filters', []],
    ['text+filters', []],
    ['all', []],
  ]);
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
          synonyms: result.synonymsUsed.map(
            (phrase) => `${phrase.matched} -> ${phrase.alternatives.length} alternatives`,
          ),
        });
      }
      if (index % 50 === 49) progress(`${label}: ${index + 1} of ${mix.length}`);
    }
  }

  // The text path alone, as a peer engine would run it: ranked page + total, no facets, no
  // glossary round trip (the glossary is expanded in memory, as for the peer).
  progress(`${label}: timing the text path without facets`);
  const ranked = mix
    .filter(({ category, query }) => category === 'text' && query.sort === 'relevance')
    .map(({ query }) => query);
  const rankedTextPath: number[] = [];
  // The weighted document vector, wherever the read model keeps it (its layout is still changing).
  const [vector] = await database.rows<{ table_name: string; column_name: string }>(sql`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE udt_name = 'tsvector' AND table_schema = current_schema() AND table_name LIKE 'catalogue%'
    ORDER BY (column_name LIKE '%document%') DESC, column_name LIMIT 1`);
  if (!vector) throw new Error('No tsvector column in the catalogue read model');
  const runTextPath = async (query: SearchQuery) => {
    const match = compileTextSearch(textSearchOf(query.q, GLOSSARY));
    const condition =
      match.kind === 'full-text' ? sql`${sql.identifier(vector.column_name)} @@ ${match.tsquery}` : sql`TRUE`;
    const [items, [count]] = await Promise.all([
      searchRepository.searchEntries(query, match),
      database.rows<{ total: number }>(
        sql`SELECT count(*)::int AS total FROM ${sql.identifier(vector.table_name)} WHERE ${condition}`,
      ),
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
    parts.push(
      `(${group.map((phrase) => quote((phrase.match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))).join(' OR ')})`,
    );
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
  db.exec(
    `CREATE TABLE entries (rowid INTEGER PRIMARY KEY, ${columns.map((column) => `"${column}"`).join(', ')})`,
  );
  // Title, outcomes and keywords, summary and description, institution: the same text as ours.
  db.exec(
    `CREATE VIRTUAL TABLE entries_fts USING fts5(title, outcomes, description, institution, tokenize = 'porter unicode61')`,
  );
  const insertEntry = db.prepare(`INSERT INTO entries VALUES (?, ${columns.map(() => '?').join(', ')})`);
  const insertText = db.prepare(
    'INSERT INTO entries_fts (rowid, title, outcomes, description, institution) VALUES (?, ?, ?, ?, ?)',
  );
  const value = (raw: unknown) =>
    raw instanceof Date
      ? raw.toISOString()
      : typeof raw === 'boolean'
        ? raw
          ? 1
          : 0
        : (raw as string | number | null);
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
  const count: StatementSync = db.prepare(
    'SELECT count(*) AS total FROM entries_fts WHERE entries_fts MATCH ?',
  );
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
  out("Search latency through the hub's search service (items + total + all facet counts), ms");
  out();
  const rows: (string | number)[][] = [];
  for (const hub of figures) {
    for (const category of ['text', 'filters', 'text+filters', 'all'] as const) {
      const stats = statsOf(hub.full.get(category) ?? []);
      rows.push([
        hub.label,
        category === 'all' ? 'all searches' : CATEGORY_LABELS[category],
        stats.n,
        ms(stats.p50),
        ms(stats.p95),
        ms(stats.p99),
        ms(stats.mean),
        ms(stats.max),
      ]);
    }
  }
  table(['database', 'category (with facets)', 'n', 'p50', 'p95', 'p99', 'mean', 'max'], rows);
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  out(`Micro-credentials Hub search benchmark: ${COUNT} micro-credentials, seed ${SEED}, today ${TODAY}`);
  out(
    `Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  out();

  progress(`generating ${COUNT} demo micro-credentials`);
  const generating = performance.now();
  const items = generateDemoCatalogue({ count: COUNT, seed: SEED, today: TODAY });
  const generateMs = performance.now() - generating;
  progress(`generated in ${ms(generateMs / 1000)} s`);

  const mix = buildMix(7);
  const warmUp = buildMix(99).slice(0, WARM_UP);
  const rankedText = mix
    .filter(({ category, query }) => category === 'text' && query.sort === 'relevance')
    .map(({ query }) => query);

  const hubs: HubFigures[] = [];
  let rows: Row[] | undefined;

  {
    const database = await openDatabase({ pgliteDataDir: 'memory://' });
    try {
      hubs.push(await benchHub(database, items, mix, warmUp, 'PGlite'));
      // The peer indexes the same rows (same text, same institutions), built once more here.
      rows = buildRows(
        items,
        new Map(DEMO_INSTITUTIONS.map((institution) => [institution.slug, randomUUID()])),
      );
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
        const [version] = await database.rows<{ version: string }>(
          sql`SELECT current_setting('server_version') AS version`,
        );
        hubs.push(
          await benchHub(
            database,
            items,
            mix,
            warmUp,
            `PostgreSQL ${(version?.version ?? '').split(' ')[0]}`.trim(),
          ),
        );
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
  out("Load (generate once, then insert through the hub's read-model code path in batches of 1000)");
  out();
  table(
    ['database', 'rows', 'load s', 'ANALYZE s', 'read model MB (tables + indexes)'],
    [
      ['generator', COUNT, ms(generateMs / 1000), '-', '-'],
      ...hubs.map((hub) => [
        hub.label,
        COUNT,
        ms(hub.loadMs / 1000),
        ms(hub.analyzeMs / 1000),
        hub.bytes === undefined ? '-' : (hub.bytes / 2 ** 20).toFixed(0),
      ]),
      ['SQLite FTS5 (peer)', COUNT, ms(peer.loadMs / 1000), '-', '-'],
    ],
  );
  out();

  out("Matches of the text queries (total of the hub's search; the peer's total on the same words)");
  out();
  const first = hubs[0];
  table(
    ['query', ...hubs.map((hub) => hub.label), 'SQLite FTS5', 'note'],
    TEXT_QUERIES.map((q) => {
      const found = first?.matches.get(q);
      const note = [
        found?.correctedQuery ? `corrected to "${found.correctedQuery}"` : '',
        ...(found?.synonyms ?? []),
      ]
        .filter(Boolean)
        .join('; ');
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
    rankedRows.push([
      `${hub.label}: full search (items + total + facets)`,
      fullStats.n,
      ms(fullStats.p50),
      ms(fullStats.p95),
      ms(fullStats.p99),
      ms(fullStats.mean),
      `${(fullStats.p50 / peerStats.p50).toFixed(1)}x`,
      `${(fullStats.p95 / peerStats.p95).toFixed(1)}x`,
    ]);
    rankedRows.push([
      `${hub.label}: text path only (items + count)`,
      pathStats.n,
      ms(pathStats.p50),
      ms(pathStats.p95),
      ms(pathStats.p99),
      ms(pathStats.mean),
      `${(pathStats.p50 / peerStats.p50).toFixed(1)}x`,
      `${(pathStats.p95 / peerStats.p95).toFixed(1)}x`,
    ]);
  }
  rankedRows.push([
    'SQLite FTS5 peer (top 20 by bm25 + count)',
    peerStats.n,
    ms(peerStats.p50),
    ms(peerStats.p95),
    ms(peerStats.p99),
    ms(peerStats.mean),
    '1.0x',
    '1.0x',
  ]);
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
    goalRows.push([
      'PostgreSQL: text + 3 filters + facets, p95 < 50 ms',
      `${ms(stats.p95)} ms`,
      verdict(stats.p95 < 50),
    ]);
  } else {
    goalRows.push(['PostgreSQL: text + 3 filters + facets, p95 < 50 ms', 'not run (set DATABASE_URL)', '-']);
  }
  for (const [hub, limit] of [
    [postgres, 1.5],
    [pglite, 3],
  ] as const) {
    if (!hub) {
      goalRows.push([`PostgreSQL: ranked text <= ${limit}x SQLite FTS5`, 'not run (set DATABASE_URL)', '-']);
      continue;
    }
    const full = statsOf(hub.rankedFull).p95 / peerStats.p95;
    const path = statsOf(hub.rankedTextPath).p95 / peerStats.p95;
    goalRows.push([
      `${hub.label}: ranked text, full search <= ${limit}x SQLite FTS5`,
      `${full.toFixed(1)}x`,
      verdict(full <= limit),
    ]);
    goalRows.push([
      `${hub.label}: ranked text, text path only <= ${limit}x SQLite FTS5`,
      `${path.toFixed(1)}x`,
      verdict(path <= limit),
    ]);
  }
  table(['goal', 'measured', 'result'], goalRows);
  out();
  out(
    `Total run time ${ms((performance.now() - startedAt) / 1000)} s; load average at end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')} (other work on the machine skews the figures)`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
