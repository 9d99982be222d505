import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  newHubContext,
  recordPageErrors,
  screenshot,
} from './support/browser.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { addInstitution, addStaff, northCollege, type Person } from './support/people.ts';
import {
  changeInReview,
  draftProposal,
  publishedMicroCredential,
  submittedProposal,
  type MadeProposal,
} from './support/proposals.ts';
import {
  addLearner,
  claimPathFor,
  coursesForResults,
  demoInstitution,
  recordResults,
  resultsCsv,
  scratchFolder,
} from './support/credentials.ts';
import { actorAt } from '../src/modules/accounts/index.ts';
import type { AuthoringStep } from '../src/modules/approvals/checklist-model.ts';
import type { NewInstitution } from '../src/modules/catalogue/catalogue-repository.ts';
import { mainHeadingText } from './pages/common.ts';
import { GlossaryIndexPage } from './pages/glossary-page.ts';
import { HomePage } from './pages/home-page.ts';
import { InstitutionsPage } from './pages/institution-page.ts';
import {
  CheckedUploadPage,
  RegistryCredentialPage,
  UploadResultsPage,
} from './pages/credential-registry-pages.ts';
import { VerifyPage } from './pages/credential-verify-pages.ts';
import { OutboxPage } from './pages/outbox-page.ts';
import { ProposalPage } from './pages/proposal-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { AccountPage, SignInPage, SignUpPage } from './pages/sign-in-page.ts';
import { StepPage } from './pages/step-page.ts';
import { ProposalsPage, ReviewQueuePage } from './pages/workspace-page.ts';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let withScript: BrowserContext;
let withoutScript: BrowserContext;
let onPhone: BrowserContext;

/** Found once the hub is running: the first course in the catalogue and the first institution. */
const discovered = { coursePath: '', courseTitle: '', institutionPath: '', institutionName: '' };

interface PageCase {
  /** Also the screenshot's file name. */
  name: string;
  path: () => string;
  heading: () => string;
  status?: number;
  /** Something the person does on the page first, such as sending a form with a mistake: the page it leads to is checked. */
  then?: (page: Page) => Promise<void>;
}

const pages: PageCase[] = [
  { name: 'home', path: () => '/', heading: () => HomePage.heading },
  { name: 'search', path: () => '/micro-credentials', heading: () => SearchPage.heading },
  {
    name: 'search-care-online',
    path: () => '/micro-credentials?q=care&delivery=online',
    heading: () => SearchPage.heading,
  },
  { name: 'course', path: () => discovered.coursePath, heading: () => discovered.courseTitle },
  { name: 'institution', path: () => discovered.institutionPath, heading: () => discovered.institutionName },
  { name: 'glossary', path: () => '/glossary', heading: () => GlossaryIndexPage.heading },
  { name: 'glossary-scqf-level', path: () => '/glossary/scqf-level', heading: () => 'SCQF level' },
  { name: 'framework', path: () => '/framework', heading: () => 'SCQF levels and credits' },
  { name: 'institutions', path: () => '/institutions', heading: () => InstitutionsPage.heading },
  { name: 'about', path: () => '/about', heading: () => 'About the Micro-credentials Hub' },
  { name: 'accessibility', path: () => '/accessibility', heading: () => 'Accessibility statement' },
  { name: 'not-found', path: () => '/no-such-page', heading: () => 'Page not found', status: 404 },
  { name: 'sign-in', path: () => '/sign-in', heading: () => SignInPage.heading },
  { name: 'sign-up', path: () => '/sign-up', heading: () => SignUpPage.heading },
  { name: 'forgot-password', path: () => '/forgot-password', heading: () => 'Reset your password' },
  // By the time it is visited, submitting the proposals below has mailed the reviewers.
  { name: 'outbox', path: () => '/dev/outbox', heading: () => OutboxPage.heading },
  { name: 'verify', path: () => '/verify', heading: () => VerifyPage.heading },
  {
    name: 'verify-with-error',
    path: () => '/verify',
    heading: () => `Error: ${VerifyPage.heading}`,
    then: async (page) => {
      await (await VerifyPage.on(page)).paste('{"name": "My certificate",}');
      const sentBack = await VerifyPage.on(page);
      expect(await sentBack.errors().messages(), 'the error summary lists the mistake').toHaveLength(1);
    },
  },
  {
    name: 'verify-result-valid',
    path: () => `/verify?credential=${issued.valid.id}`,
    heading: () => 'Verification result',
  },
  {
    name: 'verify-result-revoked',
    path: () => `/verify?credential=${issued.revoked.id}`,
    heading: () => 'Verification result',
  },
  // A claim link opened before signing in: the page asks the learner to sign in first.
  { name: 'claim', path: () => issued.claimPath, heading: () => 'Add a credential to your record' },
];

