/**
 * Who may use each page, form and API route of an institution's workspace. The expected outcomes
 * are written by hand from the roles' descriptions, not read from the routes' declarations, so a
 * route declared with the wrong roles fails here. A last test lists the routes the running hub
 * has, so a new workspace or API route cannot go untested.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../../test/support/test-database.ts';
import { buildTestApp } from '../../../test/support/test-app.ts';
import { publishCatalogue } from '../../../test/support/factories.ts';
import { aMicroCredential, anInstitution, anOffering } from '../../../test/support/builders.ts';
import { signedInStaff, testServices } from '../../../test/support/people.ts';
import { goodStepValues } from '../../../test/support/proposal-fields.ts';
import { Visitor } from '../../../test/support/visitor.ts';
import type { Services } from '../../services.ts';
import type { Institution } from '../catalogue/index.ts';
import type { AuthoringStep } from '../approvals/checklist-model.ts';
import type { Actor, InstitutionRole } from './accounts-model.ts';

type Outcome = 'allowed' | 'sign-in' | 'not-found' | 'forbidden';
type ApiOutcome = 'allowed' | 'unauthorised' | 'not-found' | 'forbidden';
const A = 'allowed';
const S = 'sign-in';
const N = 'not-found';
const F = 'forbidden';
const U = 'unauthorised';

const PEOPLE = [
  'anonymous',
  'learner',
  'sectorAdmin',
  'author',
  'reviewer',
  'registry',
  'admin',
  'southStaff',
] as const;
type Person = (typeof PEOPLE)[number];

const PERSON_NAMES: Record<Person, string> = {
  anonymous: 'anonymous',
  learner: 'learner',
  sectorAdmin: 'sector admin',
  author: 'author at North College',
  reviewer: 'reviewer at North College',
  registry: 'registry at North College',
  admin: 'admin at North College',
  southStaff: 'author, reviewer and admin at South College',
};

type PageRow = readonly [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

/**
 * Every page and form of accounts, approvals, results and credentials, and the mail outbox. Everything under
 * /workspace/:institution is North College's: people outside it get not-found, never forbidden.
 * A "(variant)" after the route names a second target for the same route.
 */
