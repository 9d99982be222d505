import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ButtonLink, PageHeader, Table } from '../../platform/views/components.tsx';
import { LayoutArea } from '../../platform/views/layout.tsx';
import { notFound } from '../../platform/http/problems.ts';
import { Term, renderHubPage } from '../site/index.ts';
import { GLOSSARY_CATEGORIES, GLOSSARY_CATEGORY_LABELS, type GlossaryEntry } from './glossary-data.ts';
import type { FrameworkService } from './framework-service.ts';
import { SCQF_LEVELS, describeCredits } from './scqf-model.ts';

const html = 'text/html; charset=utf-8';

export async function frameworkPages(
  parent: FastifyInstance,
  { framework, isDemo, publicUrl }: { framework: FrameworkService; isDemo: boolean; publicUrl: string },
) {
  const app = parent.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/glossary', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const entries = await framework.listGlossary();
    const letters = [...new Set(entries.map((entry) => entry.term[0]?.toUpperCase() ?? ''))].sort();
    return reply.type(html).send(
      renderHubPage({
        title: 'Glossary',
        description: 'What the words used about micro-credentials and short courses mean, in plain language.',
        currentPath: request.url,
        isDemo,
        publicUrl,
        breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Glossary' }],
        children: (
          <>
            <LayoutArea area="header">
              <PageHeader title="Glossary" />
            </LayoutArea>
            <LayoutArea area="content">
              <p class="ds_leader">
                Colleges and universities use different words for the same things. This glossary explains each
                one in plain language. Searching the hub for any of these words also finds courses described
                with the others.
              </p>
              {GLOSSARY_CATEGORIES.map((category) => {
                const inCategory = entries.filter((entry) => entry.category === category);
                if (inCategory.length === 0) return null;
                return (
                  <section key={category} aria-labelledby={`category-${category}`}>
                    <h2 id={`category-${category}`}>{GLOSSARY_CATEGORY_LABELS[category]}</h2>
                    <dl class="hub_glossary-list">
                      {inCategory.map((entry) => (
                        <div key={entry.slug}>
                          <dt>
                            <a href={`/glossary/${entry.slug}`}>{entry.term}</a>
                          </dt>
                          <dd>{entry.summary}</dd>
                        </div>
                      ))}
                    </dl>
                  </section>
                );
              })}
              <p class="ds_hint-text">
                {entries.length} terms, starting with {letters.join(', ')}. Also see{' '}
                <a href="/framework">how SCQF levels and credits work</a>.
              </p>
            </LayoutArea>
          </>
        ),
      }),
    );
  });

  app.get(
    '/glossary/:slug',
    {
      config: { access: 'public' },
      schema: {
        hide: true,
        params: Type.Object({ slug: Type.String({ pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', maxLength: 100 }) }),
      },
    },
    async (request, reply) => {
      const entry = await framework.findGlossaryEntry(request.params.slug);
      if (!entry) throw notFound('This glossary term');
      const all = await framework.listGlossary();
      const related = entry.seeAlso
        .map((slug) => all.find((candidate) => candidate.slug === slug))
        .filter((candidate): candidate is GlossaryEntry => candidate !== undefined);
      return reply.type(html).send(
        renderHubPage({
          title: `${entry.term}: glossary`,
          description: entry.summary,
          currentPath: request.url,
          isDemo,
          publicUrl,
          breadcrumbs: [
            { href: '/', label: 'Home' },
            { href: '/glossary', label: 'Glossary' },
            { label: entry.term },
          ],
          children: (
            <>
              <LayoutArea area="header">
                <PageHeader title={entry.term} label={GLOSSARY_CATEGORY_LABELS[entry.category]} />
              </LayoutArea>
              <LayoutArea area="content">
                <p class="ds_leader">{entry.summary}</p>
                {entry.body.map((paragraph, index) => (
                  <p key={index}>{paragraph}</p>
                ))}
                {entry.synonyms.length > 0 && (
                  <>
                    <h2 class="ds_h3">Also called</h2>
                    <p>{entry.synonyms.join(', ')}</p>
                  </>
                )}
                {related.length > 0 && (
                  <>
                    <h2 class="ds_h3">Related terms</h2>
                    <ul>
                      {related.map((other) => (
                        <li key={other.slug}>
                          <Term slug={other.slug}>{other.term}</Term>: {other.summary}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
                <ButtonLink
                  href={`/micro-credentials?q=${encodeURIComponent(entry.term)}`}
                  variant="secondary"
                >
                  Find courses that mention “{entry.term}”
                </ButtonLink>
                <p>
                  <a href="/glossary">Back to the glossary</a>
                </p>
              </LayoutArea>
            </>
          ),
        }),
      );
    },
  );

  app.get('/framework', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply.type(html).send(
      renderHubPage({
        title: 'SCQF levels and credits',
        description:
          'How to read the level and size of a course on the Scottish Credit and Qualifications Framework.',
        currentPath: request.url,
        isDemo,
        publicUrl,
        breadcrumbs: [
          { href: '/', label: 'Home' },
          { href: '/glossary', label: 'Glossary' },
          { label: 'SCQF levels and credits' },
        ],
        children: (
          <>
            <LayoutArea area="header">
              <PageHeader title="SCQF levels and credits" />
            </LayoutArea>
            <LayoutArea area="content">
              <p class="ds_leader">
                Every credit-rated course in Scotland has a <Term slug="scqf-level">level</Term>, which says
                how demanding it is, and a number of <Term slug="scqf-credit">credits</Term>, which says how
                much learning it takes.
              </p>
              <p>
                One credit stands for 10 hours of learning, including teaching, private study and assessment.
                So {describeCredits(10)}. Two SCQF credits make one <Term slug="ects">ECTS</Term> credit, used
                across Europe.
              </p>
              <Table
                caption="The 12 SCQF levels"
                headers={['SCQF level', 'What it means', 'Qualifications at this level', 'EQF level']}
                hasRowHeaders
                smallScreen="boxes"
                rows={SCQF_LEVELS.map((level) => [
                  String(level.level),
                  level.meaning,
                  level.examples.join(', '),
                  level.eqfLevel === null ? 'None' : String(level.eqfLevel),
                ])}
              />
            </LayoutArea>
          </>
        ),
      }),
    ),
  );
}
