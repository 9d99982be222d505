import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../platform/http/problems.ts';
import type { FrameworkService } from './framework-service.ts';
import { SCQF_LEVELS } from './scqf-model.ts';

const GlossaryEntrySchema = Type.Object({
  slug: Type.String(),
  url: Type.String(),
  term: Type.String(),
  summary: Type.String(),
  body: Type.Array(Type.String()),
  synonyms: Type.Array(Type.String(), {
    description: 'Other words people use for the same thing; searches include them.',
  }),
  seeAlso: Type.Array(Type.String()),
  category: Type.String(),
});

export async function frameworkApi(
  parent: FastifyInstance,
  { framework, publicUrl }: { framework: FrameworkService; publicUrl: string },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['Framework and glossary'];
  const withUrl = <T extends { slug: string }>(entry: T) => ({
    ...entry,
    url: `${publicUrl}/glossary/${entry.slug}`,
  });

  app.get(
    '/api/v1/glossary',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every glossary term, in plain language',
        response: { 200: Type.Object({ items: Type.Array(GlossaryEntrySchema) }) },
      },
    },
    async () => ({ items: (await framework.listGlossary()).map(withUrl) }),
  );

  app.get(
    '/api/v1/glossary/:slug',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One glossary term',
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 }) }),
        response: { 200: GlossaryEntrySchema },
      },
    },
    async (request) => {
      const entry = await framework.findGlossaryEntry(request.params.slug);
      if (!entry) throw notFound(`Glossary term '${request.params.slug}'`);
      return withUrl(entry);
    },
  );

  app.get(
    '/api/v1/framework/scqf-levels',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The 12 SCQF levels with their meaning and European (EQF) equivalents',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                level: Type.Integer(),
                meaning: Type.String(),
                examples: Type.Array(Type.String()),
                eqfLevel: Type.Union([Type.Integer(), Type.Null()]),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ items: [...SCQF_LEVELS] }),
  );
}
