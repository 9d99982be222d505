import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../../test/support/test-app.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import {
  aMicroCredential,
  aSmallQualification,
  anInstitution,
  anOffering,
} from '../../../test/support/builders.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';

interface SearchBody {
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  correctedQuery?: string;
  items: { slug: string; title: string; institution: { slug: string }; deliveryModes: string[] }[];
  facets: { name: string; values: { value: string; count: number; selected: boolean }[] }[];
}

describe.each(testDatabaseKinds())('catalogue API on %s', (kind) => {
  let testDatabase: TestDatabase;
  let app: FastifyInstance;

  async function search(query: string): Promise<SearchBody> {
    const response = await app.inject({ method: 'GET', url: `/api/v1/micro-credentials?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SearchBody>();
  }

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCatalogue(
      testDatabase.database,
      [
        anInstitution({ name: 'Lowland University' }),
        anInstitution({ name: 'Highland College', kind: 'college', codePrefix: 'HC' }),
      ],
      [
        {
          institution: 'lowland-university',
          slug: 'data-analysis-with-python',
          input: aMicroCredential({
            title: 'Data Analysis with Python',
            scqfLevel: 9,
            scqfCredits: 20,
            notionalHours: 200,
            subjectSlug: 'computing',
          }),
          offerings: [anOffering({ deliveryMode: 'online', pricePence: 60_000 })],
        },
        {
          institution: 'lowland-university',
          slug: 'leadership-for-new-managers',
          input: aMicroCredential({
            title: 'Leadership for New Managers',
            subjectSlug: 'business',
            description: 'Use data to make fair decisions about your team and its priorities.',
            keywords: ['management'],
          }),
          offerings: [anOffering({ deliveryMode: 'hybrid', location: 'Lowland campus', pricePence: 40_000 })],
        },
        {
          institution: 'highland-college',
          slug: 'dementia-awareness',
          input: aSmallQualification({
            title: 'Dementia Awareness for Care Workers',
            subjectSlug: 'care',
            description: 'Builds on recognition of prior learning from your workplace induction.',
          }),
          offerings: [
            anOffering({
              deliveryMode: 'in-person',
              location: 'Inverness',
              funding: 'fully-funded',
              pricePence: 0,
            }),
          ],
        },
        {
          institution: 'highland-college',
          slug: 'cyber-security-skills-boost',
          input: aMicroCredential({
            title: 'Cyber Security Essentials',
            providerTerm: 'skills boost',
            scqfLevel: 6,
            scqfCredits: 5,
            notionalHours: 50,
          }),
          offerings: [
            anOffering({ deliveryMode: 'workplace', location: 'Your workplace', pricePence: 9_000 }),
          ],
        },
      ],
    );
    app = await buildTestApp(testDatabase.database, { SEED_DEMO_DATA: 'false' });
  });

  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });

  it('ranks a course with the words in its title above one that only mentions them', async () => {
    const body = await search('q=data');
    expect(body.items.map((item) => item.slug)).toEqual([
      'data-analysis-with-python',
      'leadership-for-new-managers',
    ]);
    expect(body.total).toBe(2);
  });

  it('matches word forms through English stemming', async () => {
    const body = await search('q=managing');
    expect(body.items.map((item) => item.slug)).toContain('leadership-for-new-managers');
  });

  it('finds the same courses for a glossary term and its synonyms', async () => {
    const [term, abbreviation, other] = await Promise.all([
      search(`q=${encodeURIComponent('recognition of prior learning')}`),
      search('q=RPL'),
      search('q=APL'),
    ]);
    expect(term.items.map((item) => item.slug)).toEqual(['dementia-awareness']);
    expect(abbreviation.items.map((item) => item.slug)).toEqual(term.items.map((item) => item.slug));
    expect(other.items.map((item) => item.slug)).toEqual(term.items.map((item) => item.slug));
  });

  it('still finds the course when a word is misspelt, and says what it searched for', async () => {
    const body = await search('q=leadrship');
    expect(body.items.map((item) => item.slug)).toEqual(['leadership-for-new-managers']);
    expect(body.correctedQuery).toBe('leadership');
  });

  it('says nothing was found, with empty facets, for words nothing contains', async () => {
    const body = await search('q=xylophone');
    expect(body.total).toBe(0);
    expect(body.items).toEqual([]);
    expect(body.correctedQuery).toBeUndefined();
  });

  it('filters by each facet and counts each value as the filter would give', async () => {
    const all = await search('');
    expect(all.total).toBe(4);
    for (const facet of all.facets) {
      for (const value of facet.values) {
        const filtered = await search(`${facet.name}=${encodeURIComponent(value.value)}`);
        expect(filtered.total, `${facet.name}=${value.value}`).toBe(value.count);
      }
    }
  });

  it('filters by delivery mode and institution type', async () => {
    const online = await search('delivery=online');
    expect(online.items.map((item) => item.slug)).toEqual(['data-analysis-with-python']);
    const colleges = await search('institutionType=college');
    expect(colleges.items.map((item) => item.institution.slug)).toEqual([
      'highland-college',
      'highland-college',
    ]);
  });

  it('keeps counting the other values of a facet that is in use, so a choice can be widened', async () => {
    const body = await search('delivery=online');
    const delivery = body.facets.find((facet) => facet.name === 'delivery');
    expect(delivery?.values).toEqual(
      expect.arrayContaining([
        { value: 'online', label: expect.any(String), count: 1, selected: true },
        { value: 'hybrid', label: expect.any(String), count: 1, selected: false },
      ]),
    );
    const subject = body.facets.find((facet) => facet.name === 'subject');
    expect(subject?.values.map((value) => [value.value, value.count])).toEqual([['computing', 1]]);
  });

  it('combines text with several filters', async () => {
    const body = await search('q=security&level=6&delivery=workplace&institutionType=college');
    expect(body.items.map((item) => item.slug)).toEqual(['cyber-security-skills-boost']);
    const none = await search('q=dementia&level=9');
    expect(none.total).toBe(0);
  });

  it('filters funded, stackable and transferable courses', async () => {
    expect((await search('funded=true')).items.map((item) => item.slug)).toEqual(['dementia-awareness']);
    expect((await search('stackable=true')).total).toBe(3);
    expect((await search('stackable=false')).items.map((item) => item.slug)).toEqual(['dementia-awareness']);
  });

  it('pages through results without repeating any', async () => {
    const first = await search('pageSize=3&sort=title');
    const second = await search('pageSize=3&sort=title&page=2');
    expect(first.pageCount).toBe(2);
    expect(first.items).toHaveLength(3);
    expect(second.items).toHaveLength(1);
    const slugs = [...first.items, ...second.items].map((item) => item.slug);
    expect(new Set(slugs).size).toBe(4);
    expect(first.items.map((item) => item.title)).toEqual([...first.items.map((item) => item.title)].sort());
    const beyond = await search('pageSize=3&page=9');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(4);
  });

  it.each([
    ['pageSize=101', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['level=13', 'level[0]'],
    ['delivery=by-pigeon', 'delivery[0]'],
    ['sort=cheapest', 'sort'],
    ['funded=maybe', 'funded'],
    ['colour=red', 'colour'],
  ])('refuses %s with a problem that names %s', async (query, field) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/micro-credentials?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ status: number; errors: { field: string; message: string }[] }>();
    expect(problem.status).toBe(400);
    expect(problem.errors.map((error) => error.field)).toContain(field);
  });

  it('returns everything a learner needs to decide about one course', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/micro-credentials/data-analysis-with-python',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      title: 'Data Analysis with Python',
      scqfLevel: 9,
      scqfCredits: 20,
      notionalHours: 200,
      ects: 10,
      eqfLevel: 6,
      code: 'LU0001',
      institution: { slug: 'lowland-university', name: 'Lowland University' },
    });
    expect(body.upcomingOfferings).toHaveLength(1);
  });

  it('answers 404 problem+json for a course that does not exist', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/micro-credentials/no-such-course' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('lists institutions with how many courses each has', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/institutions' });
    const body = response.json<{ items: { slug: string; courseCount: number }[] }>();
    expect(body.items.map((item) => [item.slug, item.courseCount])).toEqual([
      ['highland-college', 2],
      ['lowland-university', 2],
    ]);
    expect((await app.inject({ method: 'GET', url: '/api/v1/institutions/nowhere' })).statusCode).toBe(404);
  });

  it('publishes an OpenAPI 3.1 document built from the route schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const searchParameters = document.paths['/api/v1/micro-credentials'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(searchParameters).toEqual(
      expect.arrayContaining(['q', 'subject', 'level', 'delivery', 'page', 'pageSize']),
    );
    expect(document.paths['/api/v1/glossary']).toBeDefined();
  });
});

describe('paging through courses that share a title', () => {
  it('lists each course once, in the same order on every request', async () => {
    const testDatabase = await createTestDatabase('pglite');
    try {
      await publishCatalogue(
        testDatabase.database,
        [
          anInstitution({ name: 'Lowland University' }),
          anInstitution({ name: 'Highland College', kind: 'college', codePrefix: 'HC' }),
        ],
        ['a', 'b', 'c', 'd'].map((suffix, index) => ({
          institution: index % 2 === 0 ? 'lowland-university' : 'highland-college',
          slug: `project-management-${suffix}`,
          input: aMicroCredential({ title: 'Project Management' }),
        })),
      );
      const app = await buildTestApp(testDatabase.database, { SEED_DEMO_DATA: 'false' });
      const slugsOfPage = async (page: number) =>
        (await app.inject({ url: `/api/v1/micro-credentials?sort=title&pageSize=1&page=${page}` }))
          .json<SearchBody>()
          .items.map((item) => item.slug);
      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push(...(await slugsOfPage(page)));
      expect(new Set(pages).size).toBe(4);
      expect(await slugsOfPage(2)).toEqual([pages[1]]);
      await app.close();
    } finally {
      await testDatabase.drop();
    }
  });
});
