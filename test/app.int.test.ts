import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildTestApp, TEST_TODAY } from './support/test-app.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from './support/test-database.ts';
import { aMicroCredential, anInstitution } from './support/builders.ts';
import { publishCatalogue } from './support/factories.ts';

describe.each(testDatabaseKinds())('the hub on %s', (kind) => {
  let testDatabase: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    await publishCatalogue(
      testDatabase.database,
      [anInstitution({ name: 'Lowland University' })],
      [
        {
          institution: 'lowland-university',
          slug: 'cyber-basics',
          input: aMicroCredential({ title: 'Cyber Security Basics' }),
        },
      ],
    );
    app = await buildTestApp(testDatabase.database);
  });

  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });

  it('says it is alive and ready, naming its database', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: kind });
  });

  it('sends security headers with every page', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('shows a page not found, in the site layout, for an unknown address', async () => {
    const response = await app.inject({ url: '/no-such-page' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('Page not found');
    expect(response.body).toContain('href="/micro-credentials"');
  });

  it('answers problem+json for an unknown API address', async () => {
    const response = await app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('renders the search page with results and filters that work without JavaScript', async () => {
    const response = await app.inject({ url: '/micro-credentials?q=cyber' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Showing 1 to 1 of 1 course');
    expect(response.body).toContain('href="/micro-credentials/cyber-basics"');
    expect(response.body).toMatch(/<form method="get" action="\/micro-credentials"/);
    expect(response.body).toContain('Apply filters');
  });

  it('explains a bad search address on the page instead of failing', async () => {
    const response = await app.inject({ url: '/micro-credentials?q=cyber&level=99' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain('at most 12');
    expect(response.body).toContain('href="/micro-credentials/cyber-basics"');
  });

  it('renders a course page with schema.org Course data', async () => {
    const response = await app.inject({ url: '/micro-credentials/cyber-basics' });
    expect(response.statusCode).toBe(200);
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(response.body)?.[1];
    expect(JSON.parse(jsonLd ?? '{}')).toMatchObject({
      '@type': 'Course',
      name: 'Cyber Security Basics',
      provider: { name: 'Lowland University' },
      numberOfCredits: { value: 10 },
      hasCourseInstance: [
        {
          '@type': 'CourseInstance',
          courseMode: 'online',
          offers: { price: '250.00', priceCurrency: 'GBP' },
        },
      ],
    });
    expect(response.body).toContain('10 <a href="/glossary/scqf-credit"');
  });

  it('shows a page not found for a course that does not exist', async () => {
    const response = await app.inject({ url: '/micro-credentials/not-a-course' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
  });

  it('renders institution and glossary pages', async () => {
    const institution = await app.inject({ url: '/institutions/lowland-university' });
    expect(institution.statusCode).toBe(200);
    expect(institution.body).toContain('Cyber Security Basics');
    const glossary = await app.inject({ url: '/glossary' });
    expect(glossary.body).toContain('href="/glossary/recognition-of-prior-learning"');
    const entry = await app.inject({ url: '/glossary/scqf-level' });
    expect(entry.statusCode).toBe(200);
    expect(entry.body).toContain('<h1');
    expect((await app.inject({ url: '/glossary/not-a-term' })).statusCode).toBe(404);
  });
});

describe('errors in production', () => {
  it('never show the stack or the internal message', async () => {
    const testDatabase = await createTestDatabase('pglite');
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'https://hub.example',
      AUTH_SECRET: 'production-secret-for-this-test-0123456789',
      KEY_ENCRYPTION_KEY: 'production-kek-for-this-test-0123456789',
    });
    const app = await buildApp({ config, database: testDatabase.database, clock: () => TEST_TODAY });
    app.get('/boom', { config: { access: 'public' } }, async () => {
      throw new Error('connection string postgres://secret@db');
    });
    app.get('/api/v1/boom', { config: { access: 'public' } }, async () => {
      throw new Error('connection string postgres://secret@db');
    });
    try {
      const page = await app.inject({ url: '/boom' });
      expect(page.statusCode).toBe(500);
      expect(page.body).not.toContain('secret');
      expect(page.body).not.toMatch(/at .*\.ts:\d+/);
      const api = await app.inject({ url: '/api/v1/boom' });
      expect(api.statusCode).toBe(500);
      expect(api.headers['content-type']).toContain('application/problem+json');
      expect(api.body).not.toContain('secret');
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });

  it('keep the development outbox out of reach and mark cookies secure', async () => {
    const testDatabase = await createTestDatabase('pglite');
    const config = loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'https://hub.example',
      AUTH_SECRET: 'production-secret-for-this-test-0123456789',
      KEY_ENCRYPTION_KEY: 'production-kek-for-this-test-0123456789',
    });
    const app = await buildApp({ config, database: testDatabase.database, clock: () => TEST_TODAY });
    try {
      expect((await app.inject({ url: '/dev/outbox' })).statusCode).toBe(404);
      const signIn = await app.inject({ url: '/sign-in' });
      const cookies = [signIn.headers['set-cookie']].flat().join('\n');
      expect(cookies).toMatch(/hub-csrf=.*; Secure/);
      expect(cookies).toContain('HttpOnly');
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});

describe('the API documentation', () => {
  it('is browsable and asks nothing of other sites', async () => {
    const testDatabase = await createTestDatabase('pglite');
    const app = await buildTestApp(testDatabase.database);
    try {
      const page = await app.inject({ url: '/api/docs' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-security-policy']).not.toContain('validator.swagger.io');
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
      const document = await app.inject({ url: '/api/docs/json' });
      expect(document.json().info.title).toBe('Micro-credentials Hub API');
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});
