import { sql, type SQL } from 'drizzle-orm';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import { catalogueEntries, catalogueWords } from './catalogue-tables.ts';
import type { CatalogueEntry, EntryText } from './catalogue-read-model.ts';
import {
  activeFacetNames,
  type FacetName,
  type SearchFilters,
  type SearchQuery,
} from './catalogue-search.ts';

/** A text search compiled to a `tsquery` expression. */
export type TextMatch = { kind: 'full-text'; tsquery: SQL } | { kind: 'none' };

/**
 * Words the person typed, with the glossary phrases found in them pulled out: each phrase group
 * matches any of its alternatives (a term and its synonyms), and all parts must match.
 */
export interface TextSearch {
  words: string;
  phraseGroups: string[][];
}

export interface FacetCounts {
  total: number;
  /** facet name -> value -> count */
  counts: Map<FacetName, Map<string, number>>;
}

export function compileTextSearch(search: TextSearch): TextMatch {
  const parts: SQL[] = [];
  if (search.words.trim()) parts.push(sql`websearch_to_tsquery('english', ${search.words})`);
  for (const group of search.phraseGroups) {
    parts.push(
      sql`(${sql.join(
        group.map((phrase) => sql`phraseto_tsquery('english', ${phrase})`),
        sql` || `,
      )})`,
    );
  }
  if (parts.length === 0) return { kind: 'none' };
  return { kind: 'full-text', tsquery: sql`(${sql.join(parts, sql` && `)})` };
}

function columnsOf(table: object): [key: string, column: string][] {
  return Object.entries(table)
    .filter(([, column]) => typeof column === 'object' && column !== null && 'name' in column)
    .map(([key, column]) => [key, (column as { name: string }).name]);
}

const ENTRY_COLUMNS = sql.raw(
  columnsOf(catalogueEntries)
    .filter(([key]) => key !== 'document')
    .map(([key, column]) => `e.${column} AS "${key}"`)
    .join(', '),
);

/** Each multi-valued facet's column in the read model. */
const GROUPED_FACETS: [FacetName, string][] = [
  ['subject', 'subject_slug'],
  ['level', 'scqf_level'],
  ['creditSize', 'credit_size'],
  ['duration', 'duration'],
  ['price', 'price_band'],
  ['institution', 'institution_slug'],
  ['institutionType', 'institution_kind'],
  ['kind', 'kind'],
];
const GROUPED_COLUMN = new Map(GROUPED_FACETS);

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

const FACET_SOURCE_COLUMNS = sql.raw(
  [...GROUPED_COLUMN.values(), ...Object.values(DELIVERY_COLUMNS), ...Object.values(BOOLEAN_COLUMNS)]
    .map((column) => `e.${column}`)
    .join(', '),
);

/** Every delivery mode of a row as its own row, so modes can be counted with GROUP BY. */
const DELIVERY_MODES_OF_ROW = sql.raw(
  `CROSS JOIN LATERAL (VALUES ${Object.entries(DELIVERY_COLUMNS)
    .map(([mode, column]) => `('${mode}', e.${column})`)
    .join(', ')}) AS m(mode, has_mode)`,
);