/**
 * People signed in: staff of North College (an author who is also its admin, and a reviewer); at a
 * demo university with courses to record results for, a registry officer who is also its admin;
 * and a learner with credentials from there.
 */
type Staff = 'author' | 'reviewer' | 'registry' | 'learner';

interface StaffPageCase extends PageCase {
  as: Staff;
}

/** Made once the hub is running: proposals in each state the pages show. */
const made: {
  institution: NewInstitution;
  draft: MadeProposal;
  mistakes: MadeProposal;
  published: MadeProposal & { slug: string };
  change: MadeProposal;
} = {
  institution: northCollege(),
  /** About and size filled in: a task list with steps done and to do, a checklist with gaps. */
  draft: { id: '', title: 'Data ethics for public services', path: '' },
  /** Left empty for the steps to be sent with mistakes. */
  mistakes: { id: '', title: 'Untitled micro-credential', path: '' },
  published: { id: '', title: 'Cyber security for small businesses', path: '', slug: '' },
  /** A change to the published one, in review: the reviewer sees a redline. */
  change: { id: '', title: '', path: '' },
};
const workspace = () => `/workspace/${made.institution.slug}`;

/** Made once the hub is running: credentials issued at a demo university, and files to upload. */
const issued = {
  slug: '',
  jobId: '',
  valid: { id: '', title: '' },
  revoked: { id: '', title: '' },
  /** /claim/<token> of a credential nobody has claimed yet. */
  claimPath: '',
  fileWithMistake: '',
  goodFile: '',
};
const results = (rest = '/results') => `/workspace/${issued.slug}${rest}`;
let scratch: Awaited<ReturnType<typeof scratchFolder>> | undefined;

const STEPS: AuthoringStep[] = ['about', 'outcomes', 'size', 'assessment', 'quality', 'partners'];

/** A mistake a person can make on each step, and the page sent back with the error summary. */
const mistakes: Record<AuthoringStep, (step: StepPage) => Promise<void>> = {
  // Radio buttons and lists only offer good choices: send one they do not offer.
  about: (step) => step.sendUnofferedValue('kind', 'neither'),
  outcomes: async (step) => {
    await step.field('Outcome 1', 'Outcome 1').fill('Explain data protection law');
    await step.saveAndReturn();
  },
  size: async (step) => {
    await step.field('SCQF credits').fill('ten');
    await step.saveAndReturn();
  },
  assessment: (step) => step.sendUnofferedValue('assessmentKind', 'neither'),
  quality: (step) => step.sendUnofferedValue('recognition', 'neither'),
  partners: async (step) => {
    await step.field('Name', 'Partner 1').fill('Scottish Information Commission');
    await step.saveAndReturn();
  },
};

