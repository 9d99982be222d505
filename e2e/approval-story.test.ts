import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthoringStep } from '../src/modules/approvals/checklist-model.ts';
import type { Institution } from '../src/modules/catalogue/catalogue-repository.ts';
import { launchBrowser, newHubContext, recordPageErrors, screenshot } from './support/browser.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { addInstitution, addStaff, northCollege, type Person } from './support/people.ts';
import { storyEntries } from './support/proposal-entries.ts';
import { currentUrl, whileNavigating } from './pages/common.ts';
import { DetailPage } from './pages/detail-page.ts';
import { OutboxPage } from './pages/outbox-page.ts';
import { ProposalPage } from './pages/proposal-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { StepPage, type StepEntry } from './pages/step-page.ts';
import { ProposalsPage, ReviewQueuePage, WorkspacePage } from './pages/workspace-page.ts';

const TITLE = 'Data ethics for public services';
const STEPS: AuthoringStep[] = ['about', 'outcomes', 'size', 'assessment', 'quality', 'partners'];
const REVIEWER_COMMENT = 'Please name the assessment criteria in the description.';
const ADDED_TO_DESCRIPTION = 'Assessment criteria are published in the course handbook.';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let institution: Institution;
let people: { author: Person; reviewer: Person; secondReviewer: Person };

/** Each person has their own browser window, as they would on their own computer. */
const windows = new Map<string, { context: BrowserContext; page: Page; errors: string[] }>();

function running(): { hub: HubServer; browser: Browser } {
  if (!hub || !browser) throw new Error('The hub or the browser did not start');
  return { hub, browser };
}

/** The page of one person's window, opened the first time it is asked for. */
async function windowOf(who: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const found = windows.get(who);
  if (found) return found.page;
  const { hub: server, browser: chromium } = running();
  const context = await newHubContext(chromium, server.baseUrl, options);
  const page = await context.newPage();
  windows.set(who, { context, page, errors: recordPageErrors(page) });
  return page;
}

function expectNoScriptErrors(): void {
  const errors = [...windows.values()].flatMap((window) => window.errors);
  expect(errors, 'script errors in the pages').toEqual([]);
}

/** Where the story's proposal lives, once the author has started it. */
let proposalPath = '';

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  institution = await addInstitution(hub, northCollege());
  people = {
    author: await addStaff(hub, { name: 'Ann Author', institution, roles: ['author'] }),
    reviewer: await addStaff(hub, { name: 'Rita Reviewer', institution, roles: ['reviewer'] }),
    secondReviewer: await addStaff(hub, { name: 'Rob Reviewer', institution, roles: ['reviewer'] }),
  };
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

