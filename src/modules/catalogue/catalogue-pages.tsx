import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { fieldProblemsFromValidation } from '../../platform/http/error-handler.ts';
import { notFound } from '../../platform/http/problems.ts';
import { glossaryIndex, type FrameworkService } from '../framework/index.ts';
import type { CatalogueService } from './catalogue-service.ts';
import { SearchQuerystring, SlugParams, toSearchQuery } from './catalogue-schemas.ts';
import { Type } from 'typebox';
import { emptyQuery } from './catalogue-search.ts';
import { renderSearchPage } from './views/search-page.tsx';
import { renderDetailPage } from './views/detail-page.tsx';
import { renderInstitutionPage, renderInstitutionsPage } from './views/institution-pages.tsx';

export interface CataloguePagesOptions {
  catalogue: CatalogueService;
  framework: FrameworkService;
  publicUrl: string;
  isDemo: boolean;
}

const html = 'text/html; charset=utf-8';

export async function cataloguePages(
  parent: FastifyInstance,
  { catalogue, framework, publicUrl, isDemo }: CataloguePagesOptions,
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/micro-credentials',
    {
      config: { access: 'public' },
      schema: { hide: true, querystring: SearchQuerystring },
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) {
        // A hand-edited or outdated link: say which part is wrong and show every course instead.
        const errors = fieldProblemsFromValidation(
          (request.validationError as { validation?: [] }).validation ?? [],
          'querystring',
        ).map((problem) => ({
          field: 'q',
          message: `The web address has a search setting the hub cannot use: ${problem.message}`,
        }));
        const raw = request.query as { q?: unknown };
        const query = { ...emptyQuery(), q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '' };
        const result = await catalogue.search(query);
        return reply
          .status(400)
          .type(html)
          .send(
            renderSearchPage({
              result,
              subjectNames: result.subjectNames,
              currentPath: request.url,
              isDemo,
              publicUrl,
              errors,
            }),
          );
      }
      const result = await catalogue.search(toSearchQuery(request.query));
      return reply.type(html).send(
        renderSearchPage({
          result,
          subjectNames: result.subjectNames,
          currentPath: request.url,
          isDemo,
          publicUrl,
        }),
      );
    },
  );

  app.get(
    '/micro-credentials/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const found = await catalogue.findMicroCredential(request.params.slug);
      if (!found) throw notFound('This course');
      const glossary = glossaryIndex(await framework.listGlossary());
      return reply.type(html).send(
        renderDetailPage({
          ...found,
          slug: request.params.slug,
          currentPath: request.url,
          publicUrl,
          isDemo,
          providerTermSlug: glossary.get(found.version.input.providerTerm.toLowerCase()),
        }),
      );
    },
  );

  // The stable address of one version: credentials name it as their achievement's id.
  app.get(
    '/micro-credentials/:slug/versions/:version',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: Type.Object({
          slug: Type.String({ maxLength: 200 }),
          version: Type.Integer({ minimum: 1, maximum: 10_000 }),
        }),
      },
    },
    async (request, reply) => {
      const { slug, version } = request.params as { slug: string; version: number };
      const found = await catalogue.findMicroCredential(slug);
      if (!found || version > found.version.versionNumber) throw notFound('This version of the course');
      return reply.redirect(`/micro-credentials/${encodeURIComponent(slug)}`, 303);
    },
  );

  app.get('/institutions', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply.type(html).send(
      renderInstitutionsPage({
        institutions: await catalogue.listInstitutions(),
        currentPath: request.url,
        isDemo,
        publicUrl,
      }),
    ),
  );

  app.get(
    '/institutions/:slug',
    { config: { access: 'public' }, schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const institution = await catalogue.findInstitution(request.params.slug);
      if (!institution) throw notFound('This institution');
      const result = await catalogue.search({
        ...emptyQuery(),
        institution: [institution.slug],
        sort: 'start-date',
        pageSize: 10,
      });
      return reply.type(html).send(
        renderInstitutionPage({
          institution,
          courses: result.items,
          total: result.total,
          subjectNames: result.subjectNames,
          currentPath: request.url,
          isDemo,
          publicUrl,
        }),
      );
    },
  );
}
