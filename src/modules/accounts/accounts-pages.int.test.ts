import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { Visitor, linkInLatestMail } from '../../../test/support/visitor.ts';

describe.each(testDatabaseKinds())('accounts on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    app = await buildTestApp(database.database);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('a learner signs up, confirms their address from the mail, signs in and out', async () => {
    const learner = new Visitor(app);
    const signedUp = await learner.submit('/sign-up', {
      name: 'Ailsa Learner',
      email: 'Ailsa@Example.org',
      password: 'three random words',
      confirmPassword: 'three random words',
    });
    expect(signedUp.statusCode).toBe(200);
    expect(signedUp.body).toContain('Check your email');

    const early = await learner.submit('/sign-in', {
      email: 'ailsa@example.org',
      password: 'three random words',
    });
    expect(early.statusCode).toBe(403);
    expect(early.body).toContain('Confirm your email address first');

    const confirmed = await learner.get(await linkInLatestMail(app, 'ailsa@example.org', /verify-email/));
    expect(confirmed.body).toContain('Email address confirmed');

    const signedIn = await learner.submit('/sign-in?next=/account', {
      email: 'ailsa@example.org',
      password: 'three random words',
      next: '/account',
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/account');
    const account = await learner.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Signed in as <strong>Ailsa Learner</strong>');

    const signedOut = await learner.post('/sign-out');
    expect(signedOut.statusCode).toBe(303);
    const after = await learner.get('/account');
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/sign-in?next=%2Faccount');
  });

  it('a sign-up with bad values names each field and keeps what was typed', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.submit('/sign-up', {
      name: 'Bea',
      email: 'not-an-email',
      password: 'short',
      confirmPassword: 'different',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter an email address in the correct format');
    expect(response.body).toContain('Enter a password of at least 10 characters');
    expect(response.body).toContain('value="not-an-email"');
    expect(response.body).toContain('value="Bea"');
  });

  it('a form posted without its anti-forgery token is refused and changes nothing', async () => {
    const visitor = new Visitor(app);
    const response = await visitor.post('/sign-up', {
      _csrf: 'forged',
      name: 'Forged',
      email: 'forged@example.org',
      password: 'three random words',
      confirmPassword: 'three random words',
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('The form you sent was out of date');
    const outbox = await app.inject({ url: '/dev/outbox?to=forged@example.org' });
    expect(outbox.body).toContain('No mail yet');
  });

  it('after five wrong passwords sign-in is refused for a while, even with the right one', async () => {
    const visitor = new Visitor(app, '192.0.2.55');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push(
        (await visitor.submit('/sign-in', { email: 'ailsa@example.org', password: 'wrong password!' }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await visitor.submit('/sign-in', {
      email: 'ailsa@example.org',
      password: 'three random words',
    });
    expect(right.statusCode).toBe(429);
    expect(right.body).toContain('Too many sign-in attempts');
  });

  it('a redirect after sign-in never leaves the hub', async () => {
    const visitor = new Visitor(app);
    for (const next of [
      '//evil.example/phish',
      '/\t/evil.example',
      '/\\evil.example',
      'https://evil.example',
    ]) {
      const page = await visitor.get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.body, next).toContain('name="next" value="/account"');
    }
    const inside = await visitor.get(`/sign-in?next=${encodeURIComponent('/workspace/x?done=submit')}`);
    expect(inside.body).toContain('name="next" value="/workspace/x?done=submit"');
  });
});
