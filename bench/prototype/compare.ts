/**
 * Measures the changes proposed in docs/performance.md: the hub's search service as it is, then the
 * prototype (bench/prototype/search-prototype.ts) with the changes switched on one after another,
 * on the same 100,000 demo micro-credentials and the same query mix as bench/search.ts. Checks that
 * every variant returns what the hub returns (total, facet counts, items).
 *
 *   npx tsx bench/prototype/compare.ts                      # PGlite
 *   DATABASE_URL=postgres://... npx tsx bench/prototype/compare.ts   # PostgreSQL (own database)
 */
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { createFrameworkService } from '../../src/modules/framework/index.ts';
import { createCatalogueService, type SearchResult } from '../../src/modules/catalogue/catalogue-service.ts';
import { toSearchParams, type SearchQuery } from '../../src/modules/catalogue/catalogue-search.ts';
import { generateDemoCatalogue } from '../../src/modules/catalogue/demo/demo-catalogue.ts';
import {
  CATEGORY_LABELS,
  COUNT,
  SEED,
  TODAY,
  WARM_UP,
  buildMix,
  createBenchDatabase,
  loadHub,
  ms,
  out,
  progress,
  statsOf,
  table,
  type Category,
} from '../search-lib.ts';
import {
  SORT_INDEXES,
  addPrototypeColumns,
  createPrototypeSearch,
  type PrototypeOptions,
} from './search-prototype.ts';

type Search = (query: SearchQuery) => Promise<SearchResult>;

interface VariantFigures {
  label: string;
  latencies: Map<Category | 'all', number[]>;
  /** Searches whose total or facet counts differ from the hub's. */
  different: string[];
  /** Searches whose page lists other titles than the hub's. */
  otherItems: string[];
  /** Searches with other entries of the same titles (ties of sort key and title, which the ORDER BY leaves open). */
  reordered: number;
}

const NONE: PrototypeOptions = {
  lightService: false,
  sortIndexes: false,
  facetCodes: false,
  titleFirst: false,
  codesCache: false,
};

function fingerprint(result: SearchResult) {
  return {
    total: result.total,
    facets: JSON.stringify(
      result.facets.map((facet) => [
        facet.name,
        facet.values.map((value) => [value.value, value.count]).sort(),
      ]),
    ),
    items: result.items.map((item) => item.slug),
    titles: result.items.map((item) => item.title),
  };
}

interface Variant {
  label: string;
  search: Search;
  figures: VariantFigures;
}

function newFigures(label: string): VariantFigures {
  return {
    label,
    latencies: new Map([
      ['text', []],
      ['filters', []],
      ['text+filters', []],
      ['all', []],
    ]),
    different: [],
    otherItems: [],
    reordered: 0,
  };
}

function check(
  figures: VariantFigures,
  key: string,
  result: SearchResult,
  reference: Map<string, ReturnType<typeof fingerprint>> | undefined,
) {
  const print = fingerprint(result);
  const expected = reference?.get(key);
  if (!expected) return print;
  if (print.total !== expected.total || print.facets !== expected.facets) figures.different.push(key);
  if (print.titles.join('\n') !== expected.titles.join('\n')) figures.otherItems.push(key);
  else if (print.items.join() !== expected.items.join()) figures.reordered++;
  return print;
}

/**
 * Runs the mix once per variant, interleaved: each query goes to every variant in turn (starting
 * with a different one each time), so other work on the machine weighs on all of them alike.
 */