describe('a micro-credential from first draft to the public catalogue, in the browser', () => {
  it('an author describes it step by step, keeps what they typed when a value is wrong, and submits it once the checklist passes', async () => {
    const page = await windowOf('author');
    const signIn = await SignInPage.open(page, '/workspace');
    await signIn.signInAs(people.author);
    // One institution: the workspace goes straight to it.
    const workspace = await WorkspacePage.on(page, institution.slug, institution.name);
    const proposals = await workspace.openProposals();
    let step = await proposals.startNew();
    proposalPath = step.proposalPath();
    const entries = storyEntries(TITLE);

    for (const id of STEPS) {
      expect(step.step).toBe(id);
      if (id === 'size') {
        // Credits typed as a word: the hub says which field is wrong and keeps everything typed.
        const withWords: StepEntry[] = entries.size.map((entry) =>
          entry.type === 'text' && entry.label === 'SCQF credits' ? { ...entry, value: 'ten' } : entry,
        );
        await step.enter(withWords);
        await step.saveAndContinue();
        step = await StepPage.on(page, 'size');
        const message = 'Enter the SCQF credits as a whole number of 1 or more, like 10';
        expect(await step.errors().messages()).toEqual([message]);
        expect(await step.errors().targetOf(message)).toBe(
          await step.field('SCQF credits').getAttribute('id'),
        );
        expect(await step.fieldError('SCQF credits').textContent()).toContain(message);
        await step.expectShowing(withWords);
        await screenshot(page, 'story-step-size-with-error');
        await step.field('SCQF credits').fill('10');
      } else {
        await step.enter(entries[id]);
      }
      await step.saveAndContinue();
      if (id !== 'partners') step = await StepPage.on(page, STEPS[STEPS.indexOf(id) + 1]);
    }

    // "Save and check" on the last step leads to the proposal: every task done, the checklist met.
    let proposal = await ProposalPage.on(page, TITLE);
    expect(proposal.path()).toBe(proposalPath);
    expect(await proposal.status()).toBe('Draft');
    for (const id of STEPS) expect(await proposal.taskStatus(id), id).toBe('Completed');
    expect(await proposal.checklistSummary()).toMatch(/^(\d+) of \1 met: ready to submit\.$/);
    await screenshot(page, 'story-task-list-complete');

    expect(await proposal.openPreview()).toBe(TITLE);
    expect(await page.getByText('This is a preview: the page is not published.').isVisible()).toBe(true);
    await screenshot(page, 'story-preview');
    await whileNavigating(page, () => page.getByRole('link', { name: 'Back to the proposal' }).click());

    proposal = await ProposalPage.on(page, TITLE);
    proposal = await proposal.act('Submit for approval');
    expect(await proposal.status()).toBe('Submitted');
    expect(await proposal.decisionButton('Approve').count(), 'an author cannot approve their own').toBe(0);
    await screenshot(page, 'story-submitted');
    expectNoScriptErrors();
  });

  it('at submission, each reviewer gets a mail asking them to review it, and the author does not', async () => {
    const page = await windowOf('outbox');
    for (const reviewer of [people.reviewer, people.secondReviewer]) {
      const outbox = await OutboxPage.open(page, reviewer.email);
      expect((await outbox.mails()).map((mail) => mail.subject)).toContain(`Proposal to review: "${TITLE}"`);
    }
    const outbox = await OutboxPage.open(page, people.author.email);
    expect((await outbox.mails()).map((mail) => mail.subject)).not.toContain(
      `Proposal to review: "${TITLE}"`,
    );

    const mail = await (
      await OutboxPage.open(page, people.reviewer.email)
    ).openMail(`Proposal to review: "${TITLE}"`);
    expect(await mail.body().textContent()).toContain('Ann Author has submitted');
    expect(await mail.link(proposalPath).count(), 'the mail links to the proposal').toBe(1);
    await screenshot(page, 'story-reviewer-mail');
    expectNoScriptErrors();
  });

  it('a reviewer finds it in the review queue, starts the review and requests changes, which needs a comment', async () => {
    const page = await windowOf('reviewer');
    await (await SignInPage.open(page, `/workspace/${institution.slug}/reviews`)).signInAs(people.reviewer);
    const queue = await ReviewQueuePage.on(page, institution.slug);
    expect(await queue.titlesIn('waiting')).toContain(TITLE);
    await screenshot(page, 'story-review-queue');

    let proposal = await queue.openProposal('waiting', TITLE);
    proposal = await proposal.act('Start review');
    expect(await proposal.status()).toBe('In review');
    expect((await proposal.facts()).get('Reviewer')).toBe('Rita Reviewer');

    // Without a comment the author would not know what to change: the hub asks for one.
    proposal = await proposal.act('Request changes');
    const messages = await proposal.errors().messages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Say what needs to change/);
    expect(await proposal.errors().targetOf(messages[0] ?? '')).toBe(
      await proposal.commentForAuthor().getAttribute('id'),
    );
    expect(await proposal.status()).toBe('In review');

    proposal = await proposal.requestChanges(REVIEWER_COMMENT);
    expect(await proposal.status()).toBe('Changes requested');
    expect(await proposal.comments()).toContain(REVIEWER_COMMENT);
    await screenshot(page, 'story-changes-requested');
    expectNoScriptErrors();
  });

  it('the author sees "Changes requested" and the comment, fixes the description and submits again', async () => {
    const page = await windowOf('author');
    let proposal = await ProposalPage.open(page, proposalPath);
    expect(await proposal.status()).toBe('Changes requested');
    expect(await proposal.label()).toBe('Proposal · Changes requested');
    expect(await proposal.comments()).toEqual([REVIEWER_COMMENT]);

    const about = await proposal.openStep('about');
    const description = about.field('Description');
    const before = await description.inputValue();
    await description.fill(`${before} ${ADDED_TO_DESCRIPTION}`);
    await about.saveAndReturn();

    proposal = await ProposalPage.on(page, TITLE);
    expect(await proposal.taskStatus('about')).toBe('Completed');
    proposal = await proposal.act('Submit for approval');
    expect(await proposal.status()).toBe('Submitted');
    expectNoScriptErrors();
  });

  it('a second reviewer starts the review, sees the added words in the redline and approves: the module code appears', async () => {
    const page = await windowOf('second reviewer');
    await (
      await SignInPage.open(page, `/workspace/${institution.slug}/reviews`)
    ).signInAs(people.secondReviewer);
    const queue = await ReviewQueuePage.on(page, institution.slug);
    let proposal = await queue.openProposal('waiting', TITLE);
    proposal = await proposal.act('Start review');
    expect(await proposal.status()).toBe('In review');
    expect(await proposal.comments()).toContain(REVIEWER_COMMENT);
    const added = (await proposal.insertions().allTextContents()).join(' ');
    expect(added).toContain(ADDED_TO_DESCRIPTION);
    await screenshot(page, 'story-second-review');

    proposal = await proposal.act('Approve');
    expect(await proposal.status()).toBe('Approved');
    expect(await proposal.moduleCode().textContent()).toBe(`${institution.codePrefix}0001`);
    expectNoScriptErrors();
  });

  it('the author publishes it, and a visitor searching for its title finds the course', async () => {
    const page = await windowOf('author');
    let proposal = await ProposalPage.open(page, proposalPath);
    expect(await proposal.status()).toBe('Approved');
    expect(await proposal.moduleCode().textContent()).toBe(`${institution.codePrefix}0001`);
    proposal = await proposal.act('Publish');
    expect(await proposal.status()).toBe('Published');
    const history = (await proposal.history()).join('\n');
    for (const words of ['submitted it for approval', 'requested changes', 'approved it', 'published it'])
      expect(history).toContain(words);
    await screenshot(page, 'story-published');

    const published = await ProposalsPage.open(page, institution.slug);
    expect(await published.proposalLink(TITLE).count()).toBeGreaterThan(0);

    // Someone with no account, in a window of their own.
    const visitor = await windowOf('visitor');
    const search = await SearchPage.open(visitor, { q: TITLE });
    const titles = await search.resultTitles();
    expect(titles).toContain(TITLE);
    const course = await search.openResult(titles.indexOf(TITLE));
    expect(course.title).toBe(TITLE);
    expect(currentUrl(visitor).pathname).toMatch(/^\/micro-credentials\/[a-z0-9-]+$/);
    await DetailPage.on(visitor, TITLE);
    await screenshot(visitor, 'story-found-by-a-visitor');
    expectNoScriptErrors();
  });
});

describe('describing a micro-credential without JavaScript', () => {
  it('with JavaScript off, an author saves the first step and comes back to the task list showing it done', async () => {
    const page = await windowOf('author without JavaScript', { javaScriptEnabled: false });
    await (await SignInPage.open(page, `/workspace/${institution.slug}/proposals`)).signInAs(people.author);
    const proposals = await ProposalsPage.on(page, institution.slug);
    const step = await proposals.startNew();
    expect(await page.locator('body.js-enabled').count(), 'the page ran no script').toBe(0);

    const title = 'Cyber hygiene for small charities';
    await step.enter(storyEntries(title).about);
    await step.saveAndReturn();

    const proposal = await ProposalPage.on(page, title);
    expect(await proposal.status()).toBe('Draft');
    expect(await proposal.taskStatus('about')).toBe('Completed');
    expect(await proposal.taskStatus('outcomes')).toBe('Not started');
    await screenshot(page, 'story-no-js-task-list');
    expectNoScriptErrors();
  });
});
