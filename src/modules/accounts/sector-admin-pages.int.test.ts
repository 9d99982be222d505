import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { signedInStaff, testServices } from '../../../test/support/people.ts';
import { Visitor, linkInLatestMail } from '../../../test/support/visitor.ts';
import type { Services } from '../../services.ts';

describe.each(testDatabaseKinds())('sector administration on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await publishCatalogue(database.database, [], []);
    app = await buildTestApp(database.database);
    services = testServices(database.database);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('a sector admin registers an institution and its first admin joins by invitation and invites staff', async () => {
    const sectorAdmin = await signedInStaff(app, services, { name: 'Sam Sector', isSectorAdmin: true });
    const fields = {
      name: 'Loch Ness College',
      kind: 'college',
      region: 'Highlands and Islands',
      website: 'https://lochness.example',
      summary: 'A college on the shores of Loch Ness, teaching land-based and tourism skills.',
      codePrefix: 'ln',
    };
    const refused = await sectorAdmin.submit('/admin/institutions', fields);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter a module code prefix of 2 to 5 capital letters');
    expect(refused.body).toContain('value="Loch Ness College"');
    const registered = await sectorAdmin.submit('/admin/institutions', { ...fields, codePrefix: 'LNC' });
    expect(registered.statusCode).toBe(303);
    expect(registered.headers.location).toBe('/admin/institutions/loch-ness-college?registered=1');

    const invited = await sectorAdmin.submit(
      '/admin/institutions/loch-ness-college',
      { email: 'head@lochness.example', roles: 'admin' },
      '/admin/institutions/loch-ness-college/invitations',
    );
    expect(invited.body).toContain('Invitation sent to head@lochness.example');

    const head = new Visitor(app, '203.0.113.9');
    const invitation = await linkInLatestMail(app, 'head@lochness.example', /\/invitations\//);
    const joined = await head.submit(invitation, {
      name: 'Heather Head',
      password: 'three random words',
      confirmPassword: 'three random words',
    });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe('/workspace/loch-ness-college');
    const members = await head.get('/workspace/loch-ness-college/members');
    expect(members.statusCode).toBe(200);
    expect(members.body).toContain('Heather Head');
    const staffInvite = await head.post('/workspace/loch-ness-college/members/invite', {
      email: 'author@lochness.example',
      roles: ['author'],
    });
    expect(staffInvite.body).toContain('Invitation sent to author@lochness.example');
    // The invitation works once only.
    expect((await new Visitor(app).get(invitation)).statusCode).toBe(404);
  });

  it('people who are not sector admins cannot register institutions', async () => {
    const learner = await signedInStaff(app, services, { name: 'Lee Learner' });
    expect((await learner.get('/admin/institutions')).statusCode).toBe(403);
    const anonymous = new Visitor(app);
    const response = await anonymous.get('/admin/institutions');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fadmin%2Finstitutions');
  });

  it('a sector admin edits a glossary entry: a new synonym widens searches, a taken one is refused and changes nothing', async () => {
    const sectorAdmin = await signedInStaff(app, services, { name: 'Gail Glossary', isSectorAdmin: true });
    const page = await sectorAdmin.get('/admin/glossary/micro-credential');
    expect(page.statusCode).toBe(200);
    const current = await services.framework.findGlossaryEntry('micro-credential');
    const fields = {
      term: current!.term,
      summary: current!.summary,
      body: current!.body.join('\n\n'),
      synonyms: [...current!.synonyms, 'nano-degree'].join(', '),
    };
    const saved = await sectorAdmin.post('/admin/glossary/micro-credential', fields);
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('The entry is saved');
    expect((await services.framework.glossaryPhrasesIn('nano-degree'))[0]?.slug).toBe('micro-credential');

    const taken = await sectorAdmin.post('/admin/glossary/micro-credential', { ...fields, synonyms: 'RPL' });
    expect(taken.statusCode).toBe(400);
    expect(taken.body).toContain('a term or synonym may belong to one entry only');
    // What was typed stays in the form beside the error.
    expect(taken.body).toContain('>RPL</textarea>');
    expect((await services.framework.findGlossaryEntry('micro-credential'))!.synonyms).toContain(
      'nano-degree',
    );
  });
});