const staffPages: StaffPageCase[] = [
  { name: 'account', as: 'author', path: () => '/account', heading: () => AccountPage.heading },
  { name: 'workspace', as: 'author', path: workspace, heading: () => made.institution.name },
  {
    name: 'proposals',
    as: 'author',
    path: () => `${workspace()}/proposals`,
    heading: () => ProposalsPage.heading,
  },
  ...STEPS.map((step): StaffPageCase => ({
    name: `step-${step}`,
    as: 'author',
    path: () => `${made.draft.path}/steps/${step}`,
    heading: () => StepPage.titleOf(step),
  })),
  ...STEPS.map((step): StaffPageCase => ({
    name: `step-${step}-with-error`,
    as: 'author',
    path: () => `${made.mistakes.path}/steps/${step}`,
    heading: () => StepPage.titleOf(step),
    then: async (page) => {
      await mistakes[step](await StepPage.on(page, step));
      const sentBack = await StepPage.on(page, step);
      expect(await sentBack.errors().messages(), 'the error summary lists the mistake').toHaveLength(1);
    },
  })),
  {
    name: 'proposal-author',
    as: 'author',
    path: () => made.draft.path,
    heading: () => made.draft.title,
    then: async (page) => {
      const proposal = await ProposalPage.on(page);
      expect(await proposal.taskStatus('about')).toBe('Completed');
      expect(await proposal.taskStatus('outcomes')).toBe('Not started');
    },
  },
  {
    name: 'proposal-reviewer',
    as: 'reviewer',
    path: () => made.change.path,
    heading: () => made.change.title,
    then: async (page) => {
      const proposal = await ProposalPage.on(page);
      expect(await proposal.status()).toBe('In review');
      expect(await proposal.insertions().count(), 'the redline shows what was added').toBeGreaterThan(0);
      expect(await proposal.commentForAuthor().isVisible()).toBe(true);
    },
  },
  {
    name: 'review-queue',
    as: 'reviewer',
    path: () => `${workspace()}/reviews`,
    heading: () => ReviewQueuePage.heading,
  },
  { name: 'members', as: 'author', path: () => `${workspace()}/members`, heading: () => 'Members' },
  {
    name: 'sector-institutions',
    as: 'author',
    path: () => '/admin/institutions',
    heading: () => 'Institutions',
  },
  {
    name: 'sector-institution',
    as: 'author',
    path: () => `/admin/institutions/${made.institution.slug}`,
    heading: () => made.institution.name,
  },
  { name: 'sector-glossary', as: 'author', path: () => '/admin/glossary', heading: () => 'Glossary' },
  {
    name: 'sector-glossary-entry',
    as: 'author',
    path: () => '/admin/glossary/scqf-level',
    heading: () => 'Edit “SCQF level”',
  },
  { name: 'api-tokens', as: 'author', path: () => `${workspace()}/api-tokens`, heading: () => 'API tokens' },
  {
    name: 'approval-settings',
    as: 'author',
    path: () => `${workspace()}/settings`,
    heading: () => 'Approval settings',
  },
  {
    name: 'offerings',
    as: 'author',
    path: () => `${workspace()}/micro-credentials/${made.published.slug}/offerings`,
    heading: () => `Offerings: ${made.published.title}`,
  },
  { name: 'results', as: 'registry', path: () => results(), heading: () => 'Results and credentials' },
  {
    name: 'results-record',
    as: 'registry',
    path: () => results('/results/new'),
    heading: () => 'Record a result',
  },
  {
    name: 'results-upload',
    as: 'registry',
    path: () => results('/results/upload'),
    heading: () => UploadResultsPage.heading,
  },
  {
    name: 'results-upload-with-error',
    as: 'registry',
    path: () => results('/results/upload'),
    heading: () => `Error: ${UploadResultsPage.heading}`,
    then: async (page) => {
      const upload = await UploadResultsPage.on(page, issued.slug);
      const sentBack = await upload.checkExpectingProblems(issued.fileWithMistake);
      expect(await sentBack.problems(), 'the table lists the mistake').toHaveLength(1);
    },
  },
  {
    name: 'results-upload-checked',
    as: 'registry',
    path: () => results('/results/upload'),
    heading: () => CheckedUploadPage.heading,
    then: async (page) => {
      const checked = await (
        await UploadResultsPage.on(page, issued.slug)
      ).checkExpectingNoProblems(issued.goodFile);
      expect((await checked.counts()).get('New results')).toBe('1');
    },
  },
  {
    name: 'issuance',
    as: 'registry',
    // The batch has finished, so the page would not refresh itself anyway.
    path: () => results(`/issuance/${issued.jobId}?refresh=off`),
    heading: () => 'Issuing certificates',
  },
  {
    name: 'issued-credentials',
    as: 'registry',
    path: () => results('/credentials'),
    heading: () => 'Issued credentials',
  },
  {
    name: 'issued-credential',
    as: 'registry',
    path: () => results(`/credentials/${issued.valid.id}`),
    heading: () => issued.valid.title,
  },
  {
    name: 'issued-credential-with-error',
    as: 'registry',
    path: () => results(`/credentials/${issued.valid.id}`),
    heading: () => `Error: ${issued.valid.title}`,
    then: async (page) => {
      const sentBack = await (await RegistryCredentialPage.on(page, issued.slug)).revoke('');
      expect(await sentBack.errors().messages(), 'the error summary asks for the reason').toHaveLength(1);
    },
  },
  {
    name: 'issuer-keys',
    as: 'registry',
    path: () => results('/keys'),
    heading: () => 'Issuer identity and signing keys',
  },
  {
    name: 'claim-signed-in',
    as: 'learner',
    path: () => issued.claimPath,
    heading: () => 'Add a credential to your record',
  },
  {
    name: 'learner-credentials',
    as: 'learner',
    path: () => '/my/credentials',
    heading: () => 'Your credentials',
  },
  {
    name: 'learner-credential',
    as: 'learner',
    path: () => `/my/credentials/${issued.valid.id}`,
    heading: () => issued.valid.title,
  },
  {
    name: 'learner-credential-revoked',
    as: 'learner',
    path: () => `/my/credentials/${issued.revoked.id}`,
    heading: () => issued.revoked.title,
  },
];

