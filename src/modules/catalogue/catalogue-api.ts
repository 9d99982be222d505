import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { notFound } from '../../platform/http/problems.ts';
import { ectsFor, eqfLevelFor } from '../framework/index.ts';
import { describeDuration } from './catalogue-model.ts';
import type { CatalogueEntry } from './catalogue-read-model.ts';
import type { CatalogueService } from './catalogue-service.ts';
import {
  InstitutionSchema,
  MicroCredentialDetail,
  SearchItem,
  SearchQuerystring,
  SearchResponse,
  SlugParams,
  toSearchQuery,
} from './catalogue-schemas.ts';

export function deliveryModesOf(entry: CatalogueEntry): string[] {
  const modes: [boolean, string][] = [
    [entry.isOnline, 'online'],
    [entry.isHybrid, 'hybrid'],
    [entry.isInPerson, 'in-person'],
    [entry.isWorkplace, 'workplace'],
  ];
  return modes.filter(([has]) => has).map(([, mode]) => mode);
}

function toSearchItem(
  entry: CatalogueEntry,
  publicUrl: string,
  subjects: Map<string, string>,
): Static<typeof SearchItem> {
  return {
    slug: entry.slug,
    url: `${publicUrl}/micro-credentials/${entry.slug}`,
    title: entry.title,
    summary: entry.summary,
    institution: { slug: entry.institutionSlug, name: entry.institutionName, kind: entry.institutionKind },
    subject: subjects.get(entry.subjectSlug) ?? entry.subjectSlug,
    kind: entry.kind,
    providerTerm: entry.providerTerm,
    scqfLevel: entry.scqfLevel,
    scqfCredits: entry.scqfCredits,
    notionalHours: entry.notionalHours,
    ects: entry.scqfCredits === null ? null : ectsFor(entry.scqfCredits),
    duration: { band: entry.duration, label: entry.durationLabel },
    deliveryModes: deliveryModesOf(entry),
    priceFromPence: entry.minPricePence,
    isFunded: entry.isFunded,
    isStackable: entry.isStackable,
    isTransferable: entry.isTransferable,
    nextStartsOn: entry.nextStartsOn,
  };
}

const problemResponse = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { description: 'application/problem+json' },
);

export async function catalogueApi(
  parent: FastifyInstance,
  { catalogue, publicUrl }: { catalogue: CatalogueService; publicUrl: string },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Catalogue'];

  app.get(
    '/api/v1/micro-credentials',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Search micro-credentials',
        description:
          'Full-text search with filters. Each facet counts what its values would give with the other filters applied, so a client can show live counts.',
        querystring: SearchQuerystring,
        response: { 200: SearchResponse, 400: problemResponse },
      },
    },
    async (request) => {
      const result = await catalogue.search(toSearchQuery(request.query));
      return {
        total: result.total,
        page: result.query.page,
        pageSize: result.query.pageSize,
        pageCount: Math.ceil(result.total / result.query.pageSize),
        ...(result.correctedQuery ? { correctedQuery: result.correctedQuery } : {}),
        items: result.items.map((entry) => toSearchItem(entry, publicUrl, result.subjectNames)),
        facets: result.facets,
      };
    },
  );

  app.get(
    '/api/v1/micro-credentials/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One published micro-credential, with its upcoming offerings',
        params: SlugParams,
        response: { 200: MicroCredentialDetail, 404: problemResponse },
      },
    },
    async (request) => {
      const found = await catalogue.findMicroCredential(request.params.slug);
      if (!found) throw notFound(`Micro-credential '${request.params.slug}'`);
      const { version, institution } = found;
      const input = version.input;
      return {
        slug: request.params.slug,
        url: `${publicUrl}/micro-credentials/${request.params.slug}`,
        code: version.code,
        version: version.versionNumber,
        title: input.title,
        summary: input.summary,
        description: input.description,
        institution: { slug: institution.slug, name: institution.name, kind: institution.kind },
        subject: { slug: input.subjectSlug, name: found.subjectName },
        kind: input.kind,
        providerTerm: input.providerTerm,
        scqfLevel: input.scqfLevel,
        scqfCredits: input.scqfCredits,
        notionalHours: input.notionalHours,
        ects: found.facts.ects,
        eqfLevel: input.scqfLevel === null ? null : eqfLevelFor(input.scqfLevel),
        duration: { ...input.duration, label: describeDuration(input.duration) },
        learningOutcomes: input.learningOutcomes,
        assessment: input.assessment,
        assessmentKind: input.assessmentKind,
        supervision: input.supervision,
        identityChecked: input.identityChecked,
        prerequisites: input.prerequisites,
        language: input.language,
        qualityAssurance: { body: input.qaBody, route: input.qaRoute, approvedOn: input.qaApprovedOn },
        creditRatingBody: input.creditRatingBody,
        recognition: input.recognition,
        hasTranscript: input.hasTranscript,
        transferability: input.transferability,
        stackability: input.stackability,
        countsTowards: input.countsTowards,
        accreditation: input.accreditation,
        nextReviewOn: input.nextReviewOn,
        partners: input.partners,
        upcomingOfferings: found.upcomingOfferings,
      };
    },
  );

  app.get(
    '/api/v1/institutions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every institution in the hub',
        response: { 200: Type.Object({ items: Type.Array(InstitutionSchema) }) },
      },
    },
    async () => ({
      items: (await catalogue.listInstitutions()).map((institution) => ({
        ...institution,
        url: `${publicUrl}/institutions/${institution.slug}`,
      })),
    }),
  );

  app.get(
    '/api/v1/institutions/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One institution',
        params: SlugParams,
        response: { 200: InstitutionSchema, 404: problemResponse },
      },
    },
    async (request) => {
      const institution = (await catalogue.listInstitutions()).find(
        (candidate) => candidate.slug === request.params.slug,
      );
      if (!institution) throw notFound(`Institution '${request.params.slug}'`);
      return { ...institution, url: `${publicUrl}/institutions/${institution.slug}` };
    },
  );
}
