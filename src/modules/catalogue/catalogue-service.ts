import type { Database, Db } from '../../platform/db/database.ts';
import type { FrameworkService } from '../framework/index.ts';
import {
  frameworkFacts,
  slugify,
  validateInstitution,
  validateMicroCredential,
  type InstitutionInput,
  validateOffering,
  type FieldError,
  type MicroCredentialInput,
  type OfferingInput,
} from './catalogue-model.ts';
import {
  FACET_LABELS,
  FACET_NAMES,
  FACET_OPTIONS,
  type Facet,
  type FacetName,
  type SearchQuery,
} from './catalogue-search.ts';
import { isUpcoming, toCatalogueEntry, vocabularyOf, type CatalogueEntry } from './catalogue-read-model.ts';
import { createCatalogueRepository, type Institution, type NewInstitution } from './catalogue-repository.ts';
import {
  compileTextSearch,
  createCatalogueSearchRepository,
  type FacetCounts,
  type TextSearch,
} from './catalogue-search-repository.ts';

export class CatalogueValidationError extends Error {
  readonly code = 'validation-failed';
  constructor(readonly errors: FieldError[]) {
    super(
      `Invalid micro-credential: ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
    );
  }
}

export interface SearchResult {
  query: SearchQuery;
  total: number;
  items: CatalogueEntry[];
  facets: Facet[];
  /** Set when nothing matched the words as typed and a spelling correction found results. */
  correctedQuery: string | undefined;
  /** Glossary words in the search that were widened to their synonyms. */
  synonymsUsed: { matched: string; slug: string; alternatives: string[] }[];
  /** Subject names by slug, for labelling the results. */
  subjectNames: Map<string, string>;
}

export interface PublishRequest {
  institution: Institution;
  slug: string;
  input: MicroCredentialInput;
  offerings: OfferingInput[];
  publishedAt: Date;
  isDemo: boolean;
}

export interface CatalogueDependencies {
  database: Database;
  framework: FrameworkService;
  clock: () => Date;
}

function moduleCode(institution: Institution, number: number): string {
  return `${institution.codePrefix}${String(number).padStart(4, '0')}`;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function createCatalogueService({ database, framework, clock }: CatalogueDependencies) {
  const repository = createCatalogueRepository(database);
  const searchRepository = createCatalogueSearchRepository(database);

  async function subjectNames(): Promise<Map<string, string>> {
    return new Map((await repository.listSubjects()).map((subject) => [subject.slug, subject.name]));
  }

  async function textSearchFor(
    q: string,
  ): Promise<{ search: TextSearch; phrases: SearchResult['synonymsUsed'] }> {
    const phrases = await framework.glossaryPhrasesIn(q);
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

  async function runSearch(query: SearchQuery, q: string) {
    const { search, phrases } = await textSearchFor(q);
    const match = compileTextSearch(search);
    const [items, counts] = await Promise.all([
      searchRepository.searchEntries(query, match),
      searchRepository.countFacets(query, match),
    ]);
    return { items, counts, phrases };
  }

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
    if (name === 'level') {
      return Array.from(
        { length: 12 },
        (_, index) => [String(index + 1), `Level ${index + 1}`] as [string, string],
      );
    }
    const labels = names.get(name) ?? new Map<string, string>();
    // Subjects and institutions are listed by how many courses they have, then by name.
    return [...labels.entries()].sort(
      ([a, aLabel], [b, bLabel]) =>
        (countByValue.get(b) ?? 0) - (countByValue.get(a) ?? 0) || aLabel.localeCompare(bLabel),
    );
  }

  /** Module codes run on from the institution's highest one; the row lock keeps two approvals apart. */
  async function nextCodeNumberOf(institution: Institution, tx: Db): Promise<number> {
    await repository.lockInstitution(institution.id, tx);
    return (await repository.highestCodeNumber(institution.id, institution.codePrefix, tx)) + 1;
  }

  async function refreshEntry(
    institution: Institution,
    microCredentialId: string,
    slug: string,
    versionId: string,
    input: MicroCredentialInput,
    publishedAt: Date,
    tx: Db,
  ): Promise<void> {
    // Inside the transaction: the embedded database has one connection, which the transaction holds.
    const subjects = new Map(
      (await repository.listSubjects(tx)).map((subject) => [subject.slug, subject.name]),
    );
    const offeringRows = await repository.listOfferings(microCredentialId, tx);
    await searchRepository.upsertEntries(
      [
        toCatalogueEntry({
          microCredentialId,
          versionId,
          slug,
          institution,
          subjectName: subjects.get(input.subjectSlug) ?? input.subjectSlug,
          input,
          offerings: offeringRows,
          publishedAt,
          today: isoDate(clock()),
        }),
      ],
      tx,
    );
    await searchRepository.addVocabulary(vocabularyOf(input), tx);
    await searchRepository.refreshFacetTotals(tx);
  }

  async function rebuildEntry(institution: Institution, microCredentialId: string, tx: Db): Promise<void> {
    const row = await repository.findMicroCredentialRow(microCredentialId, tx);
    if (!row?.publishedVersionId) return;
    const version = await repository.findVersion(row.publishedVersionId, tx);
    if (!version) return;
    await refreshEntry(
      institution,
      row.id,
      row.slug,
      version.id,
      version.input,
      version.publishedAt ?? clock(),
      tx,
    );
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
      const [subjects, institutions] = await Promise.all([subjectNames(), repository.listInstitutionNames()]);
      const names = new Map([
        ['subject', subjects],
        ['institution', new Map(institutions.map((institution) => [institution.slug, institution.name]))],
      ]);
      return {
        query,
        total: outcome.counts.total,
        items: outcome.items,
        facets: buildFacets(query, outcome.counts, names),
        correctedQuery,
        synonymsUsed: outcome.phrases,
        subjectNames: subjects,
      };
    },

    async findMicroCredential(slug: string) {
      const found = await repository.findPublishedBySlug(slug);
      if (!found) return undefined;
      const today = isoDate(clock());
      const subjects = await subjectNames();
      return {
        ...found,
        subjectName: subjects.get(found.version.input.subjectSlug) ?? found.version.input.subjectSlug,
        facts: frameworkFacts(found.version.input),
        upcomingOfferings: found.offerings.filter((offering) => isUpcoming(offering, today)),
      };
    },

    listInstitutions: () => repository.listInstitutionsWithCounts(),
    findInstitution: (slug: string) => repository.findInstitutionBySlug(slug),
    institutionsByIds: (ids: string[]) => repository.findInstitutionsByIds(ids),
    listSubjects: () => repository.listSubjects(),
    countPublished: () => repository.countPublished(),

    /** A sector administrator registers an institution; its slug and code prefix must be new. */
    async createInstitution(input: InstitutionInput): Promise<Institution> {
      const problems = validateInstitution(input);
      const slug = slugify(input.name);
      if (problems.length === 0) {
        const existing = await repository.listInstitutionsWithCounts();
        if (existing.some((institution) => institution.slug === slug))
          problems.push({
            field: 'name',
            message: `There is already an institution called ${input.name.trim()}`,
          });
        if (existing.some((institution) => institution.codePrefix === input.codePrefix.trim()))
          problems.push({
            field: 'codePrefix',
            message: `The prefix ${input.codePrefix.trim()} is taken: choose another`,
          });
      }
      if (problems.length > 0) throw new CatalogueValidationError(problems);
      const [created] = await repository.insertInstitutions([
        {
          slug,
          name: input.name.trim(),
          kind: input.kind as Institution['kind'],
          region: input.region.trim(),
          website: input.website.trim() || null,
          summary: input.summary.trim(),
          codePrefix: input.codePrefix.trim(),
          isDemo: false,
        },
      ]);
      if (!created) throw new Error('Insert returned no row');
      return created;
    },

    async addInstitutions(rows: NewInstitution[]): Promise<Institution[]> {
      return repository.insertInstitutions(rows);
    },

    addSubjects: (rows: { slug: string; name: string }[]) => repository.insertSubjects(rows),

    findVersion: (versionId: string) => repository.findVersion(versionId),
    listPublishedOf: (institutionId: string) => repository.listPublishedOf(institutionId),
    findMicroCredentialBySlug: (slug: string) => repository.findMicroCredentialBySlug(slug),
    listOfferings: (microCredentialId: string) => repository.listOfferings(microCredentialId),
    listOfferingsByCode: (institutionId: string) => repository.listOfferingsByCode(institutionId),
    findMicroCredentialById: (id: string) => repository.findMicroCredentialRow(id),

    /**
     * Turns an approved proposal into an immutable version. A new micro-credential gets its module
     * code here (institution prefix + the next number); a new version keeps the code it has.
     */
    async approveVersion(
      request: {
        institution: Institution;
        microCredentialId: string | null;
        slug: string;
        input: MicroCredentialInput;
      },
      tx: Db,
    ): Promise<{ microCredentialId: string; versionId: string; code: string; versionNumber: number }> {
      const problems = validateMicroCredential(request.input);
      if (problems.length > 0) throw new CatalogueValidationError(problems);
      let microCredentialId = request.microCredentialId;
      let code: string;
      if (microCredentialId) {
        const existing = await repository.findMicroCredentialRow(microCredentialId, tx);
        if (!existing?.code) throw new Error(`Micro-credential ${microCredentialId} has no module code`);
        code = existing.code;
      } else {
        code = moduleCode(request.institution, await nextCodeNumberOf(request.institution, tx));
        let slug = request.slug;
        for (let suffix = 2; await repository.isSlugTaken(slug, tx); suffix += 1)
          slug = `${request.slug}-${suffix}`;
        microCredentialId = await repository.insertUnpublishedMicroCredential(
          { slug, institutionId: request.institution.id, code },
          tx,
        );
      }
      const versionNumber = await repository.nextVersionNumber(microCredentialId, tx);
      const versionId = await repository.insertVersion(
        {
          microCredentialId,
          versionNumber,
          code,
          publishedAt: null,
          input: request.input,
          status: 'approved',
        },
        tx,
      );
      return { microCredentialId, versionId, code, versionNumber };
    },

    /** Makes an approved version the catalogue's current one; the version it replaces is kept, superseded. */
    async publishVersion(
      request: { institution: Institution; microCredentialId: string; versionId: string },
      tx: Db,
    ) {
      const row = await repository.findMicroCredentialRow(request.microCredentialId, tx);
      const version = await repository.findVersion(request.versionId, tx);
      if (!row || !version) throw new Error('Nothing to publish');
      const publishedAt = clock();
      if (row.publishedVersionId) await repository.setVersionStatus(row.publishedVersionId, 'superseded', tx);
      await repository.setVersionStatus(version.id, 'published', tx, publishedAt);
      await repository.setPublishedVersion(row.id, version.id, tx);
      await refreshEntry(request.institution, row.id, row.slug, version.id, version.input, publishedAt, tx);
      return { slug: row.slug };
    },

    /** Which version the catalogue shows now, if any: a proposal may act only on the current one. */
    async publishedVersionIdOf(microCredentialId: string, tx: Db): Promise<string | null> {
      return (await repository.findMicroCredentialRow(microCredentialId, tx))?.publishedVersionId ?? null;
    },

    /** Takes a micro-credential out of the catalogue; its versions stay on record. */
    async retire(microCredentialId: string, tx: Db): Promise<void> {
      const row = await repository.findMicroCredentialRow(microCredentialId, tx);
      if (!row?.publishedVersionId) return;
      await repository.setVersionStatus(row.publishedVersionId, 'retired', tx);
      await repository.setPublishedVersion(row.id, null, tx);
      await searchRepository.removeEntry(row.id, tx);
      await searchRepository.refreshFacetTotals(tx);
    },

    /** Offerings change without re-approval: the search entry is rebuilt with the new dates and prices. */
    async saveOffering(request: {
      institution: Institution;
      microCredentialId: string;
      offering: OfferingInput;
      replaceId?: string;
    }): Promise<void> {
      const problems = validateOffering(request.offering);
      if (problems.length > 0) throw new CatalogueValidationError(problems);
      await database.db.transaction(async (tx) => {
        const row = await repository.findMicroCredentialRow(request.microCredentialId, tx);
        if (!row?.publishedVersionId)
          throw new CatalogueConflictError('Only a published micro-credential has offerings');
        if (request.replaceId && !(await repository.deleteOffering(row.id, request.replaceId, tx)))
          throw new CatalogueConflictError('That offering was not found');
        await repository.insertOfferings(row.id, row.publishedVersionId, [request.offering], tx);
        await rebuildEntry(request.institution, row.id, tx);
      });
    },

    async removeOffering(request: {
      institution: Institution;
      microCredentialId: string;
      offeringId: string;
    }) {
      await database.db.transaction(async (tx) => {
        if (!(await repository.deleteOffering(request.microCredentialId, request.offeringId, tx)))
          throw new CatalogueConflictError('That offering was not found');
        await rebuildEntry(request.institution, request.microCredentialId, tx);
      });
    },

    /**
     * Publishes micro-credentials straight into the catalogue, all or none. The approval workflow
     * ends here; the demo seed uses it directly for its already-approved courses.
     */
    async publishMany(requests: PublishRequest[]): Promise<void> {
      const problems = requests.flatMap((request) => [
        ...validateMicroCredential(request.input).map((error) => ({
          ...error,
          field: `${request.slug}.${error.field}`,
        })),
        ...request.offerings.flatMap((offering, index) =>
          validateOffering(offering).map((error) => ({
            ...error,
            field: `${request.slug}.offerings[${index}].${error.field}`,
          })),
        ),
      ]);
      if (problems.length > 0) throw new CatalogueValidationError(problems);
      const subjects = await subjectNames();
      const today = isoDate(clock());
      await database.db.transaction(async (tx) => {
        const entries = [];
        const vocabulary: string[] = [];
        const nextCodeNumber = new Map<string, number>();
        for (const request of requests) {
          const institutionId = request.institution.id;
          const codeNumber =
            nextCodeNumber.get(institutionId) ?? (await nextCodeNumberOf(request.institution, tx));
          nextCodeNumber.set(institutionId, codeNumber + 1);
          const microCredentialId = await repository.insertMicroCredential(
            { slug: request.slug, institutionId: request.institution.id, isDemo: request.isDemo },
            tx,
          );
          const code = moduleCode(request.institution, codeNumber);
          const versionId = await repository.insertPublishedVersion(
            {
              microCredentialId,
              versionNumber: 1,
              code,
              publishedAt: request.publishedAt,
              input: request.input,
            },
            tx,
          );
          await repository.insertOfferings(microCredentialId, versionId, request.offerings, tx);
          entries.push(
            toCatalogueEntry({
              microCredentialId,
              versionId,
              slug: request.slug,
              institution: request.institution,
              subjectName: subjects.get(request.input.subjectSlug) ?? request.input.subjectSlug,
              input: request.input,
              offerings: request.offerings,
              publishedAt: request.publishedAt,
              today,
            }),
          );
          vocabulary.push(...vocabularyOf(request.input));
        }
        for (let start = 0; start < entries.length; start += 500) {
          await searchRepository.upsertEntries(entries.slice(start, start + 500), tx);
        }
        await searchRepository.addVocabulary(vocabulary, tx);
        await searchRepository.refreshFacetTotals(tx);
      });
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;

export class CatalogueConflictError extends Error {
  readonly code = 'conflict';
}
