import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import {
  catalogueEntries,
  catalogueWords,
  institutions,
  microCredentialVersions,
  microCredentials,
  offerings,
  partners,
  subjects,
} from './catalogue-tables.ts';
import type {
  InstitutionKind,
  MicroCredentialInput,
  OfferingInput,
  PartnerInput,
} from './catalogue-model.ts';
import type { CatalogueEntry, EntryText } from './catalogue-read-model.ts';
import {
  activeFacetNames,
  type FacetName,
  type SearchFilters,
  type SearchQuery,
} from './catalogue-search.ts';

export interface Institution {
  id: string;
  slug: string;
  name: string;
  kind: InstitutionKind;
  region: string;
  website: string | null;
  summary: string;
  codePrefix: string;
  isDemo: boolean;
}

export type NewInstitution = Omit<Institution, 'id'>;

export interface PublishedVersion {
  id: string;
  microCredentialId: string;
  versionNumber: number;
  code: string | null;
  publishedAt: Date | null;
  input: MicroCredentialInput;
}

export interface Offering extends OfferingInput {
  id: string;
}

export interface FacetCounts {
  total: number;
  /** facet name -> value -> count */
  counts: Map<FacetName, Map<string, number>>;
}

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

const ENTRY_COLUMNS = sql.raw(
  Object.entries(catalogueEntries)
    .filter(([key]) => !['titleVector', 'documentVector'].includes(key))
    .filter(([, column]) => typeof column === 'object' && column !== null && 'name' in column)
    .map(([key, column]) => `e.${(column as { name: string }).name} AS "${key}"`)
    .join(', '),
);

/** Each multi-valued facet's column in the read model. */
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

function inList(column: string, values: readonly (string | number)[]): SQL {
  return sql`${sql.raw(`e.${column}`)} IN (${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )})`;
}

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
  const column = FACET_COLUMNS[name];
  if (!column) throw new Error(`No column for facet ${name}`);
  return inList(column, filters[name] as readonly (string | number)[]);
}

function allOf(conditions: SQL[]): SQL {
  return conditions.length === 0 ? sql`TRUE` : sql.join(conditions, sql` AND `);
}

function textCondition(match: TextMatch): SQL {
  return match.kind === 'full-text' ? sql`e.document_vector @@ ${match.tsquery}` : sql`TRUE`;
}

function orderBy(query: SearchQuery, match: TextMatch): SQL {
  const soonest = sql`e.next_starts_on ASC NULLS LAST, e.title ASC`;
  switch (query.sort) {
    case 'relevance':
      return match.kind === 'full-text'
        ? sql`ts_rank(e.document_vector, ${match.tsquery}) DESC, e.title ASC`
        : soonest;
    case 'start-date':
      return soonest;
    case 'title':
      return sql`e.title ASC`;
    case 'price-low':
      return sql`e.min_price_pence ASC NULLS LAST, e.title ASC`;
    case 'level-low':
      return sql`e.scqf_level ASC NULLS FIRST, e.title ASC`;
    case 'level-high':
      return sql`e.scqf_level DESC NULLS LAST, e.title ASC`;
    case 'newest':
      return sql`e.published_at DESC, e.title ASC`;
  }
}

