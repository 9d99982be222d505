import type { FastifyInstance } from 'fastify';
import { Card, CardGrid, InsetText, PageHeader, SearchBox } from '../../platform/views/components.tsx';
import { LayoutArea } from '../../platform/views/layout.tsx';
import { emptyQuery, type CatalogueService } from '../catalogue/index.ts';
import { describeCredits } from '../framework/index.ts';
import { Term, renderHubPage } from './site-chrome.tsx';

const html = 'text/html; charset=utf-8';
const number = new Intl.NumberFormat('en-GB');

export async function sitePages(
  app: FastifyInstance,
  { catalogue, isDemo, publicUrl }: { catalogue: CatalogueService; isDemo: boolean; publicUrl: string },
) {
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const [institutions, subjects, overview] = await Promise.all([
      catalogue.listInstitutions(),
      catalogue.listSubjects(),
      catalogue.search({ ...emptyQuery(), pageSize: 1 }),
    ]);
    const subjectCounts = new Map(
      (overview.facets.find((facet) => facet.name === 'subject')?.values ?? []).map((value) => [
        value.value,
        value.count,
      ]),
    );
    const providers = institutions.filter((institution) => institution.courseCount > 0).length;
    return reply.type(html).send(
      renderHubPage({
        title: 'Find, compare and keep micro-credentials',
        description:
          'Short, flexible courses from Scotland’s colleges and universities, described to one standard.',
        currentPath: request.url,
        isDemo,
        publicUrl,
        children: (
          <>
            <LayoutArea area="header">
              <PageHeader title="Short courses from Scotland’s colleges and universities, in one place" />
            </LayoutArea>
            <LayoutArea area="content">
              <p class="ds_leader">
                Learn a new skill in weeks, not years. Compare {number.format(overview.total)} short courses
                from {providers} colleges and universities by level, size, cost, time and how they are taught,
                and see what each one counts towards.
              </p>
              <SearchBox
                label="What do you want to learn?"
                action="/micro-credentials"
                placeholder="For example: data, care, leadership"
              />
              <p>
                <a href="/micro-credentials">Browse every course</a>
              </p>

              <h2>What you can find here</h2>
              <CardGrid>
                <Card title="Micro-credentials" href="/glossary/micro-credential" headingLevel={3}>
                  <p>
                    Short courses that carry SCQF credit. You are assessed, and you can often count the credit
                    towards a bigger award such as a certificate or degree.
                  </p>
                </Card>
                <Card title="Small qualifications" href="/glossary/small-qualification" headingLevel={3}>
                  <p>
                    Short courses without credit, such as a one-day workshop. You get a certificate of
                    attendance when you take part.
                  </p>
                </Card>
                <Card title="Words explained" href="/glossary" headingLevel={3}>
                  <p>
                    Providers call courses many things: short course, CPD award, skills boost. The glossary
                    says what each word means.
                  </p>
                </Card>
              </CardGrid>

              <h2>How to compare courses</h2>
              <ul>
                <li>
                  <strong>
                    <Term slug="scqf-level">Level</Term>
                  </strong>{' '}
                  says how demanding a course is, from 1 to 12. Level 7 is like the first year of university.{' '}
                  <a href="/framework">See all 12 levels</a>.
                </li>
                <li>
                  <strong>
                    <Term slug="scqf-credit">Credits</Term>
                  </strong>{' '}
                  say how much learning it takes: {describeCredits(10)}.
                </li>
                <li>
                  <strong>
                    <Term slug="stackable">Stackable</Term>
                  </strong>{' '}
                  courses count towards a larger award; <Term slug="transferable">transferable</Term> ones are
                  recognised by other institutions too.
                </li>
              </ul>

              <h2>Browse by subject</h2>
              <ul class="hub_subject-list">
                {subjects
                  .filter((subject) => (subjectCounts.get(subject.slug) ?? 0) > 0)
                  .map((subject) => (
                    <li key={subject.slug}>
                      <a href={`/micro-credentials?subject=${subject.slug}`}>{subject.name}</a>{' '}
                      <span class="ds_hint-text">
                        ({number.format(subjectCounts.get(subject.slug) ?? 0)})
                      </span>
                    </li>
                  ))}
              </ul>

              <h2>For colleges, universities and employers</h2>
              <p>
                Institutions describe their micro-credentials to one standard, so learners can compare them
                fairly. Employers and admissions staff can see exactly what a course covers. Developers can
                use the <a href="/api/docs">open API</a>.
              </p>
            </LayoutArea>
          </>
        ),
      }),
    );
  });

  app.get('/about', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) =>
    reply.type(html).send(
      renderHubPage({
        title: 'About the hub',
        currentPath: request.url,
        isDemo,
        publicUrl,
        breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'About the hub' }],
        children: (
          <>
            <LayoutArea area="header">
              <PageHeader title="About the Micro-credentials Hub" />
            </LayoutArea>
            <LayoutArea area="content">
              <p class="ds_leader">
                The hub is one place where Scotland’s colleges and universities describe their
                micro-credentials to one standard, and where learners find them and employers check what they
                mean.
              </p>
              <h2>Why it exists</h2>
              <p>
                In a 2021 to 2022 survey of Scotland’s colleges and universities, staff said nobody agreed on
                the words: short course, micro-credential, bespoke course, CPD award, standalone module and
                skills boost can all mean the same thing. Most staff and nearly all students did not
                understand the term “micro-credential”. Learners could not compare courses, and recognition
                between institutions was uneven.
              </p>
              <p>
                The sector asked for a glossary, a good-practice guide, a framework and a national hub. This
                is that hub. It uses the <Term slug="scqf">Scottish Credit and Qualifications Framework</Term>{' '}
                so that every course states its level and size the same way.
              </p>
              {isDemo && (
                <InsetText>
                  <p>
                    This is a demonstration. The institutions are real, but the courses, dates and prices are
                    examples made up to show how the hub works. They follow the mix of subjects, sizes and
                    delivery that institutions reported in the survey.
                  </p>
                </InsetText>
              )}
              <h2>Open data</h2>
              <p>
                Everything in the catalogue is available through the <a href="/api/docs">hub’s API</a>,
                described in an <a href="/api/openapi.json">OpenAPI document</a>.
              </p>
            </LayoutArea>
          </>
        ),
      }),
    ),
  );

  app.get(
    '/accessibility',
    { config: { access: 'public' }, schema: { hide: true } },
    async (request, reply) =>
      reply.type(html).send(
        renderHubPage({
          title: 'Accessibility statement',
          currentPath: request.url,
          isDemo,
          publicUrl,
          breadcrumbs: [{ href: '/', label: 'Home' }, { label: 'Accessibility' }],
          children: (
            <>
              <LayoutArea area="header">
                <PageHeader title="Accessibility statement" />
              </LayoutArea>
              <LayoutArea area="content">
                <p class="ds_leader">We want everyone to be able to use the Micro-credentials Hub.</p>
                <p>
                  The hub is built to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA.
                  You should be able to:
                </p>
                <ul>
                  <li>use every page with a keyboard only, and with a screen reader</li>
                  <li>zoom to 400% without text spilling off the screen</li>
                  <li>use every page, including search and filters, without JavaScript</li>
                </ul>
                <p>
                  It uses the Scottish Government Design System, whose components are tested with assistive
                  technologies. Every page in our automated browser tests is checked with axe for
                  accessibility problems.
                </p>
                <h2>Reporting a problem</h2>
                <p>
                  If something does not work for you, tell the institution that offers the course, or the hub
                  team through your institution. We aim to reply within 5 working days.
                </p>
              </LayoutArea>
            </>
          ),
        }),
      ),
  );
}
