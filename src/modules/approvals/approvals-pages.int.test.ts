import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { aMicroCredential, anInstitution } from '../../../test/support/builders.ts';
import { signedInStaff, testServices } from '../../../test/support/people.ts';
import { goodStepValues } from '../../../test/support/proposal-fields.ts';
import type { Services } from '../../services.ts';

describe.each(testDatabaseKinds())('approval by forms on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let services: Services;
  let institutionId: string;
  const base = '/workspace/north-college';

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const fixture = await publishCatalogue(
      database.database,
      [anInstitution({ slug: 'north-college', name: 'North College', codePrefix: 'NC' })],
      [
        {
          institution: 'north-college',
          input: aMicroCredential({ title: 'Care planning basics' }),
          slug: 'care-planning-basics',
        },
      ],
    );
    institutionId = fixture.institutions.get('north-college')!.id;
    app = await buildTestApp(database.database);
    services = testServices(database.database);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('an author drafts and submits, a reviewer asks for changes, the author fixes, a second reviewer approves and it is published', async () => {
    const author = await signedInStaff(app, services, {
      name: 'Ann Author',
      institutionId,
      roles: ['author'],
    });
    const reviewer = await signedInStaff(app, services, {
      name: 'Rita Reviewer',
      institutionId,
      roles: ['reviewer'],
    });
    const secondReviewer = await signedInStaff(app, services, {
      name: 'Rob Reviewer',
      institutionId,
      roles: ['reviewer'],
    });

    const started = await author.submit(`${base}/proposals`, {}, `${base}/proposals`);
    expect(started.statusCode).toBe(303);
    const proposalUrl = started.headers.location!.replace('/steps/about', '');
    const steps = goodStepValues();
    // A bad value keeps everything typed on the step and names the field.
    const bad = await author.submit(`${proposalUrl}/steps/size`, { ...steps.size, scqfCredits: 'ten' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter the SCQF credits as a whole number');
    expect(bad.body).toContain('value="ten"');
    expect(bad.body).toContain('value="100"');
    const reread = await author.get(`${proposalUrl}/steps/size`);
    expect(reread.body).toContain('value="ten"');

    for (const [step, values] of Object.entries(steps)) {
      const saved = await author.submit(`${proposalUrl}/steps/${step}`, { ...values, intent: 'save' });
      expect(saved.statusCode, `saving ${step}: ${saved.body.slice(0, 0)}`).toBe(303);
    }
    const ready = await author.get(proposalUrl);
    expect(ready.body).toContain('ready to submit');
    const submitted = await author.post(`${proposalUrl}/transitions`, { action: 'submit' });
    expect(submitted.statusCode).toBe(303);

    // The author cannot review their own proposal, and sees no decision buttons.
    const ownApproval = await author.post(`${proposalUrl}/transitions`, { action: 'approve' });
    expect(ownApproval.statusCode).toBe(400);

    const queue = await reviewer.get(`${base}/reviews`);
    expect(queue.body).toContain('Data ethics for public services');
    await reviewer.get(proposalUrl);
    expect((await reviewer.post(`${proposalUrl}/transitions`, { action: 'start-review' })).statusCode).toBe(
      303,
    );
    await reviewer.get(proposalUrl);
    const noComment = await reviewer.post(`${proposalUrl}/transitions`, {
      action: 'request-changes',
      comment: '',
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('Say what needs to change');
    const changes = await reviewer.post(`${proposalUrl}/transitions`, {
      action: 'request-changes',
      comment: 'Please name the assessment criteria in the description.',
    });
    expect(changes.statusCode).toBe(303);

    const seenByAuthor = await author.get(proposalUrl);
    expect(seenByAuthor.body).toContain('Please name the assessment criteria');
    expect(seenByAuthor.body).toContain('Changes requested');
    await author.submit(`${proposalUrl}/steps/about`, {
      ...steps.about,
      description: `${steps.about.description} Assessment criteria are published in the course handbook.`,
      intent: 'save',
    });
    expect((await author.post(`${proposalUrl}/transitions`, { action: 'submit' })).statusCode).toBe(303);

    await secondReviewer.get(proposalUrl);
    expect(
      (await secondReviewer.post(`${proposalUrl}/transitions`, { action: 'start-review' })).statusCode,
    ).toBe(303);
    const review = await secondReviewer.get(proposalUrl);
    expect(review.body).toContain('hub-redline__ins');
    expect((await secondReviewer.post(`${proposalUrl}/transitions`, { action: 'approve' })).statusCode).toBe(
      303,
    );
    const approved = await author.get(proposalUrl);
    // The seeded course holds NC0001: codes continue the institution's sequence.
    expect(approved.body).toMatch(/data-testid="module-code">NC0002</);
    expect((await author.post(`${proposalUrl}/transitions`, { action: 'publish' })).statusCode).toBe(303);

    const search = await app.inject({ url: '/api/v1/micro-credentials?q=ethics' });
    expect(search.json().items.map((item: { title: string }) => item.title)).toContain(
      'Data ethics for public services',
    );
    const history = await author.get(proposalUrl);
    for (const words of ['submitted it for approval', 'requested changes', 'approved it', 'published it'])
      expect(history.body).toContain(words);
    const verdicts = await services.audit.verifyAll();
    expect(verdicts.every((verdict) => verdict.isIntact)).toBe(true);

    // Version 2 replaces it; the first proposal can then no longer retire what the catalogue shows.
    const institution = (await services.catalogue.findInstitution('north-college'))!;
    const authorActor = { id: author.userId, name: 'Ann Author', roles: ['author' as const] };
    const reviewerActor = { id: reviewer.userId, name: 'Rita Reviewer', roles: ['reviewer' as const] };
    const change = await services.approvals.start(institution, authorActor, {
      microCredentialSlug: 'data-ethics-for-public-services',
    });
    for (const action of ['submit', 'start-review', 'approve', 'publish'] as const)
      await services.approvals.act(
        institution,
        change.id,
        action === 'submit' || action === 'publish' ? authorActor : reviewerActor,
        action,
      );
    const retireOld = await reviewer.submit(proposalUrl, { action: 'retire' }, `${proposalUrl}/transitions`);
    expect(retireOld.statusCode).toBe(400);
    expect(retireOld.body).toContain('A newer version of this micro-credential is published');
    expect((await app.inject({ url: '/micro-credentials/data-ethics-for-public-services' })).statusCode).toBe(
      200,
    );

    // Two "propose a change" at the same moment open one change, not two.
    const both = await Promise.allSettled(
      [1, 2].map(() =>
        services.approvals.start(institution, authorActor, {
          microCredentialSlug: 'data-ethics-for-public-services',
        }),
      ),
    );
    expect(both.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });

  it('a change to a published micro-credential starts from it, and the redline shows only what the author changed', async () => {
    const author = await signedInStaff(app, services, {
      name: 'Cal Changer',
      institutionId,
      roles: ['author'],
    });
    await author.get(`${base}/proposals`);
    const started = await author.post(`${base}/micro-credentials/care-planning-basics/changes`);
    expect(started.statusCode).toBe(303);
    const proposalUrl = started.headers.location!;
    const unchanged = await author.get(proposalUrl);
    expect(unchanged.body).toContain('Version 1 (published) stays live until this one is published');
    await author.submit(`${proposalUrl}/steps/about`, {
      ...goodStepValues('Care planning basics').about,
      summary: 'A shorter, plainer summary for carers who plan care with families.',
      intent: 'save',
    });
    const edited = await author.get(proposalUrl);
    expect(edited.body).toContain('hub-redline__ins');
    const redline = edited.body.slice(edited.body.indexOf('id="changes-title"'));
    expect(redline).toContain('Summary');
    // Approval sets the route and date; a change the author did not make is never shown as one.
    expect(redline).not.toContain('Approval route');
    expect(redline).not.toContain('Approval date');
    const second = await author.post(`${base}/micro-credentials/care-planning-basics/changes`);
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('A change to this micro-credential is already draft');
  });

  it('an offering with several mistakes names every one at once and keeps what was typed', async () => {
    const author = await signedInStaff(app, services, {
      name: 'Olive Offerings',
      institutionId,
      roles: ['author'],
    });
    const page = `${base}/micro-credentials/care-planning-basics/offerings`;
    const response = await author.submit(page, {
      startsOn: '2027-02-01',
      price: 'two hundred',
      deliveryMode: '',
      funding: 'self-funded',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Enter the price in pounds');
    expect(response.body).toContain('Choose online, hybrid, in person or at the workplace');
    expect(response.body).toContain('value="two hundred"');
    expect(response.body).toContain('value="2027-02-01"');
    const added = await author.submit(page, {
      startsOn: '2027-02-01',
      price: '250',
      deliveryMode: 'online',
      funding: 'self-funded',
    });
    expect(added.statusCode).toBe(303);
    const course = await app.inject({ url: '/micro-credentials/care-planning-basics' });
    expect(course.body).toContain('£250');
  });

  it('when a colleague withdraws a draft while the author types, the refused step keeps what was typed', async () => {
    const author = await signedInStaff(app, services, {
      name: 'Tam Typist',
      institutionId,
      roles: ['author'],
    });
    const institution = (await services.catalogue.findInstitution('north-college'))!;
    const proposal = await services.approvals.start(institution, {
      id: author.userId,
      name: 'Tam Typist',
      roles: ['author'],
    });
    const stepUrl = `${base}/proposals/${proposal.id}/steps/about`;
    await author.get(stepUrl);
    await services.approvals.act(
      institution,
      proposal.id,
      { id: 'colleague', name: 'A colleague', roles: ['author'] },
      'withdraw',
    );
    const refused = await author.post(stepUrl, {
      ...goodStepValues('Typed before the withdrawal').about,
      intent: 'save',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('value="Typed before the withdrawal"');
    expect(refused.body).toContain('ds_error-summary');
  });
});