// prettier-ignore
const PAGES: readonly (readonly [string, PageRow])[] = [
  //                                                                       anon learner sector author reviewer registry admin south
  ['GET /sign-up',                                                          [A,   A,      A,     A,     A,       A,       A,    A]],
  ['GET /account',                                                          [S,   A,      A,     A,     A,       A,       A,    A]],
  ['GET /workspace',                                                        [S,   A,      A,     A,     A,       A,       A,    A]],
  // Outside production the outbox is open to all (it is how a developer reads mail).
  ['GET /dev/outbox',                                                       [A,   A,      A,     A,     A,       A,       A,    A]],
  ['GET /dev/outbox/:id',                                                   [A,   A,      A,     A,     A,       A,       A,    A]],
  ['GET /workspace/:institution',                                           [S,   N,      N,     A,     A,       A,       A,    N]],
  ['GET /workspace/:institution/members',                                   [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/members/invite',                           [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/members/:userId/roles/:role/revoke',       [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/invitations/:id/revoke',                   [S,   N,      N,     F,     F,       F,       A,    N]],
  ['GET /workspace/:institution/api-tokens',                                [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/api-tokens',                               [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/api-tokens/:id/revoke',                    [S,   N,      N,     F,     F,       F,       A,    N]],
  ['GET /workspace/:institution/proposals',                                 [S,   N,      N,     A,     A,       F,       A,    N]],
  ['POST /workspace/:institution/proposals',                                [S,   N,      N,     A,     F,       F,       F,    N]],
  ['GET /workspace/:institution/proposals/:id',                             [S,   N,      N,     A,     A,       F,       A,    N]],
  ['GET /workspace/:institution/proposals/:id (submitted)',                 [S,   N,      N,     A,     A,       F,       A,    N]],
  ['GET /workspace/:institution/proposals/:id/steps/:step',                 [S,   N,      N,     A,     F,       F,       F,    N]],
  ['POST /workspace/:institution/proposals/:id/steps/:step',                [S,   N,      N,     A,     F,       F,       F,    N]],
  ['POST /workspace/:institution/proposals/:id/transitions',                [S,   N,      N,     A,     A,       F,       A,    N]],
  ['POST /workspace/:institution/proposals/:id/comments',                   [S,   N,      N,     A,     A,       F,       F,    N]],
  ['GET /workspace/:institution/proposals/:id/preview',                     [S,   N,      N,     A,     A,       F,       A,    N]],
  ['GET /workspace/:institution/reviews',                                   [S,   N,      N,     F,     A,       F,       F,    N]],
  ['GET /workspace/:institution/micro-credentials/:slug/offerings',         [S,   N,      N,     A,     F,       F,       F,    N]],
  ['POST /workspace/:institution/micro-credentials/:slug/offerings',        [S,   N,      N,     A,     F,       F,       F,    N]],
  ['POST /workspace/:institution/micro-credentials/:slug/offerings/:offeringId/delete',
                                                                            [S,   N,      N,     A,     F,       F,       F,    N]],
  ['POST /workspace/:institution/micro-credentials/:slug/changes',          [S,   N,      N,     A,     F,       F,       F,    N]],
  ['GET /workspace/:institution/settings',                                  [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/settings',                                 [S,   N,      N,     F,     F,       F,       A,    N]],
  // Results and credentials: registry officers record, issue, revoke and suspend; admins may read
  // what was recorded and issued, and alone look after the institution's signing keys.
  ['GET /workspace/:institution/results',                                   [S,   N,      N,     F,     F,       A,       A,    N]],
  ['GET /workspace/:institution/results/template.csv',                      [S,   N,      N,     F,     F,       A,       F,    N]],
  ['GET /workspace/:institution/results/new',                               [S,   N,      N,     F,     F,       A,       F,    N]],
  ['POST /workspace/:institution/results/new',                              [S,   N,      N,     F,     F,       A,       F,    N]],
  ['GET /workspace/:institution/results/upload',                            [S,   N,      N,     F,     F,       A,       F,    N]],
  ['POST /workspace/:institution/results/upload',                           [S,   N,      N,     F,     F,       A,       F,    N]],
  ['GET /workspace/:institution/issuance/:jobId',                           [S,   N,      N,     F,     F,       A,       A,    N]],
  ['GET /workspace/:institution/credentials',                               [S,   N,      N,     F,     F,       A,       A,    N]],
  ['GET /workspace/:institution/credentials/:credentialId',                 [S,   N,      N,     F,     F,       A,       A,    N]],
  ['POST /workspace/:institution/credentials/:credentialId/revoke',         [S,   N,      N,     F,     F,       A,       F,    N]],
  ['POST /workspace/:institution/credentials/:credentialId/suspend',        [S,   N,      N,     F,     F,       A,       F,    N]],
  ['POST /workspace/:institution/credentials/:credentialId/unsuspend',      [S,   N,      N,     F,     F,       A,       F,    N]],
  ['POST /workspace/:institution/credentials/:credentialId/resend-claim',   [S,   N,      N,     F,     F,       A,       F,    N]],
  ['GET /workspace/:institution/keys',                                      [S,   N,      N,     F,     F,       F,       A,    N]],
  ['POST /workspace/:institution/keys/rotate',                              [S,   N,      N,     F,     F,       F,       A,    N]],
  // Sector administration: the hub's stewards only, whatever institution roles someone holds.
  ['GET /admin',                                                            [S,   F,      A,     F,     F,       F,       F,    F]],
  ['GET /admin/institutions',                                               [S,   F,      A,     F,     F,       F,       F,    F]],
  ['POST /admin/institutions',                                              [S,   F,      A,     F,     F,       F,       F,    F]],
  ['GET /admin/institutions/:slug',                                         [S,   F,      A,     F,     F,       F,       F,    F]],
  ['POST /admin/institutions/:slug/invitations',                            [S,   F,      A,     F,     F,       F,       F,    F]],
  ['GET /admin/glossary',                                                   [S,   F,      A,     F,     F,       F,       F,    F]],
  ['GET /admin/glossary/:slug',                                             [S,   F,      A,     F,     F,       F,       F,    F]],
  ['POST /admin/glossary/:slug',                                            [S,   F,      A,     F,     F,       F,       F,    F]],
];

const TOKENS = ['none', 'south', 'author', 'reviewer', 'registry', 'admin'] as const;
type TokenKey = (typeof TOKENS)[number];
const TOKEN_NAMES: Record<TokenKey, string> = {
  none: 'no token',
  south: "South College's token with every role",
  author: "North College's author token",
  reviewer: "North College's reviewer token",
  registry: "North College's registry token",
  admin: "North College's admin token",
};

type ApiRow = readonly [ApiOutcome, ApiOutcome, ApiOutcome, ApiOutcome, ApiOutcome, ApiOutcome];

// prettier-ignore
const API: readonly (readonly [string, ApiRow])[] = [
  //                                                                      none south author reviewer registry admin
  ['GET /api/v1/institutions/:institution/proposals',                     [U,   N,    A,     A,       F,       A]],
  ['POST /api/v1/institutions/:institution/proposals',                    [U,   N,    A,     F,       F,       F]],
  ['GET /api/v1/institutions/:institution/proposals/:id',                 [U,   N,    A,     A,       F,       A]],
  ['PATCH /api/v1/institutions/:institution/proposals/:id',               [U,   N,    A,     F,       F,       F]],
  ['POST /api/v1/institutions/:institution/proposals/:id/transitions',    [U,   N,    A,     A,       F,       A]],
  ['POST /api/v1/institutions/:institution/proposals/:id/comments',       [U,   N,    A,     A,       F,       F]],
];

/** What one cell of the matrix requests: the route's parameters, a valid form, and what a refusal must leave alone. */
interface Prepared {
  params?: Record<string, string>;
  body?: Record<string, string | string[]>;
  json?: Record<string, unknown>;
  /** Read before and after the request: a refused request must leave it exactly as it was. */
  state?: () => Promise<unknown>;
  /**
   * When a person may use the route but the approval workflow refuses this particular move (an
   * admin cannot withdraw a draft), the page answers 400 and the API 409: access passed all the same.
   */
  isRefusalAllowed?: boolean;
}

type Recipe = (cell: { tag: string }) => Promise<Prepared>;
const NOTHING_TO_PREPARE: Recipe = async () => ({});

function parseKey(key: string): { method: string; route: string } {
  const match = /^(GET|POST|PATCH) (\S+)/.exec(key);
  if (!match?.[1] || !match[2]) throw new Error(`Bad matrix key ${key}`);
  return { method: match[1], route: match[2] };
}

function fill(route: string, params: Record<string, string>): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for :${name} in ${route}`);
    return value;
  });
}

function pageOutcome(response: LightMyRequestResponse, url: string, isRefusalAllowed: boolean): string {
  const { statusCode } = response;
  const location = response.headers.location;
  if (statusCode === 303 && typeof location === 'string' && location.startsWith('/sign-in'))
    return location === `/sign-in?next=${encodeURIComponent(url)}` ? S : `sign-in to ${location}`;
  if (statusCode === 404 && response.body.includes('Page not found')) return N;
  // The reason names the role: a refused form token is a 403 too, but says the form has expired.
  if (
    statusCode === 403 &&
    (response.body.includes('role at North College to do this') ||
      response.body.includes('Only sector administrators can do this'))
  )
    return F;
  if (statusCode < 400 || (statusCode === 400 && isRefusalAllowed)) return A;
  return `status ${statusCode}`;
}

function apiOutcome(response: LightMyRequestResponse, isRefusalAllowed: boolean): string {
  const { statusCode } = response;
  if (statusCode === 401) return U;
  if (statusCode === 404) return N;
  if (statusCode === 403) return F;
  if (statusCode < 300 || (statusCode === 409 && isRefusalAllowed)) return A;
  return `status ${statusCode}: ${response.body}`;
}

/** A refused request changes nothing; an allowed one with a valid form does what it says. */
async function expectStateAfter(prepared: Prepared, outcome: string, before: unknown): Promise<void> {
  if (!prepared.state) return;
  const after = await prepared.state();
  if (outcome !== A) expect(after).toEqual(before);
  else if (!prepared.isRefusalAllowed) expect(after).not.toEqual(before);
}

/** Starts the hub and notes every route it registers, as the running hub has them. */
async function buildAppListingRoutes(
  database: TestDatabase['database'],
): Promise<{ app: FastifyInstance; routes: string[] }> {
  const routes: string[] = [];
  const onInitialization = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route) => {
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routes.push(`${String(method)} ${route.url}`);
    });
  };
  subscribe('fastify.initialization', onInitialization);
  try {
    return { app: await buildTestApp(database), routes };
  } finally {
    unsubscribe('fastify.initialization', onInitialization);
  }
}

describe.each(testDatabaseKinds())('who may use each workspace page and API route, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let routes: string[];
  let services: Services;
  let north: Institution;
  let south: Institution;
  const people = {} as Record<Person, Visitor>;
  const tokens = {} as Record<TokenKey, string | undefined>;
  let authorActor: Actor;
  let memberId: string;
  let draftId: string;
  let submittedId: string;
  let mailId: string;
  let microCredentialId: string;
  let jobId: string;
  let credentialId: string;
  const courseSlug = 'data-skills-for-work';
  const admin: Actor = { id: 'test', name: 'Test', roles: ['admin'] };
  // Sees every comment and changes nothing: for reading a proposal's state around a request.
  const observer: Actor = { id: 'test-observer', name: 'Observer', roles: ['reviewer'] };

  const newDraft = async (): Promise<string> => (await services.approvals.start(north, authorActor)).id;
  const proposalState = (id: string) => async () => {
    const { proposal, comments } = await services.approvals.view(north, id, observer);
    return {
      state: proposal.state,
      title: proposal.title,
      draft: proposal.draft,
      contributorIds: proposal.contributorIds,
      comments: comments.map((comment) => comment.body),
    };
  };
  const proposalIds = async () =>
    (await services.approvals.list(north)).map((proposal) => proposal.id).sort();
  const offeringIds = async () =>
    (await services.catalogue.listOfferings(microCredentialId)).map((offering) => offering.id).sort();
  const pendingInvitations = async () =>
    (await services.accounts.pendingInvitations(north.id)).map(({ id, email }) => ({ id, email }));
  const tokenList = async () =>
    (await services.accounts.tokensOf(north.id)).map(({ id, name, revokedAt }) => ({ id, name, revokedAt }));

  // Results and credentials: each cell that changes a credential gets one of its own.
  const registryActor: Actor = { id: 'test-registry', name: 'Registry', roles: ['registry'] };
  let learnerCount = 0;
  const aResult = (tag: string) => {
    learnerCount += 1;
    return {
      learnerEmail: `learner.${learnerCount}.${tag.toLowerCase()}@example.org`,
      learnerName: `Learner ${learnerCount}`,
      moduleCode: 'NC0002',
      offeringStart: '',
      outcome: 'passed',
      mark: '70',
      grade: '',
      diet: 'November 2026',
      completedOn: '2026-11-13',
    };
  };
  const resultCount = () => services.credentials.countResults(north.id);
  const anIssuedCredential = async (tag: string): Promise<{ id: string; jobId: string }> => {
    const result = aResult(tag);
    const recorded = await services.credentials.recordResult(north, registryActor, result);
    if (!recorded.jobId) throw new Error('The result queued no certificate');
    for (let attempt = 0; attempt < 400; attempt += 1) {
      services.credentials.worker.wake();
      await services.credentials.worker.idle();
      const issued = (await services.credentials.credentialsOfInstitution(north.id, 10_000)).find(
        (credential) => credential.learnerEmail === result.learnerEmail,
      );
      if (issued) return { id: issued.id, jobId: recorded.jobId };
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('The certificate was not issued');
  };
  const credentialState = (id: string) => async () => {
    const credential = await services.credentials.findCredential(id);
    return {
      revokedAt: credential?.revokedAt,
      suspended: credential?.suspended,
      claimTokenHash: credential?.claimTokenHash,
    };
  };

  const institutionSlugs = async () =>
    (await services.catalogue.listInstitutions()).map((institution) => institution.slug).sort();
  const glossaryEntry = async () => services.framework.findGlossaryEntry('scqf-level');

  const PAGE_RECIPES: Record<string, Recipe> = {
    'GET /dev/outbox/:id': async () => ({ params: { id: mailId } }),
    'POST /admin/institutions': async ({ tag }) => ({
      body: {
        name: `Registered College ${tag.replace(/[^A-Za-z]/g, '')}`,
        kind: 'college',
        region: 'Fife',
        website: '',
        summary: 'A college registered by the sector administrator in a test.',
        codePrefix: `R${tag
          .replace(/[^A-Za-z]/g, '')
          .toUpperCase()
          .slice(0, 4)}`.slice(0, 5),
      },
      state: institutionSlugs,
    }),
    'GET /admin/institutions/:slug': async () => ({ params: { slug: north.slug } }),
    'POST /admin/institutions/:slug/invitations': async ({ tag }) => ({
      params: { slug: north.slug },
      body: { email: `sector.invitee.${tag.toLowerCase()}@example.ac.uk`, roles: 'admin' },
      state: pendingInvitations,
    }),
    'GET /admin/glossary/:slug': async () => ({ params: { slug: 'scqf-level' } }),
    'POST /admin/glossary/:slug': async ({ tag }) => {
      const entry = await glossaryEntry();
      if (!entry) throw new Error('The glossary was not loaded');
      return {
        params: { slug: 'scqf-level' },
        body: {
          term: entry.term,
          summary: entry.summary,
          body: [...entry.body.slice(0, -1), `${entry.body.at(-1) ?? ''} (${tag})`].join('\n\n'),
          synonyms: entry.synonyms.join(', '),
        },
        state: glossaryEntry,
      };
    },
    'POST /workspace/:institution/members/invite': async ({ tag }) => ({
      body: { email: `invitee.${tag.toLowerCase()}@example.ac.uk`, roles: 'author' },
      state: pendingInvitations,
    }),
    'POST /workspace/:institution/members/:userId/roles/:role/revoke': async () => {
      await services.accounts.grantRoles({ userId: memberId, institutionId: north.id }, ['registry'], admin);
      return {
        params: { userId: memberId, role: 'registry' },
        state: async () =>
          (await services.accounts.membersOf(north.id)).find((member) => member.id === memberId)?.roles,
      };
    },
    'POST /workspace/:institution/invitations/:id/revoke': async ({ tag }) => {
      const email = `withdrawn.${tag.toLowerCase()}@example.ac.uk`;
      await services.accounts.invite(north, { email, roles: ['reviewer'] }, admin);
      const invitation = (await services.accounts.pendingInvitations(north.id)).find(
        (candidate) => candidate.email === email,
      );
      if (!invitation) throw new Error('The invitation was not saved');
      return { params: { id: invitation.id }, state: pendingInvitations };
    },
    'POST /workspace/:institution/api-tokens': async ({ tag }) => ({
      body: { name: `Student records ${tag}`, roles: 'registry' },
      state: tokenList,
    }),
    'POST /workspace/:institution/api-tokens/:id/revoke': async ({ tag }) => {
      const { id } = await services.accounts.createApiToken(
        north,
        { name: `To revoke ${tag}`, roles: ['registry'] },
        admin,
      );
      return { params: { id }, state: tokenList };
    },
    'POST /workspace/:institution/proposals': async () => ({ state: proposalIds }),
    'GET /workspace/:institution/proposals/:id': async () => ({ params: { id: draftId } }),
    'GET /workspace/:institution/proposals/:id (submitted)': async () => ({ params: { id: submittedId } }),
    'GET /workspace/:institution/proposals/:id/steps/:step': async () => ({
      params: { id: draftId, step: 'about' },
    }),
    'POST /workspace/:institution/proposals/:id/steps/:step': async () => {
      const id = await newDraft();
      return {
        params: { id, step: 'about' },
        body: { ...goodStepValues().about, intent: 'save' },
        state: proposalState(id),
      };
    },
    'POST /workspace/:institution/proposals/:id/transitions': async () => {
      const id = await newDraft();
      return {
        params: { id },
        body: { action: 'withdraw' },
        state: proposalState(id),
        isRefusalAllowed: true,
      };
    },
    'POST /workspace/:institution/proposals/:id/comments': async ({ tag }) => ({
      params: { id: draftId },
      body: { body: `A comment from ${tag}` },
      state: proposalState(draftId),
    }),
    'GET /workspace/:institution/proposals/:id/preview': async () => ({ params: { id: draftId } }),
    'GET /workspace/:institution/micro-credentials/:slug/offerings': async () => ({
      params: { slug: courseSlug },
    }),
    'POST /workspace/:institution/micro-credentials/:slug/offerings': async () => ({
      params: { slug: courseSlug },
      body: {
        startsOn: '2027-02-01',
        endsOn: '2027-04-30',
        enrolBy: '2027-01-25',
        deliveryMode: 'online',
        synchronousHours: '6',
        price: '300',
        funding: 'self-funded',
        places: '20',
      },
      state: offeringIds,
    }),
    'POST /workspace/:institution/micro-credentials/:slug/offerings/:offeringId/delete': async () => {
      const before = await offeringIds();
      await services.catalogue.saveOffering({
        institution: north,
        microCredentialId,
        offering: anOffering({ startsOn: '2027-09-06', endsOn: '2027-12-10', enrolBy: '2027-08-30' }),
      });
      const offeringId = (await offeringIds()).find((id) => !before.includes(id));
      if (!offeringId) throw new Error('The offering was not saved');
      return { params: { slug: courseSlug, offeringId }, state: offeringIds };
    },
    'POST /workspace/:institution/micro-credentials/:slug/changes': async () => ({
      params: { slug: courseSlug },
      state: proposalIds,
    }),
    'POST /workspace/:institution/settings': async ({ tag }) => ({
      body: { requiresSecondApprover: 'yes', reviewDays: String(20 + PEOPLE.indexOf(tag as Person)) },
      state: () => services.approvals.settingsOf(north),
    }),
    'POST /workspace/:institution/results/new': async ({ tag }) => ({
      body: aResult(tag),
      state: resultCount,
    }),
    'POST /workspace/:institution/results/upload': async ({ tag }) => {
      const result = aResult(tag);
      return {
        body: {
          intent: 'apply',
          csv: `learner_email,learner_name,module_code,outcome,diet,completed_on\n${result.learnerEmail},${result.learnerName},NC0002,Passed,November 2026,2026-11-13\n`,
        },
        state: resultCount,
      };
    },
    'GET /workspace/:institution/issuance/:jobId': async () => ({ params: { jobId } }),
    'GET /workspace/:institution/credentials/:credentialId': async () => ({ params: { credentialId } }),
    'POST /workspace/:institution/credentials/:credentialId/revoke': async ({ tag }) => {
      const { id } = await anIssuedCredential(tag);
      return {
        params: { credentialId: id },
        body: { reason: 'Awarded in error' },
        state: credentialState(id),
      };
    },
    'POST /workspace/:institution/credentials/:credentialId/suspend': async ({ tag }) => {
      const { id } = await anIssuedCredential(tag);
      return {
        params: { credentialId: id },
        body: { reason: 'Under investigation' },
        state: credentialState(id),
      };
    },
    'POST /workspace/:institution/credentials/:credentialId/unsuspend': async ({ tag }) => {
      const { id } = await anIssuedCredential(tag);
      await services.credentials.changeStatus(north, registryActor, id, 'suspend', 'Under investigation');
      return { params: { credentialId: id }, state: credentialState(id) };
    },
    'POST /workspace/:institution/credentials/:credentialId/resend-claim': async () => ({
      params: { credentialId },
      state: credentialState(credentialId),
    }),
    'POST /workspace/:institution/keys/rotate': async () => ({
      state: async () => (await services.credentials.keys.keysOf(north.id)).map((key) => key.id),
    }),
  };

  const API_RECIPES: Record<string, Recipe> = {
    'POST /api/v1/institutions/:institution/proposals': async () => ({ json: {}, state: proposalIds }),
    'GET /api/v1/institutions/:institution/proposals/:id': async () => ({ params: { id: draftId } }),
    'PATCH /api/v1/institutions/:institution/proposals/:id': async () => {
      const id = await newDraft();
      return {
        params: { id },
        json: { fields: { title: 'Renamed through the API' } },
        state: proposalState(id),
      };
    },
    'POST /api/v1/institutions/:institution/proposals/:id/transitions': async () => {
      const id = await newDraft();
      return {
        params: { id },
        json: { action: 'withdraw' },
        state: proposalState(id),
        isRefusalAllowed: true,
      };
    },
    'POST /api/v1/institutions/:institution/proposals/:id/comments': async ({ tag }) => ({
      params: { id: draftId },
      json: { body: `A comment through the API from ${tag}` },
      state: proposalState(draftId),
    }),
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const fixture = await publishCatalogue(
      database.database,
      [
        anInstitution({ slug: 'north-college', name: 'North College', codePrefix: 'NC' }),
        anInstitution({ slug: 'south-college', name: 'South College', codePrefix: 'SC' }),
      ],
      [
        {
          institution: 'north-college',
          slug: courseSlug,
          input: aMicroCredential({ title: 'Data Skills for Work' }),
          offerings: [anOffering()],
        },
        {
          // Finished before the fixed "today", so results can be recorded for it.
          institution: 'north-college',
          slug: 'results-for-work',
          input: aMicroCredential({ title: 'Results for Work' }),
          offerings: [anOffering({ startsOn: '2026-09-07', endsOn: '2026-11-13', enrolBy: '2026-09-01' })],
        },
      ],
    );
    const [foundNorth, foundSouth] = [
      fixture.institutions.get('north-college'),
      fixture.institutions.get('south-college'),
    ];
    if (!foundNorth || !foundSouth) throw new Error('The fixture has both institutions');
    north = foundNorth;
    south = foundSouth;
    ({ app, routes } = await buildAppListingRoutes(database.database));
    services = testServices(database.database);

    const atNorth = (name: string, role: InstitutionRole) =>
      signedInStaff(app, services, { name, institutionId: north.id, roles: [role] });
    const author = await atNorth('Ann Author', 'author');
    people.anonymous = new Visitor(app, '203.0.113.7');
    people.learner = await signedInStaff(app, services, { name: 'Lee Learner' });
    people.sectorAdmin = await signedInStaff(app, services, { name: 'Sandy Steward', isSectorAdmin: true });
    people.author = author;
    people.reviewer = await atNorth('Rita Reviewer', 'reviewer');
    people.registry = await atNorth('Reg Registry', 'registry');
    people.admin = await atNorth('Ada Admin', 'admin');
    people.southStaff = await signedInStaff(app, services, {
      name: 'Sam South',
      institutionId: south.id,
      roles: ['author', 'reviewer', 'admin'],
    });
    // Whose role the admins remove; they hold no role the matrix's people need.
    const member = await atNorth('Morven Member', 'author');
    memberId = member.userId;

    authorActor = { id: author.userId, name: 'Ann Author', roles: ['author'] };
    draftId = await newDraft();
    await services.approvals.saveStep(north, draftId, authorActor, 'about', goodStepValues('A draft').about);
    submittedId = await newDraft();
    const steps = goodStepValues('A submitted proposal');
    for (const step of Object.keys(steps) as AuthoringStep[])
      await services.approvals.saveStep(north, submittedId, authorActor, step, steps[step]);
    await services.approvals.act(north, submittedId, authorActor, 'submit');

    await services.accounts.invite(north, { email: 'pending@example.ac.uk', roles: ['author'] }, admin);
    const [mail] = await services.mailer.latest(1);
    if (!mail) throw new Error('The invitation sent no mail');
    mailId = mail.id;
    const course = await services.catalogue.findMicroCredential(courseSlug);
    if (!course) throw new Error('The course was not published');
    microCredentialId = course.version.microCredentialId;

    const token = async (institution: Institution, roles: InstitutionRole[]) =>
      (await services.accounts.createApiToken(institution, { name: roles.join(' and '), roles }, admin))
        .token;
    tokens.none = undefined;
    tokens.south = await token(south, ['author', 'reviewer', 'registry', 'admin']);
    tokens.author = await token(north, ['author']);
    tokens.reviewer = await token(north, ['reviewer']);
    tokens.registry = await token(north, ['registry']);
    tokens.admin = await token(north, ['admin']);

    ({ id: credentialId, jobId } = await anIssuedCredential('fixture'));
  });
  afterAll(async () => {
    await services?.credentials.worker.stop();
    await app?.close();
    await database?.drop();
  });

  it('the matrix covers every workspace page, outbox page and institution API route the hub has', () => {
    const isCovered = (route: string) => {
      const { route: path } = parseKey(route);
      return (
        path === '/account' ||
        path === '/workspace' ||
        path === '/admin' ||
        path.startsWith('/admin/') ||
        path.startsWith('/workspace/') ||
        path.startsWith('/dev/') ||
        path.startsWith('/api/v1/institutions/:institution/')
      );
    };
    const inMatrix = [...PAGES, ...API]
      .map(([key]) => {
        const { method, route } = parseKey(key);
        return `${method} ${route}`;
      })
      .filter(isCovered);
    expect([...new Set(routes.filter(isCovered))].sort()).toEqual([...new Set(inMatrix)].sort());
  });

  describe('pages and forms', () => {
    for (const [key, row] of PAGES) {
      const { method, route } = parseKey(key);
      PEOPLE.forEach((person, index) => {
        const expected = row[index] ?? 'a row with a column for everyone';
        it(`${PERSON_NAMES[person]}: ${key} → ${expected}`, async () => {
          const prepared = await (PAGE_RECIPES[key] ?? NOTHING_TO_PREPARE)({ tag: person });
          const url = fill(route, { institution: 'north-college', ...prepared.params });
          const before = await prepared.state?.();
          const visitor = people[person];
          const response =
            method === 'GET' ? await visitor.get(url) : await visitor.post(url, prepared.body ?? {});
          expect(pageOutcome(response, url, prepared.isRefusalAllowed ?? false)).toBe(expected);
          await expectStateAfter(prepared, expected, before);
        });
      });
    }
  });

  describe('the API, with institution tokens', () => {
    for (const [key, row] of API) {
      const { method, route } = parseKey(key);
      TOKENS.forEach((tokenKey, index) => {
        const expected = row[index] ?? 'a row with a column for every token';
        it(`${TOKEN_NAMES[tokenKey]}: ${key} → ${expected}`, async () => {
          const prepared = await (API_RECIPES[key] ?? NOTHING_TO_PREPARE)({ tag: tokenKey });
          const before = await prepared.state?.();
          const token = tokens[tokenKey];
          const response = await app.inject({
            method: method as 'GET' | 'POST' | 'PATCH',
            url: fill(route, { institution: 'north-college', ...prepared.params }),
            headers: token ? { authorization: `Bearer ${token}` } : {},
            ...(prepared.json ? { payload: prepared.json } : {}),
          });
          expect(apiOutcome(response, prepared.isRefusalAllowed ?? false)).toBe(expected);
          await expectStateAfter(prepared, expected, before);
        });
      });
    }

    it("a signed-in admin's session cookie does not open the API", async () => {
      const admin = people.admin;
      expect((await admin.get('/workspace/north-college/api-tokens')).statusCode).toBe(200);
      expect((await admin.get('/api/v1/institutions/north-college/proposals')).statusCode).toBe(401);
    });

    it('a revoked token is refused as if it were none', async () => {
      const { id, token } = await services.accounts.createApiToken(
        north,
        { name: 'Old system', roles: ['author'] },
        admin,
      );
      const list = () =>
        app.inject({
          url: '/api/v1/institutions/north-college/proposals',
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await list()).statusCode).toBe(200);
      await services.accounts.revokeApiToken(north.id, id, admin);
      expect((await list()).statusCode).toBe(401);
    });

    it("South College's token asking for a North College proposal under its own address gets not-found", async () => {
      const response = await app.inject({
        url: `/api/v1/institutions/south-college/proposals/${draftId}`,
        headers: { authorization: `Bearer ${String(tokens.south)}` },
      });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('across institutions', () => {
    const southBase = '/workspace/south-college';

    it("South College's staff asking for a North College proposal under their own address get not-found", async () => {
      const staff = people.southStaff;
      for (const path of ['', '/steps/about', '/preview'])
        expect((await staff.get(`${southBase}/proposals/${draftId}${path}`)).statusCode, path).toBe(404);
    });

    it("South College's staff posting to a North College proposal under their own address change nothing", async () => {
      const staff = people.southStaff;
      const id = await newDraft();
      const before = await proposalState(id)();
      await staff.get(southBase);
      const posts: [string, Record<string, string>][] = [
        [`/proposals/${id}/steps/about`, { ...goodStepValues('Taken over').about, intent: 'save' }],
        [`/proposals/${id}/transitions`, { action: 'withdraw' }],
        [`/proposals/${id}/comments`, { body: 'A comment from elsewhere' }],
      ];
      for (const [path, body] of posts)
        expect((await staff.post(`${southBase}${path}`, body)).statusCode, path).toBe(404);
      expect(await proposalState(id)()).toEqual(before);
    });

    it("South College's staff cannot reach North College's offerings or propose changes to its course", async () => {
      const staff = people.southStaff;
      const before = await offeringIds();
      const proposalsBefore = await proposalIds();
      const [offeringId] = before;
      expect((await staff.get(`${southBase}/micro-credentials/${courseSlug}/offerings`)).statusCode).toBe(
        404,
      );
      const removed = await staff.post(
        `${southBase}/micro-credentials/${courseSlug}/offerings/${String(offeringId)}/delete`,
      );
      expect(removed.statusCode).toBe(404);
      expect((await staff.post(`${southBase}/micro-credentials/${courseSlug}/changes`)).statusCode).toBe(404);
      expect(await offeringIds()).toEqual(before);
      expect(await proposalIds()).toEqual(proposalsBefore);
    });

    it("South College's admin cannot withdraw North College's invitations or revoke its tokens", async () => {
      const staff = people.southStaff;
      await services.accounts.invite(north, { email: 'kept@example.ac.uk', roles: ['author'] }, admin);
      const invitation = (await services.accounts.pendingInvitations(north.id)).find(
        (candidate) => candidate.email === 'kept@example.ac.uk',
      );
      const { id: tokenId } = await services.accounts.createApiToken(
        north,
        { name: 'Kept', roles: ['registry'] },
        admin,
      );
      const invitationsBefore = await pendingInvitations();
      const tokensBefore = await tokenList();
      await staff.get(southBase);
      const withdrawn = await staff.post(`${southBase}/invitations/${String(invitation?.id)}/revoke`);
      expect(withdrawn.statusCode).toBe(404);
      expect((await staff.post(`${southBase}/api-tokens/${tokenId}/revoke`)).statusCode).toBe(404);
      expect(await pendingInvitations()).toEqual(invitationsBefore);
      expect(await tokenList()).toEqual(tokensBefore);
    });

    it("South College's admin cannot remove a role a person holds at North College", async () => {
      const staff = people.southStaff;
      await services.accounts.grantRoles({ userId: memberId, institutionId: north.id }, ['registry'], admin);
      const rolesOf = async () =>
        (await services.accounts.membersOf(north.id)).find((member) => member.id === memberId)?.roles;
      const before = await rolesOf();
      await staff.get(southBase);
      const response = await staff.post(`${southBase}/members/${memberId}/roles/registry/revoke`);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('They do not hold the registry role');
      expect(await rolesOf()).toEqual(before);
    });

    it('a HEAD request is checked as its GET is', async () => {
      const url = '/workspace/north-college/members';
      const head = await app.inject({ method: 'HEAD', url });
      expect(pageOutcome(head, url, false)).toBe(S);
      const unknown = await app.inject({ method: 'HEAD', url: '/workspace/no-such-college/members' });
      expect(unknown.statusCode).toBe(404);
    });

    it('an address naming no institution is not found, whether or not someone is signed in', async () => {
      for (const person of ['anonymous', 'learner', 'admin', 'southStaff'] as const) {
        const response = await people[person].get('/workspace/no-such-college/members');
        expect(response.statusCode, person).toBe(404);
      }
    });
  });

  it('in production the development outbox is not found', async () => {
    const production = await buildTestApp(database.database, { NODE_ENV: 'production' });
    try {
      expect((await production.inject({ url: '/dev/outbox' })).statusCode).toBe(404);
      expect((await production.inject({ url: `/dev/outbox/${mailId}` })).statusCode).toBe(404);
    } finally {
      await production.close();
    }
  });
});
