import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, Db } from '../../platform/db/database.ts';
import {
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

function toPublishedVersion(
  version: typeof microCredentialVersions.$inferSelect,
  versionPartners: PartnerInput[],
): PublishedVersion {
  return {
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
      partners: versionPartners,
    },
  };
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
               COALESCE((SELECT t.count FROM catalogue_facet_totals t
                         WHERE t.facet = 'institution' AND t.value = i.slug), 0) AS "courseCount"
        FROM institutions i ORDER BY i.name`);
    },

    /** Names for facet labels: cheap, unlike the counts above. */
    async listInstitutionNames(): Promise<{ slug: string; name: string }[]> {
      return db.select({ slug: institutions.slug, name: institutions.name }).from(institutions);
    },

    async findInstitutionsByIds(ids: string[]): Promise<Institution[]> {
      if (ids.length === 0) return [];
      return (await db.select().from(institutions).where(inArray(institutions.id, ids))) as Institution[];
    },

    async findInstitutionBySlug(slug: string): Promise<Institution | undefined> {
      const [row] = await db.select().from(institutions).where(eq(institutions.slug, slug));
      return row as Institution | undefined;
    },

    async insertSubjects(rows: { slug: string; name: string }[], tx: Db = db): Promise<void> {
      if (rows.length > 0) await tx.insert(subjects).values(rows).onConflictDoNothing();
    },

    async listSubjects(tx: Db = db): Promise<{ slug: string; name: string }[]> {
      return tx.select().from(subjects).orderBy(asc(subjects.name));
    },

    async countPublished(): Promise<number> {
      const [row] = await database.rows<{ count: number }>(
        sql`SELECT count(*)::int AS count FROM catalogue_entries`,
      );
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
      const versionId = await this.insertVersion({ ...values, status: 'published' }, tx);
      await tx
        .update(microCredentials)
        .set({ publishedVersionId: versionId, code: values.code })
        .where(eq(microCredentials.id, values.microCredentialId));
      return versionId;
    },

    /** Stores an immutable version: rows in this table are never updated afterwards, bar their status. */
    async insertVersion(
      values: {
        microCredentialId: string;
        versionNumber: number;
        code: string;
        publishedAt: Date | null;
        input: MicroCredentialInput;
        status: 'approved' | 'published';
      },
      tx: Db = db,
    ): Promise<string> {
      const { input } = values;
      const [row] = await tx
        .insert(microCredentialVersions)
        .values({
          microCredentialId: values.microCredentialId,
          versionNumber: values.versionNumber,
          status: values.status,
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
      return row.id;
    },

    /** Holds the institution's row until the transaction ends, so two approvals never take the same code. */
    async lockInstitution(institutionId: string, tx: Db): Promise<void> {
      await tx.execute(sql`SELECT id FROM institutions WHERE id = ${institutionId} FOR UPDATE`);
    },

    async highestCodeNumber(institutionId: string, prefix: string, tx: Db): Promise<number> {
      const rows = await tx
        .select({ code: microCredentials.code })
        .from(microCredentials)
        .where(
          and(eq(microCredentials.institutionId, institutionId), sql`${microCredentials.code} IS NOT NULL`),
        );
      return rows.reduce((highest, row) => {
        const number = Number.parseInt((row.code ?? '').slice(prefix.length), 10);
        return Number.isInteger(number) && number > highest ? number : highest;
      }, 0);
    },

    async findMicroCredentialRow(id: string, tx: Db = db) {
      const [row] = await tx.select().from(microCredentials).where(eq(microCredentials.id, id));
      return row;
    },

    async findMicroCredentialBySlug(slug: string, tx: Db = db) {
      const [row] = await tx.select().from(microCredentials).where(eq(microCredentials.slug, slug));
      return row;
    },

    async isSlugTaken(slug: string, tx: Db = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: microCredentials.id })
        .from(microCredentials)
        .where(eq(microCredentials.slug, slug));
      return row !== undefined;
    },

    async insertUnpublishedMicroCredential(
      values: { slug: string; institutionId: string; code: string },
      tx: Db,
    ) {
      const [row] = await tx
        .insert(microCredentials)
        .values({ ...values, isDemo: false })
        .returning({ id: microCredentials.id });
      if (!row) throw new Error('Insert returned no row');
      return row.id;
    },

    async nextVersionNumber(microCredentialId: string, tx: Db): Promise<number> {
      const [row] = await tx
        .select({ highest: sql<number>`coalesce(max(${microCredentialVersions.versionNumber}), 0)::int` })
        .from(microCredentialVersions)
        .where(eq(microCredentialVersions.microCredentialId, microCredentialId));
      return (row?.highest ?? 0) + 1;
    },

    async setVersionStatus(
      versionId: string,
      status: 'published' | 'superseded' | 'retired',
      tx: Db,
      publishedAt?: Date,
    ) {
      await tx
        .update(microCredentialVersions)
        .set(publishedAt ? { status, publishedAt } : { status })
        .where(eq(microCredentialVersions.id, versionId));
    },

    async setPublishedVersion(microCredentialId: string, versionId: string | null, tx: Db) {
      await tx
        .update(microCredentials)
        .set({ publishedVersionId: versionId })
        .where(eq(microCredentials.id, microCredentialId));
    },

    async listPublishedOf(institutionId: string) {
      return db
        .select({
          id: microCredentials.id,
          slug: microCredentials.slug,
          code: microCredentials.code,
          title: microCredentialVersions.title,
          versionNumber: microCredentialVersions.versionNumber,
          versionId: microCredentialVersions.id,
        })
        .from(microCredentials)
        .innerJoin(
          microCredentialVersions,
          eq(microCredentialVersions.id, microCredentials.publishedVersionId),
        )
        .where(eq(microCredentials.institutionId, institutionId))
        .orderBy(asc(microCredentialVersions.title));
    },

    /** Every offering of the institution's coded micro-credentials, with the version each teaches. */
    async listOfferingsByCode(institutionId: string) {
      // Codes are kept on each version; a micro-credential's row has one only once approved here.
      const code = sql<string>`coalesce(${microCredentials.code}, ${microCredentialVersions.code})`;
      return db
        .select({
          microCredentialId: microCredentials.id,
          slug: microCredentials.slug,
          code,
          offeringId: offerings.id,
          versionId: offerings.versionId,
          startsOn: offerings.startsOn,
          deliveryMode: offerings.deliveryMode,
        })
        .from(microCredentials)
        .innerJoin(offerings, eq(offerings.microCredentialId, microCredentials.id))
        .innerJoin(microCredentialVersions, eq(microCredentialVersions.id, offerings.versionId))
        .where(and(eq(microCredentials.institutionId, institutionId), isNotNull(code)))
        .orderBy(code, sql`${offerings.startsOn} ASC NULLS LAST`);
    },

    async listOfferings(microCredentialId: string, tx: Db = db): Promise<Offering[]> {
      const rows = await tx
        .select()
        .from(offerings)
        .where(eq(offerings.microCredentialId, microCredentialId))
        .orderBy(sql`${offerings.startsOn} ASC NULLS LAST`);
      return rows.map(({ microCredentialId: _mc, versionId: _v, ...offering }) => offering as Offering);
    },

    async deleteOffering(microCredentialId: string, offeringId: string, tx: Db): Promise<boolean> {
      const rows = await tx
        .delete(offerings)
        .where(and(eq(offerings.id, offeringId), eq(offerings.microCredentialId, microCredentialId)))
        .returning({ id: offerings.id });
      return rows.length > 0;
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

    async findVersion(versionId: string, tx: Db = db): Promise<PublishedVersion | undefined> {
      const [version] = await tx
        .select()
        .from(microCredentialVersions)
        .where(eq(microCredentialVersions.id, versionId));
      if (!version) return undefined;
      const versionPartners = await tx
        .select({ name: partners.name, kind: partners.kind, role: partners.role })
        .from(partners)
        .where(eq(partners.versionId, version.id))
        .orderBy(asc(partners.name));
      return toPublishedVersion(version, versionPartners as PartnerInput[]);
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
        version: toPublishedVersion(version, versionPartners as PartnerInput[]),
        offerings: offeringRows.map(
          ({ microCredentialId: _mc, versionId: _v, ...offering }) => offering as Offering,
        ),
      };
    },
  };
}

export type CatalogueRepository = ReturnType<typeof createCatalogueRepository>;