/** The condition one facet's selection puts on the results. */
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
  const column = GROUPED_COLUMN.get(name);
  if (!column) throw new Error(`No column for facet ${name}`);
  const values = filters[name] as readonly (string | number)[];
  return sql`${sql.raw(`e.${column}`)} IN (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

function allOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`TRUE` : sql`(${sql.join(conditions, sql` AND `)})`;
}

/**
 * The SQL that counts one facet's values over the rows `source` names (a table or CTE aliased e).
 * Each part yields rows of (facet, value, n).
 */
function countFacetSql(name: FacetName, source: SQL, where: SQL): SQL {
  if (name === 'delivery') {
    return sql`SELECT 'delivery' AS facet, m.mode AS value, count(*)::int AS n
      FROM ${source} ${DELIVERY_MODES_OF_ROW} WHERE m.has_mode AND ${where} GROUP BY m.mode`;
  }
  if (name === 'funded' || name === 'stackable' || name === 'transferable') {
    return sql`SELECT ${sql.raw(`'${name}'`)} AS facet, 'true' AS value,
      (count(*) FILTER (WHERE ${sql.raw(`e.${BOOLEAN_COLUMNS[name]}`)}))::int AS n FROM ${source} WHERE ${where}`;
  }
  const column = sql.raw(`e.${GROUPED_COLUMN.get(name) as string}`);
  return sql`SELECT ${sql.raw(`'${name}'`)} AS facet, ${column}::text AS value, count(*)::int AS n
    FROM ${source} WHERE ${where} AND ${column} IS NOT NULL GROUP BY ${column}`;
}

const ALL_FACETS = [
  ...GROUPED_FACETS.map(([name]) => name),
  'delivery',
  ...Object.keys(BOOLEAN_COLUMNS),
] as FacetName[];

export function createCatalogueSearchRepository(database: Database) {
  const { db } = database;

  async function readFacetRows(statement: SQL): Promise<FacetCounts> {
    const rows = await database.rows<{ facet: string; value: string; n: number }>(statement);
    const counts = new Map<FacetName, Map<string, number>>();
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'all') {
        total = Number(row.n);
        continue;
      }
      const values = counts.get(row.facet as FacetName) ?? new Map<string, number>();
      values.set(row.value, Number(row.n));
      counts.set(row.facet as FacetName, values);
    }
    return { total, counts };
  }

  /** Counts of every facet over the whole catalogue. */
  function wholeCatalogueFacetsSql(): SQL {
    const source = sql`catalogue_entries e`;
    return sql.join(
      [
        sql`SELECT 'all' AS facet, '' AS value, count(*)::int AS n FROM catalogue_entries e`,
        ...ALL_FACETS.map((name) => countFacetSql(name, source, sql`TRUE`)),
      ],
      sql` UNION ALL `,
    );
  }

  return {
    /** Replaces the search rows of micro-credentials; the document vector comes from the database's English stemmer. */
    async upsertEntries(rows: { entry: CatalogueEntry; text: EntryText }[], tx: Db = db): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insert(catalogueEntries)
        .values(
          rows.map(({ entry, text }) => ({
            ...entry,
            document: sql`setweight(to_tsvector('english', ${entry.title}), 'A')
              || setweight(to_tsvector('english', ${text.outcomes}), 'B')
              || setweight(to_tsvector('english', ${text.description}), 'C')
              || setweight(to_tsvector('english', ${entry.institutionName}), 'D')`,
          })),
        )
        .onConflictDoUpdate({
          target: catalogueEntries.microCredentialId,
          set: Object.fromEntries(
            columnsOf(catalogueEntries)
              .filter(([key]) => key !== 'microCredentialId')
              .map(([key, column]) => [key, sql.raw(`excluded.${column}`)]),
          ),
        });
    },

    /** Recounts the whole catalogue's facets; run after every publication so browsing starts instantly. */
    async removeEntry(microCredentialId: string, tx: Db = db): Promise<void> {
      await tx.delete(catalogueEntries).where(eq(catalogueEntries.microCredentialId, microCredentialId));
    },

    async refreshFacetTotals(tx: Db = db): Promise<void> {
      await tx.execute(sql`DELETE FROM catalogue_facet_totals`);
      await tx.execute(
        sql`INSERT INTO catalogue_facet_totals (facet, value, count) ${wholeCatalogueFacetsSql()}`,
      );
    },

    async addVocabulary(words: string[], tx: Db = db): Promise<void> {
      const unique = [...new Set(words)];
      for (let start = 0; start < unique.length; start += 5000) {
        const chunk = unique.slice(start, start + 5000).map((word) => ({ word }));
        await tx.insert(catalogueWords).values(chunk).onConflictDoNothing();
      }
    },

    /** For each word not in the catalogue's vocabulary, the closest word that is (if any is close enough). */
    async closestVocabularyWords(words: string[]): Promise<Map<string, string>> {
      const corrections = new Map<string, string>();
      for (const word of words) {
        const [known] = await database.rows<{ word: string }>(
          sql`SELECT word FROM catalogue_words WHERE word = ${word}`,
        );
        if (known) continue;
        const [closest] = await database.rows<{ word: string }>(sql`
          SELECT word FROM catalogue_words
          WHERE word % ${word}
          ORDER BY similarity(word, ${word}) DESC, word
          LIMIT 1`);
        if (closest) corrections.set(word, closest.word);
      }
      return corrections;
    },

    async searchEntries(query: SearchQuery, match: TextMatch): Promise<CatalogueEntry[]> {
      const filters = allOf(activeFacetNames(query).map((name) => facetCondition(query, name)));
      const page = sql`LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
      const soonest = sql`e.next_starts_on ASC NULLS LAST, e.title ASC`;
      const orders: Record<SearchQuery['sort'], SQL> = {
        relevance: soonest,
        'start-date': soonest,
        title: sql`e.title ASC`,
        'price-low': sql`e.min_price_pence ASC NULLS LAST, e.title ASC`,
        'level-low': sql`e.scqf_level ASC NULLS FIRST, e.title ASC`,
        'level-high': sql`e.scqf_level DESC NULLS LAST, e.title ASC`,
        newest: sql`e.published_at DESC, e.title ASC`,
      };
      // Many courses share a title: the unique slug last makes every page the same on every request.
      const stable = sql`e.slug ASC`;
      if (match.kind === 'none') {
        return database.rows<CatalogueEntry>(
          sql`SELECT ${ENTRY_COLUMNS} FROM catalogue_entries e WHERE ${filters} ORDER BY ${orders[query.sort]}, ${stable} ${page}`,
        );
      }
      const order =
        query.sort === 'relevance'
          ? sql`ts_rank(e.document, ${match.tsquery}) DESC, e.title ASC`
          : orders[query.sort];
      return database.rows<CatalogueEntry>(sql`
        SELECT ${ENTRY_COLUMNS} FROM catalogue_entries e
        WHERE e.document @@ ${match.tsquery} AND ${filters}
        ORDER BY ${order}, ${stable} ${page}`);
    },

    /**
     * The total and every facet's counts in one statement. Each facet is counted with every other
     * facet's selection applied but not its own, so a person can widen a choice (add "hybrid" to
     * "online") and see what it would add. Facets without a selection share one pass over the
     * fully filtered set; only a facet in use reads more rows, found through the indexes.
     */
    async countFacets(query: SearchQuery, match: TextMatch): Promise<FacetCounts> {
      const active = activeFacetNames(query);
      if (match.kind === 'none' && active.length === 0) {
        const [row] = await database.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM catalogue_facet_totals`,
        );
        if ((row?.n ?? 0) > 0) {
          return readFacetRows(sql`SELECT facet, value, count AS n FROM catalogue_facet_totals
            UNION ALL SELECT 'all', '', count(*)::int FROM catalogue_entries`);
        }
      }
      const conditionOf = new Map(active.map((name) => [name, facetCondition(query, name)]));
      const allExcept = (name: FacetName | null) =>
        allOf(active.filter((other) => other !== name).map((other) => conditionOf.get(other) as SQL));
      const isText = match.kind === 'full-text';
      // The text condition is repeated in each part so the database can combine its index with the filters'.
      const inText = isText ? sql`e.document @@ ${match.tsquery}` : sql`TRUE`;
      const entries = sql`catalogue_entries e`;
      const parts: SQL[] = [sql`SELECT 'all' AS facet, '' AS value, count(*)::int AS n FROM base e`];
      for (const name of ALL_FACETS) {
        if (!conditionOf.has(name)) parts.push(countFacetSql(name, sql`base e`, sql`TRUE`));
        else if (!isText && active.length === 1) {
          // With no words and one filter, its own counts are the whole catalogue's, kept ready.
          parts.push(sql`SELECT facet, value, count AS n FROM catalogue_facet_totals WHERE facet = ${name}`);
        } else parts.push(countFacetSql(name, entries, sql`${inText} AND ${allExcept(name)}`));
      }
      return readFacetRows(sql`
        WITH base AS MATERIALIZED (SELECT ${FACET_SOURCE_COLUMNS} FROM catalogue_entries e WHERE ${inText} AND ${allExcept(null)})
        ${sql.join(parts, sql` UNION ALL `)}`);
    },
  };
}

export type CatalogueSearchRepository = ReturnType<typeof createCatalogueSearchRepository>;
