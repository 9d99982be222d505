import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildTestApp, TEST_TODAY } from '../../../test/support/test-app.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { anInstitution } from '../../../test/support/builders.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { createServices, type Services } from '../../services.ts';
import { fieldsOfStep } from './authoring-model.ts';
import { FIELD_NAMES } from './approvals-schemas.ts';

interface ProposalBody {
  id: string;
  title: string;
  state: string;
  moduleCode: string | null;
  authorName: string;
  reviewerName: string | null;
  fields: Record<string, string | string[]>;
  draft: Record<string, unknown>;
  isReady: boolean;
  checklist: { isPassed: boolean; items: { id: string; isMet: boolean; glossaryUrl: string }[] };
  problems: { field: string; message: string }[];
  actions: string[];
  comments: { authorName: string; body: string; visibility: string }[];
  history: { occurredAt: string; actorName: string; action: string }[];
}

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** A complete, good proposal as an institution's own system would send it: raw form values. */
function goodFields(title: string): Record<string, string> {
  return {
    title,
    summary:
      'For IT staff who look after cloud services and want to find and fix common security weaknesses.',
    description: 'Covers identity, logging, network controls and incident response on public clouds.',
    subjectSlug: 'computing',
    keywords: 'cloud, security',
    kind: 'micro-credential',
    providerTerm: 'micro-credential',
    'learningOutcomes[0].text': 'Explain the shared responsibility model of public cloud services',
    'learningOutcomes[0].characteristic': 'knowledge-and-understanding',
    'learningOutcomes[1].text': 'Configure logging and alerts that detect misuse of cloud accounts',
    'learningOutcomes[1].characteristic': 'applied-knowledge',
    'learningOutcomes[2].text': 'Evaluate the security of a cloud deployment against a benchmark',
    'learningOutcomes[2].characteristic': 'cognitive-skills',
    scqfLevel: '7',
    scqfCredits: '10',
    notionalHours: '100',
    'duration.kind': 'fixed',
    'duration.amount': '10',
    'duration.unit': 'weeks',
    assessment: 'A security review of a sample cloud deployment, marked against a published rubric.',
    assessmentKind: 'project',
    supervision: 'unsupervised',
    identityChecked: 'no',
    prerequisites: 'None',
    language: 'English',
    qaBody: 'Lowland University Quality Committee',
    creditRatingBody: 'Lowland University',
    recognition: 'certificate-of-study',
    hasTranscript: 'yes',
    transferability: 'internal-and-external',
    stackability: 'none',
    nextReviewOn: '2029-06-30',
  };
}