async function runInterleaved(
  variants: Variant[],
  mix: { category: Category; query: SearchQuery }[],
  reference: Map<string, ReturnType<typeof fingerprint>> | undefined,
) {
  for (const variant of variants) {
    progress(`${variant.label}: warming up`);
    for (const { query } of buildMix(99).slice(0, WARM_UP)) await variant.search(query);
  }
  const results = new Map<string, ReturnType<typeof fingerprint>>();
  for (const [index, { category, query }] of mix.entries()) {
    const key = toSearchParams(query).toString();
    for (let turn = 0; turn < variants.length; turn++) {
      const variant = variants[(index + turn) % variants.length] as Variant;
      const began = performance.now();
      const result = await variant.search(query);
      const elapsed = performance.now() - began;
      variant.figures.latencies.get(category)?.push(elapsed);
      variant.figures.latencies.get('all')?.push(elapsed);
      const print = check(variant.figures, key, result, reference);
      if (!reference && turn === 0) results.set(key, print);
    }
    if (index % 50 === 49) progress(`${index + 1} of ${mix.length} searches`);
  }
  return results;
}

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  out(
    `Prototype comparison: ${COUNT} micro-credentials, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}; load average at start ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
  );
  const items = generateDemoCatalogue({ count: COUNT, seed: SEED, today: TODAY });
  const bench = databaseUrl ? await createBenchDatabase(databaseUrl) : undefined;
  let database: Database | undefined;
  try {
    database = bench
      ? await openDatabase({ databaseUrl: bench.url })
      : await openDatabase({ pgliteDataDir: 'memory://' });
    await loadHub(database, items, 'load');
    const framework = createFrameworkService(database);
    const clock = () => new Date(`${TODAY}T12:00:00Z`);
    const hub = createCatalogueService({ database, framework, clock });
    const mix = buildMix(7);

    progress('phase A: the hub as is');
    const hubAsIs: Variant = {
      label: 'hub as is',
      search: (query) => hub.search(query),
      figures: newFigures('hub as is'),
    };
    const reference = await runInterleaved([hubAsIs], mix, undefined);
    const all: VariantFigures[] = [hubAsIs.figures];

    progress('adding the sort indexes and the prototype columns (UPDATE, VACUUM FULL, indexes)');
    const began = performance.now();
    for (const statement of SORT_INDEXES) await database.rows(statement);
    await addPrototypeColumns(database);
    progress(`DDL done in ${ms((performance.now() - began) / 1000)} s`);

    const variants: Variant[] = [
      {
        label: 'hub + sort indexes (after DDL)',
        search: (query) => hub.search(query),
        figures: newFigures('hub + sort indexes (after DDL)'),
      },
    ];
    const options: [string, PrototypeOptions][] = [
      ['prototype: + light service', { ...NONE, sortIndexes: true, lightService: true }],
      ['prototype: + facet codes', { ...NONE, sortIndexes: true, lightService: true, facetCodes: true }],
      [
        'prototype: + title-first ranking',
        { ...NONE, sortIndexes: true, lightService: true, facetCodes: true, titleFirst: true },
      ],
      [
        'prototype: + codes cache (warm)',
        {
          ...NONE,
          sortIndexes: true,
          lightService: true,
          facetCodes: true,
          titleFirst: true,
          codesCache: true,
        },
      ],
    ];
    for (const [label, option] of options) {
      const prototype = createPrototypeSearch(database, framework, option);
      variants.push({ label, search: (query) => prototype.search(query), figures: newFigures(label) });
    }
    progress('phase B: the hub and the prototype variants, interleaved');
    await runInterleaved(variants, mix, reference);
    all.push(...variants.map((variant) => variant.figures));

    out();
    const rows: (string | number)[][] = [];
    for (const figures of all) {
      for (const category of ['text', 'filters', 'text+filters', 'all'] as const) {
        const stats = statsOf(figures.latencies.get(category) ?? []);
        rows.push([
          category === 'text' ? figures.label : '',
          category === 'all' ? 'all searches' : CATEGORY_LABELS[category],
          ms(stats.p50),
          ms(stats.p95),
          ms(stats.p99),
          ms(stats.mean),
          category === 'all'
            ? `counts differ ${figures.different.length}, pages differ ${figures.otherItems.length}, tie order ${figures.reordered}`
            : '',
        ]);
      }
    }
    table(
      ['variant', 'category (with facets)', 'p50', 'p95', 'p99', 'mean', 'same answers as the hub'],
      rows,
    );
    for (const figures of all) {
      if (figures.different.length > 0)
        out(`${figures.label}: counts differ on ${figures.different.slice(0, 5).join(' | ')}`);
      if (figures.otherItems.length > 0)
        out(`${figures.label}: pages differ on ${figures.otherItems.slice(0, 5).join(' | ')}`);
    }
    out(
      `load average at end ${loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await database?.close();
    await bench?.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