export function createCatalogueRepository(database: Database) {
  const { db } = database;

  return {
    async insertInstitutions(rows: NewInstitution[], tx: Db = db): Promise<Institution[]> {
      if (rows.length === 0) return [];
      return (await tx.insert(institutions).values(rows).returning()) as Institution[];
    },

    async listInstitutionsWithCounts(): Promise<(Institution & { courseCount: number })[]> {
      return database.rows(sql`
        SELECT i.id, i.slug, i.name, i.kind, i.region, i.website, i.summary,
               i.code_prefix AS "codePrefix", i.is_demo AS "isDemo",
               (SELECT count(*)::int FROM catalogue_entries e WHERE e.institution_id = i.id) AS "courseCount"
        FROM institutions i ORDER BY i.name`);
    },

    /** Names for facet labels: cheap, unlike the counts above. */
    async listInstitutionNames(): Promise<{ slug: string; name: string }[]> {
      return db.select({ slug: institutions.slug, name: institutions.name }).from(institutions);
    },

    async findInstitutionBySlug(slug: string): Promise<Institution | undefined> {
      const [row] = await db.select().from(institutions).where(eq(institutions.slug, slug));
      return row as Institution | undefined;
    },

    async insertSubjects(rows: { slug: string; name: string }[], tx: Db = db): Promise<void> {
      if (rows.length > 0) await tx.insert(subjects).values(rows).onConflictDoNothing();
    },

    async listSubjects(): Promise<{ slug: string; name: string }[]> {
      return db.select().from(subjects).orderBy(asc(subjects.name));
    },

    async countPublished(): Promise<number> {
      const [row] = await database.rows<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM catalogue_entries`,
      );
      return row?.count ?? 0;
    },

    async countMicroCredentialsOf(institutionId: string, tx: Db = db): Promise<number> {
      const [row] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(microCredentials)
        .where(eq(microCredentials.institutionId, institutionId));
      return row?.count ?? 0;
    },

    async insertMicroCredential(
      values: { slug: string; institutionId: string; isDemo: boolean },
      tx: Db = db,
    ): Promise<string> {
      const [row] = await tx.insert(microCredentials).values(values).returning({ id: microCredentials.id });
      if (!row) throw new Error('Insert returned no row');
      return row.id;
    },

    /** Stores a version as published and points the micro-credential at it. */
    async insertPublishedVersion(
      values: {
        microCredentialId: string;
        versionNumber: number;
        code: string;
        publishedAt: Date;
        input: MicroCredentialInput;
      },
      tx: Db = db,
    ): Promise<string> {
      const { input } = values;
      const [row] = await tx
        .insert(microCredentialVersions)
        .values({
          microCredentialId: values.microCredentialId,
          versionNumber: values.versionNumber,
          status: 'published',
          code: values.code,
          title: input.title,
          summary: input.summary,
          description: input.description,
          learningOutcomes: input.learningOutcomes,
          subjectSlug: input.subjectSlug,
          keywords: input.keywords,
          kind: input.kind,
          providerTerm: input.providerTerm,
          scqfLevel: input.scqfLevel,
          scqfCredits: input.scqfCredits,
          notionalHours: input.notionalHours,
          durationKind: input.duration.kind,
          durationAmount: input.duration.amount,
          durationUnit: input.duration.unit,
          assessment: input.assessment,
          assessmentKind: input.assessmentKind,
          supervision: input.supervision,
          identityCheck: input.identityChecked ? 'verified' : 'not-verified',
          prerequisites: input.prerequisites,
          language: input.language,
          qaBody: input.qaBody,
          qaRoute: input.qaRoute,
          qaApprovedOn: input.qaApprovedOn,
          creditRatingBody: input.creditRatingBody,
          recognition: input.recognition,
          hasTranscript: input.hasTranscript,
          transferability: input.transferability,
          stackability: input.stackability,
          countsTowards: input.countsTowards,
          accreditation: input.accreditation,
          nextReviewOn: input.nextReviewOn,
          publishedAt: values.publishedAt,
        })
        .returning({ id: microCredentialVersions.id });
      if (!row) throw new Error('Insert returned no row');
      if (input.partners.length > 0) {
        await tx
          .insert(partners)
          .values(input.partners.map((partner) => ({ ...partner, versionId: row.id })));
      }
      await tx
        .update(microCredentials)
        .set({ publishedVersionId: row.id })
        .where(eq(microCredentials.id, values.microCredentialId));
      return row.id;
    },

    async insertOfferings(
      microCredentialId: string,
      versionId: string,
      rows: OfferingInput[],
      tx: Db = db,
    ): Promise<void> {
      if (rows.length === 0) return;
      await tx
        .insert(offerings)
        .values(rows.map((offering) => ({ ...offering, microCredentialId, versionId })));
    },

    /** Replaces the search row of a micro-credential; the vectors are built by the database's English stemmer. */
    async upsertCatalogueEntries(
      rows: { entry: CatalogueEntry; text: EntryText }[],
      tx: Db = db,
    ): Promise<void> {
      if (rows.length === 0) return;
      const values = rows.map(({ entry, text }) => ({
        ...entry,
        titleVector: sql`setweight(to_tsvector('english', ${entry.title}), 'A')`,
        documentVector: sql`setweight(to_tsvector('english', ${entry.title}), 'A')
          || setweight(to_tsvector('english', ${text.outcomes}), 'B')
          || setweight(to_tsvector('english', ${text.description}), 'C')
          || setweight(to_tsvector('english', ${entry.institutionName}), 'D')`,
      }));
      await tx
        .insert(catalogueEntries)
        .values(values)
        .onConflictDoUpdate({
          target: catalogueEntries.microCredentialId,
          set: Object.fromEntries(
            Object.entries(catalogueEntries)
              .filter(
                ([key, column]) =>
                  key !== 'microCredentialId' &&
                  typeof column === 'object' &&
                  column !== null &&
                  'name' in column,
              )
              .map(([key, column]) => [key, sql.raw(`excluded.${(column as { name: string }).name}`)]),
          ),
        });
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
      const filters = activeFacetNames(query).map((name) => facetCondition(query, name));
      return database.rows<CatalogueEntry>(sql`
        SELECT ${ENTRY_COLUMNS}
        FROM catalogue_entries e
        WHERE ${textCondition(match)} AND ${allOf(filters)}
        ORDER BY ${orderBy(query, match)}
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`);
    },

    /**
     * The total and every facet's counts in one scan of the text matches. Each facet is counted
     * with every other facet's selection applied but not its own, so a person can widen a choice
     * (add "hybrid" to "online") and see what it would add.
     */
    async countFacets(query: SearchQuery, match: TextMatch): Promise<FacetCounts> {
      const active = activeFacetNames(query);
      const conditionOf = new Map(active.map((name) => [name, facetCondition(query, name)]));
      const allExcept = (name: FacetName | null) =>
        allOf(active.filter((other) => other !== name).map((other) => conditionOf.get(other) as SQL));
      const groupedFacets = Object.entries(FACET_COLUMNS) as [FacetName, string][];

      const countColumns: SQL[] = [sql`count(*) FILTER (WHERE ${allExcept(null)})::int AS "all"`];
      for (const [name] of groupedFacets) {
        if (conditionOf.has(name))
          countColumns.push(
            sql`count(*) FILTER (WHERE ${allExcept(name)})::int AS ${sql.identifier(`n_${name}`)}`,
          );
      }
      for (const [mode, column] of Object.entries(DELIVERY_COLUMNS)) {
        countColumns.push(
          sql`count(*) FILTER (WHERE ${allExcept('delivery')} AND ${sql.raw(`e.${column}`)})::int AS ${sql.identifier(`delivery_${mode}`)}`,
        );
      }
      for (const [name, column] of Object.entries(BOOLEAN_COLUMNS)) {
        countColumns.push(
          sql`count(*) FILTER (WHERE ${allExcept(name as FacetName)} AND ${sql.raw(`e.${column}`)})::int AS ${sql.identifier(`${name}_true`)}`,
        );
      }
      const groupColumns = groupedFacets.map(([, column]) => sql.raw(`e.${column}`));
      const rows = await database.rows<Record<string, string | number | null>>(sql`
        SELECT ${sql.join(
          groupedFacets.map(([name, column]) => sql`${sql.raw(`e.${column}`)} AS ${sql.identifier(name)}`),
          sql`, `,
        )},
          GROUPING(${sql.join(groupColumns, sql`, `)})::int AS grouping_mask,
          ${sql.join(countColumns, sql`, `)}
        FROM catalogue_entries e
        WHERE ${textCondition(match)}
        GROUP BY GROUPING SETS (${sql.join(
          [...groupColumns.map((column) => sql`(${column})`), sql`()`],
          sql`, `,
        )})`);

      const counts = new Map<FacetName, Map<string, number>>();
      const countOf = (facet: FacetName, value: string, count: number) => {
        const values = counts.get(facet) ?? new Map<string, number>();
        values.set(value, count);
        counts.set(facet, values);
      };
      let total = 0;
      const allGroupedMask = (1 << groupedFacets.length) - 1;
      for (const row of rows) {
        const mask = Number(row['grouping_mask']);
        if (mask === allGroupedMask) {
          total = Number(row['all']);
          for (const mode of Object.keys(DELIVERY_COLUMNS))
            countOf('delivery', mode, Number(row[`delivery_${mode}`]));
          for (const name of Object.keys(BOOLEAN_COLUMNS))
            countOf(name as FacetName, 'true', Number(row[`${name}_true`]));
          continue;
        }
        // GROUPING() sets a bit for every column not grouped in this row; the clear bit names the facet.
        const index = groupedFacets.findIndex(
          (_, position) => (mask & (1 << (groupedFacets.length - 1 - position))) === 0,
        );
        const entry = groupedFacets[index];
        if (!entry) continue;
        const [name] = entry;
        const value = row[name];
        if (value === null || value === undefined) continue;
        countOf(name, String(value), Number(conditionOf.has(name) ? row[`n_${name}`] : row['all']));
      }
      return { total, counts };
    },

    async findPublishedBySlug(
      slug: string,
    ): Promise<{ institution: Institution; version: PublishedVersion; offerings: Offering[] } | undefined> {
      const [found] = await db
        .select({
          microCredential: microCredentials,
          version: microCredentialVersions,
          institution: institutions,
        })
        .from(microCredentials)
        .innerJoin(
          microCredentialVersions,
          eq(microCredentialVersions.id, microCredentials.publishedVersionId),
        )
        .innerJoin(institutions, eq(institutions.id, microCredentials.institutionId))
        .where(eq(microCredentials.slug, slug));
      if (!found) return undefined;
      const { version } = found;
      const versionPartners = await db
        .select({ name: partners.name, kind: partners.kind, role: partners.role })
        .from(partners)
        .where(eq(partners.versionId, version.id))
        .orderBy(asc(partners.name));
      const offeringRows = await db
        .select()
        .from(offerings)
        .where(and(eq(offerings.microCredentialId, found.microCredential.id)))
        .orderBy(sql`${offerings.startsOn} ASC NULLS LAST`);
      return {
        institution: found.institution as Institution,
        version: {
          id: version.id,
          microCredentialId: version.microCredentialId,
          versionNumber: version.versionNumber,
          code: version.code,
          publishedAt: version.publishedAt,
          input: {
            title: version.title,
            summary: version.summary,
            description: version.description,
            learningOutcomes: version.learningOutcomes,
            subjectSlug: version.subjectSlug,
            keywords: version.keywords,
            kind: version.kind as MicroCredentialInput['kind'],
            providerTerm: version.providerTerm,
            scqfLevel: version.scqfLevel,
            scqfCredits: version.scqfCredits,
            notionalHours: version.notionalHours,
            duration: {
              kind: version.durationKind as MicroCredentialInput['duration']['kind'],
              amount: version.durationAmount,
              unit: version.durationUnit as MicroCredentialInput['duration']['unit'],
            },
            assessment: version.assessment,
            assessmentKind: version.assessmentKind as MicroCredentialInput['assessmentKind'],
            supervision: version.supervision as MicroCredentialInput['supervision'],
            identityChecked: version.identityCheck === 'verified',
            prerequisites: version.prerequisites,
            language: version.language,
            qaBody: version.qaBody,
            qaRoute: version.qaRoute as MicroCredentialInput['qaRoute'],
            qaApprovedOn: version.qaApprovedOn,
            creditRatingBody: version.creditRatingBody,
            recognition: version.recognition as MicroCredentialInput['recognition'],
            hasTranscript: version.hasTranscript,
            transferability: version.transferability as MicroCredentialInput['transferability'],
            stackability: version.stackability as MicroCredentialInput['stackability'],
            countsTowards: version.countsTowards,
            accreditation: version.accreditation,
            nextReviewOn: version.nextReviewOn,
            partners: versionPartners as PartnerInput[],
          },
        },
        offerings: offeringRows.map(
          ({ microCredentialId: _mc, versionId: _v, ...offering }) => offering as Offering,
        ),
      };
    },
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