/** Each person's signed-in windows: on a desktop, on a phone and without JavaScript. */
const staffWindows = new Map<
  Staff,
  { desktop: BrowserContext; phone: BrowserContext; noScript: BrowserContext }
>();

function windowsOf(person: Staff) {
  const found = staffWindows.get(person);
  if (!found) throw new Error(`${person} did not sign in`);
  return found;
}

/** Signs a person in once through /sign-in, and opens their windows with that session. */
async function signInWindows(
  server: HubServer,
  chromium: Browser,
  person: Staff,
  who: Person,
): Promise<void> {
  const desktop = await newHubContext(chromium, server.baseUrl);
  const page = await desktop.newPage();
  await (await SignInPage.open(page)).signInAs(who);
  await page.close();
  // The same session in the other windows: signing in again would count against the sign-in limit.
  const storageState = await desktop.storageState();
  staffWindows.set(person, {
    desktop,
    phone: await newHubContext(chromium, server.baseUrl, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      storageState,
    }),
    noScript: await newHubContext(chromium, server.baseUrl, { javaScriptEnabled: false, storageState }),
  });
}

/** Makes North College's staff and proposals, and signs each person in once through /sign-in. */
async function prepareStaff(server: HubServer, chromium: Browser): Promise<void> {
  const institution = await addInstitution(server, made.institution);
  made.institution = institution;
  const people: Record<'author' | 'reviewer', Person> = {
    author: await addStaff(server, { name: 'Ann Author', institution, roles: ['author', 'admin'] }),
    reviewer: await addStaff(server, { name: 'Rita Reviewer', institution, roles: ['reviewer'] }),
  };
  const { author, reviewer } = people;
  // The author also stewards the sector here, so that the sector administration pages are checked too.
  await server.services.accounts.grantSectorAdmin(author.userId, 'system');
  made.draft = await draftProposal(server, {
    institution,
    author,
    title: made.draft.title,
    steps: ['about', 'size'],
  });
  made.mistakes = await draftProposal(server, { institution, author, title: made.mistakes.title, steps: [] });
  made.published = await publishedMicroCredential(server, {
    institution,
    author,
    reviewer,
    title: made.published.title,
  });
  made.change = await changeInReview(server, {
    institution,
    author,
    reviewer,
    published: made.published,
    description: 'Five weeks of online study with a weekly live seminar and a final project.',
  });
  // Something waiting in the review queue as well as something assigned.
  await submittedProposal(server, { institution, author, title: 'Leading hybrid teams' });

  for (const person of ['author', 'reviewer'] as const)
    await signInWindows(server, chromium, person, people[person]);
}