describe.each(testDatabaseKinds())('approvals API on %s', (kind) => {
  let testDatabase: TestDatabase;
  let app: FastifyInstance;
  let services: Services;
  const tokens = {
    author: '',
    reviewer: '',
    secondReviewer: '',
    registry: '',
    admin: '',
    authorAndReviewer: '',
    otherInstitution: '',
  };
  const creator = { id: 'test', name: 'Test' };
  const A = '/api/v1/institutions/lowland-university';
  const B = '/api/v1/institutions/highland-college';

  function call(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    token: string | undefined,
    payload?: object,
  ): Promise<LightMyRequestResponse> {
    return app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload ? { payload } : {}),
    });
  }

  async function ok<T = ProposalBody>(response: LightMyRequestResponse, status = 200): Promise<T> {
    expect(response.statusCode, response.body).toBe(status);
    return response.json<T>();
  }

  function problem(response: LightMyRequestResponse, status: number): ProblemBody {
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    return response.json<ProblemBody>();
  }

  const act = (token: string, id: string, action: string, comment?: string) =>
    call('POST', `${A}/proposals/${id}/transitions`, token, { action, ...(comment ? { comment } : {}) });

  beforeAll(async () => {
    testDatabase = await createTestDatabase(kind);
    const { institutions } = await publishCatalogue(
      testDatabase.database,
      [
        anInstitution({ name: 'Lowland University', codePrefix: 'LOW' }),
        anInstitution({ name: 'Highland College', kind: 'college', codePrefix: 'HC' }),
      ],
      [],
    );
    app = await buildTestApp(testDatabase.database);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://hub.test',
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-the-hub-0123456789',
      KEY_ENCRYPTION_KEY: 'test-key-encryption-key-long-enough-0123456789',
    });
    services = createServices({ config, database: testDatabase.database, clock: () => TEST_TODAY });
    const lowland = institutions.get('lowland-university');
    const highland = institutions.get('highland-college');
    if (!lowland || !highland) throw new Error('The fixture has both institutions');
    const token = async (institution: { id: string }, name: string, roles: string[]) =>
      (await services.accounts.createApiToken(institution, { name, roles }, creator)).token;
    tokens.author = await token(lowland, 'Course design system', ['author']);
    tokens.reviewer = await token(lowland, 'Quality office', ['reviewer']);
    tokens.secondReviewer = await token(lowland, 'Faculty quality panel', ['reviewer']);
    tokens.registry = await token(lowland, 'Student records', ['registry']);
    tokens.admin = await token(lowland, 'Admin scripts', ['admin']);
    tokens.authorAndReviewer = await token(lowland, 'All-in-one system', ['author', 'reviewer']);
    tokens.otherInstitution = await token(highland, 'Highland curriculum', ['author', 'reviewer']);
  });

  afterAll(async () => {
    await app.close();
    await testDatabase.drop();
  });

  it('a proposal goes from a complete draft through changes and a second review to the public catalogue', async () => {
    const created = await ok(
      await call('POST', `${A}/proposals`, tokens.author, { fields: goodFields('Securing Cloud Services') }),
      201,
    );
    expect(created.state).toBe('draft');
    expect(created.title).toBe('Securing Cloud Services');
    expect(created.authorName).toBe('API token "Course design system"');
    expect(created.problems).toEqual([]);
    expect(created.checklist.isPassed).toBe(true);
    expect(created.checklist.items[0]?.glossaryUrl).toMatch(/^.*\/glossary\/[a-z-]+$/);
    expect(created.isReady).toBe(true);
    expect(created.actions).toContain('submit');
    expect(created.draft['scqfCredits']).toBe(10);
    const id = created.id;

    expect((await ok(await act(tokens.author, id, 'submit'))).state).toBe('submitted');
    const inReview = await ok(await act(tokens.reviewer, id, 'start-review'));
    expect(inReview.state).toBe('in-review');
    expect(inReview.reviewerName).toBe('API token "Quality office"');
    const sentBack = await ok(
      await act(tokens.reviewer, id, 'request-changes', 'Name the benchmark used in outcome 3.'),
    );
    expect(sentBack.state).toBe('changes-requested');

    const seenByAuthor = await ok(await call('GET', `${A}/proposals/${id}`, tokens.author));
    expect(seenByAuthor.comments.map((comment) => comment.body)).toEqual([
      'Name the benchmark used in outcome 3.',
    ]);

    const changed = await ok(
      await call('PATCH', `${A}/proposals/${id}`, tokens.author, {
        fields: {
          'learningOutcomes[0].text': 'Explain the shared responsibility model of public cloud services',
          'learningOutcomes[0].characteristic': 'knowledge-and-understanding',
          'learningOutcomes[1].text': 'Configure logging and alerts that detect misuse of cloud accounts',
          'learningOutcomes[1].characteristic': 'applied-knowledge',
          'learningOutcomes[2].text': 'Evaluate the security of a cloud deployment against the CIS benchmark',
          'learningOutcomes[2].characteristic': 'cognitive-skills',
        },
      }),
    );
    expect(changed.fields['learningOutcomes[2].text']).toContain('CIS benchmark');
    expect(changed.fields['title']).toBe('Securing Cloud Services');
    expect((await ok(await act(tokens.author, id, 'submit'))).state).toBe('submitted');

    await ok(await act(tokens.secondReviewer, id, 'start-review'));
    const approved = await ok(await act(tokens.secondReviewer, id, 'approve'));
    expect(approved.state).toBe('approved');
    expect(approved.moduleCode).toBe('LOW0001');

    const published = await ok(await act(tokens.author, id, 'publish'));
    expect(published.state).toBe('published');
    expect(published.history.map((event) => event.action)).toEqual(
      expect.arrayContaining(['proposal.created', 'proposal.submit', 'proposal.approve', 'proposal.publish']),
    );

    const search = await ok<{ items: { slug: string; title: string }[] }>(
      await app.inject({ url: '/api/v1/micro-credentials?q=cloud' }),
    );
    const found = search.items.find((item) => item.title === 'Securing Cloud Services');
    expect(found).toBeDefined();
    const detail = await ok<{ code: string }>(
      await app.inject({ url: `/api/v1/micro-credentials/${found?.slug}` }),
    );
    expect(detail.code).toBe('LOW0001');

    const listed = await ok<{ items: { id: string; state: string; moduleCode: string | null }[] }>(
      await call('GET', `${A}/proposals?state=published`, tokens.reviewer),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({ id, state: 'published', moduleCode: 'LOW0001' }),
    ]);

    const change = await ok(
      await call('POST', `${A}/proposals`, tokens.author, { microCredential: found?.slug }),
      201,
    );
    expect(change.fields['title']).toBe('Securing Cloud Services');
    const second = problem(
      await call('POST', `${A}/proposals`, tokens.author, { microCredential: found?.slug }),
      409,
    );
    expect(second.errors?.[0]?.field).toBe('microCredential');
  });

  it('when the draft is incomplete, submitting is refused naming the checklist', async () => {
    const draft = await ok(
      await call('POST', `${A}/proposals`, tokens.author, { fields: { title: 'Half-written course' } }),
      201,
    );
    expect(draft.isReady).toBe(false);
    const refused = problem(await act(tokens.author, draft.id, 'submit'), 409);
    expect(refused.errors?.map((error) => error.field)).toEqual(
      expect.arrayContaining(['checklist', 'checklist.outcomes-as-outcomes', 'checklist.review-date']),
    );
    expect(refused.detail).toContain('checklist');
  });

  it('when the author is also the reviewer, approval is refused', async () => {
    const own = await ok(
      await call('POST', `${A}/proposals`, tokens.authorAndReviewer, {
        fields: goodFields('Data Ethics at Work'),
      }),
      201,
    );
    await ok(await act(tokens.authorAndReviewer, own.id, 'submit'));
    const selfReview = problem(await act(tokens.authorAndReviewer, own.id, 'start-review'), 409);
    expect(selfReview.detail).toContain('you wrote or edited');
    await ok(await act(tokens.reviewer, own.id, 'start-review'));
    const selfApproval = problem(await act(tokens.authorAndReviewer, own.id, 'approve'), 409);
    expect(selfApproval.detail).toBe(
      'You cannot approve a proposal you wrote or edited: ask another reviewer',
    );
    const seen = await ok(await call('GET', `${A}/proposals/${own.id}`, tokens.authorAndReviewer));
    expect(seen.state).toBe('in-review');
    expect(seen.actions).not.toContain('approve');
  });

  it('when changes are requested without a comment, the request is refused naming comment', async () => {
    const proposal = await ok(
      await call('POST', `${A}/proposals`, tokens.author, { fields: goodFields('Networking Basics') }),
      201,
    );
    await ok(await act(tokens.author, proposal.id, 'submit'));
    await ok(await act(tokens.reviewer, proposal.id, 'start-review'));
    const refused = problem(await act(tokens.reviewer, proposal.id, 'request-changes'), 400);
    expect(refused.errors).toEqual([
      { field: 'comment', message: expect.stringContaining('Say what needs to change') },
    ]);
    const wrongState = problem(await act(tokens.reviewer, proposal.id, 'publish'), 409);
    expect(wrongState.detail).toContain('in review');
  });

  it('a value that cannot be read is refused naming its field, and kept exactly as sent', async () => {
    const draft = await ok(await call('POST', `${A}/proposals`, tokens.author, {}), 201);
    const refused = problem(
      await call('PATCH', `${A}/proposals/${draft.id}`, tokens.author, {
        fields: { scqfLevel: '7', scqfCredits: 'ten' },
      }),
      400,
    );
    expect(refused.errors).toEqual([
      { field: 'scqfCredits', message: expect.stringContaining('whole number') },
    ]);
    const kept = await ok(await call('GET', `${A}/proposals/${draft.id}`, tokens.author));
    expect(kept.fields['scqfCredits']).toBe('ten');
    expect(kept.fields['scqfLevel']).toBe('7');
    expect(kept.problems.map((item) => item.field)).toContain('scqfCredits');

    const unknown = problem(
      await call('PATCH', `${A}/proposals/${draft.id}`, tokens.author, {
        fields: { credits: '10', title: 'Renamed' },
      }),
      400,
    );
    expect(unknown.errors?.map((error) => error.field)).toEqual(['credits']);
    const unchanged = await ok(await call('GET', `${A}/proposals/${draft.id}`, tokens.author));
    expect(unchanged.fields['title']).toBeUndefined();
  });

  it('a comment for reviewers is hidden from an author-only token', async () => {
    const proposal = await ok(await call('POST', `${A}/proposals`, tokens.author, {}), 201);
    const forReviewers = await ok<{ visibility: string; authorName: string }>(
      await call('POST', `${A}/proposals/${proposal.id}/comments`, tokens.reviewer, {
        body: 'Check the credit rating with the faculty first.',
        visibility: 'reviewers',
      }),
      201,
    );
    expect(forReviewers).toMatchObject({ visibility: 'reviewers', authorName: 'API token "Quality office"' });
    const fromAuthor = await ok<{ visibility: string }>(
      await call('POST', `${A}/proposals/${proposal.id}/comments`, tokens.author, {
        body: 'Draft ready for an early look.',
        visibility: 'reviewers',
      }),
      201,
    );
    expect(fromAuthor.visibility).toBe('author');
    const authorView = await ok(await call('GET', `${A}/proposals/${proposal.id}`, tokens.author));
    expect(authorView.comments.map((comment) => comment.body)).toEqual(['Draft ready for an early look.']);
    const reviewerView = await ok(await call('GET', `${A}/proposals/${proposal.id}`, tokens.reviewer));
    expect(reviewerView.comments).toHaveLength(2);
    problem(await call('POST', `${A}/proposals/${proposal.id}/comments`, tokens.author, { body: '' }), 400);
  });

  it('each token reaches only what its roles and institution allow', async () => {
    const proposal = await ok(await call('POST', `${A}/proposals`, tokens.author, {}), 201);
    const one = `${A}/proposals/${proposal.id}`;

    expect(problem(await call('POST', `${A}/proposals`, tokens.registry, {}), 403).detail).toContain(
      'author',
    );
    problem(await call('GET', `${A}/proposals`, tokens.registry), 403);
    problem(await call('POST', `${A}/proposals`, tokens.reviewer, {}), 403);
    problem(await call('PATCH', one, tokens.reviewer, { fields: { title: 'Taken over' } }), 403);
    await ok(await call('GET', `${A}/proposals`, tokens.admin));
    await ok(await call('GET', one, tokens.admin));
    problem(await call('POST', `${one}/comments`, tokens.admin, { body: 'Hello' }), 403);

    problem(await call('GET', `${A}/proposals`, tokens.otherInstitution), 404);
    problem(await call('GET', one, tokens.otherInstitution), 404);
    problem(await act(tokens.otherInstitution, proposal.id, 'withdraw'), 404);
    problem(await call('GET', `${B}/proposals/${proposal.id}`, tokens.otherInstitution), 404);
    await ok(await call('GET', `${B}/proposals`, tokens.otherInstitution));

    problem(await call('GET', `${A}/proposals`, undefined), 401);
    problem(await call('GET', `${A}/proposals`, 'mch_not-a-real-token'), 401);
    const lowland = await services.catalogue.findInstitution('lowland-university');
    if (!lowland) throw new Error('The fixture has Lowland University');
    const temporary = await services.accounts.createApiToken(
      lowland,
      { name: 'Old system', roles: ['author'] },
      creator,
    );
    await ok(await call('GET', `${A}/proposals`, temporary.token));
    await services.accounts.revokeApiToken(lowland.id, temporary.id, creator);
    problem(await call('GET', `${A}/proposals`, temporary.token), 401);

    problem(await call('GET', `${A}/proposals/not-a-uuid`, tokens.author), 400);
    problem(await call('GET', `${A}/proposals/00000000-0000-4000-8000-000000000000`, tokens.author), 404);
    problem(await act(tokens.author, proposal.id, 'approve'), 409);
    problem(await act(tokens.author, proposal.id, 'merge'), 400);
    expect((await ok(await act(tokens.author, proposal.id, 'withdraw'))).state).toBe('withdrawn');
  });

  it('the OpenAPI document lists the approvals paths with bearer authentication', async () => {
    const document = await ok<{
      paths: Record<string, Record<string, { tags: string[]; security: Record<string, string[]>[] }>>;
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    }>(await app.inject({ url: '/api/openapi.json' }));
    expect(document.components.securitySchemes['bearerAuth']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    const expected = {
      '/api/v1/institutions/{institution}/proposals': ['get', 'post'],
      '/api/v1/institutions/{institution}/proposals/{id}': ['get', 'patch'],
      '/api/v1/institutions/{institution}/proposals/{id}/transitions': ['post'],
      '/api/v1/institutions/{institution}/proposals/{id}/comments': ['post'],
    };
    for (const [path, methods] of Object.entries(expected)) {
      for (const method of methods) {
        const operation = document.paths[path]?.[method];
        expect(operation?.tags, `${method} ${path}`).toEqual(['Approvals']);
        expect(operation?.security).toEqual([{ bearerAuth: [] }]);
      }
    }
  });

  it('every field name the documentation lists belongs to the step it is listed under', () => {
    for (const [step, names] of Object.entries(FIELD_NAMES)) {
      for (const name of names) {
        const field = name.replace('[n]', '[0]');
        expect(Object.keys(fieldsOfStep(step as keyof typeof FIELD_NAMES, { [field]: 'x' })), field).toEqual([
          field,
        ]);
      }
    }
  });
});