/**
 * Issues credentials at a demo university through the hub's services: one the learner has added to
 * their account, one added and then revoked, and one still waiting to be claimed. Writes the files
 * the upload pages are sent.
 */
async function prepareCredentials(server: HubServer, chromium: Browser): Promise<void> {
  const institution = await demoInstitution(server);
  const [first, second] = await coursesForResults(server, institution);
  if (!first || !second) throw new Error('No courses to record results for');
  const registry = await addStaff(server, {
    name: 'Rhona Registry',
    institution,
    roles: ['registry', 'admin'],
  });
  const learner = await addLearner(server, 'Eilidh Learner');
  const waiting = { email: 'waiting.learner@learner.example', name: 'Calum Waiting' };
  const passed = (email: string, name: string, moduleCode: string, mark: string) => ({
    learnerEmail: email,
    learnerName: name,
    moduleCode,
    outcome: 'Passed',
    mark,
  });
  issued.slug = institution.slug;
  issued.jobId = await recordResults(server, {
    institution,
    officer: registry,
    csv: resultsCsv([
      passed(learner.email, learner.name, first.code, '68'),
      passed(learner.email, learner.name, second.code, '74'),
      passed(waiting.email, waiting.name, first.code, '59'),
    ]),
  });
  const claim = async (title: string) => {
    const path = await claimPathFor(server, learner.email, title);
    return server.services.credentials.claim(path.slice('/claim/'.length), { id: learner.userId });
  };
  const valid = await claim(first.title);
  const revoked = await claim(second.title);
  const principal = await server.services.accounts.principalForUser({
    id: registry.userId,
    name: registry.name,
    email: registry.email,
  });
  await server.services.credentials.changeStatus(
    institution,
    actorAt(principal, institution.id),
    revoked.id,
    'revoke',
    'The mark was recorded against the wrong module.',
  );
  issued.valid = { id: valid.id, title: valid.title };
  issued.revoked = { id: revoked.id, title: revoked.title };
  issued.claimPath = await claimPathFor(server, waiting.email, first.title);

  scratch = await scratchFolder();
  issued.fileWithMistake = await scratch.write(
    'results-with-a-mistake.csv',
    resultsCsv([passed('new.learner@learner.example', 'New Learner', first.code, '140')]),
  );
  issued.goodFile = await scratch.write(
    'results.csv',
    resultsCsv([passed('new.learner@learner.example', 'New Learner', first.code, '64')]),
  );

  await signInWindows(server, chromium, 'registry', registry);
  await signInWindows(server, chromium, 'learner', learner);
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  withScript = await newHubContext(browser, hub.baseUrl);
  withoutScript = await newHubContext(browser, hub.baseUrl, { javaScriptEnabled: false });
  onPhone = await newHubContext(browser, hub.baseUrl, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });

  const page = await withScript.newPage();
  const search = await SearchPage.open(page);
  const firstCourse = search.resultLinks().first();
  discovered.coursePath = (await firstCourse.getAttribute('href')) ?? '';
  discovered.courseTitle = ((await firstCourse.textContent()) ?? '').trim();
  const [firstInstitution] = await (await InstitutionsPage.open(page)).institutions();
  discovered.institutionPath = `/institutions/${firstInstitution?.slug ?? ''}`;
  discovered.institutionName = firstInstitution?.name ?? '';
  await page.close();
  expect(discovered.coursePath).toMatch(/^\/micro-credentials\/[a-z0-9-]+$/);
  expect(discovered.institutionPath).toMatch(/^\/institutions\/[a-z0-9-]+$/);

  await prepareStaff(hub, browser);
  await prepareCredentials(hub, browser);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await scratch?.remove();
});

/** Opens a page, checks the response and the main heading, and hands the page on. */
async function visit(
  context: BrowserContext,
  pageCase: PageCase,
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  try {
    const response = await page.goto(pageCase.path());
    expect(response?.status()).toBe(pageCase.status ?? 200);
    if (pageCase.then) await pageCase.then(page);
    expect(await mainHeadingText(page)).toBe(pageCase.heading());
    await check(page);
    expect(errors, 'script errors in the page').toEqual([]);
  } finally {
    await page.close();
  }
}

describe('every page meets WCAG 2.2 AA as far as axe can tell', () => {
  for (const pageCase of pages) {
    it(`the ${pageCase.name} page has no serious or critical axe violation`, async () => {
      await visit(withScript, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, pageCase.name);
        await screenshot(page, pageCase.name);
      });
    });
  }
});

describe('every page works without JavaScript', () => {
  for (const pageCase of pages) {
    it(`the ${pageCase.name} page shows its main heading and content without JavaScript`, async () => {
      await visit(withoutScript, pageCase, async (page) => {
        // The hub's script marks the page when it runs: prove it did not, so this really is the page without it.
        expect(await page.locator('body.js-enabled').count()).toBe(0);
        expect(await page.getByRole('main').isVisible()).toBe(true);
        expect(
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Find a course' })
            .isVisible(),
        ).toBe(true);
        await screenshot(page, `${pageCase.name}-no-js`);
      });
    });
  }
});

describe('pages on a phone-sized screen meet WCAG 2.2 AA as far as axe can tell', () => {
  // The narrow layouts differ most: filters fold away and tables become boxes.
  const narrow = new Set([
    'home',
    'search-care-online',
    'course',
    'framework',
    'glossary',
    'sign-in',
    'verify',
    'verify-result-valid',
  ]);
  for (const pageCase of pages.filter((candidate) => narrow.has(candidate.name))) {
    it(`the ${pageCase.name} page has no serious or critical axe violation at 390 pixels wide`, async () => {
      await visit(onPhone, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, `${pageCase.name} on a phone`);
        await screenshot(page, `${pageCase.name}-phone`);
      });
    });
  }
});

describe('pages for signed-in staff meet WCAG 2.2 AA as far as axe can tell', () => {
  for (const pageCase of staffPages) {
    it(`the ${pageCase.name} page, as the ${pageCase.as}, has no serious or critical axe violation`, async () => {
      await visit(windowsOf(pageCase.as).desktop, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, pageCase.name);
        await screenshot(page, pageCase.name);
      });
    });
  }
});

describe('pages for signed-in staff work without JavaScript', () => {
  // Pages reached by sending a form with a mistake need a script to make the mistake: see above.
  for (const pageCase of staffPages.filter((candidate) => !candidate.name.endsWith('-with-error'))) {
    it(`the ${pageCase.name} page, as the ${pageCase.as}, shows its main heading and content without JavaScript`, async () => {
      await visit(windowsOf(pageCase.as).noScript, pageCase, async (page) => {
        expect(await page.locator('body.js-enabled').count()).toBe(0);
        expect(await page.getByRole('main').isVisible()).toBe(true);
        expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
        await screenshot(page, `${pageCase.name}-no-js`);
      });
    });
  }
});

describe('staff pages on a phone-sized screen meet WCAG 2.2 AA as far as axe can tell', () => {
  // The longest forms and the proposal page, whose task list, checklist and redline stack up.
  // The credentials pages: tables that become boxes, long identifiers and keys, the problems of a file.
  const narrow = new Set([
    'step-outcomes',
    'step-size-with-error',
    'proposal-author',
    'proposal-reviewer',
    'results',
    'results-upload-with-error',
    'issued-credentials',
    'issued-credential',
    'issuer-keys',
    'learner-credential',
  ]);
  for (const pageCase of staffPages.filter((candidate) => narrow.has(candidate.name))) {
    it(`the ${pageCase.name} page, as the ${pageCase.as}, has no serious or critical axe violation at 390 pixels wide`, async () => {
      await visit(windowsOf(pageCase.as).phone, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, `${pageCase.name} on a phone`);
        await screenshot(page, `${pageCase.name}-phone`);
      });
    });
  }
});
