import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newHubContext, recordPageErrors } from './support/browser.ts';
import { focusedElement, tab, tabUntil, type FocusedElement } from './support/focus.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { addInstitution, addStaff, northCollege, type Person } from './support/people.ts';
import { draftProposal, type MadeProposal } from './support/proposals.ts';
import { whileNavigating } from './pages/common.ts';
import { ProposalPage } from './pages/proposal-page.ts';
import { SearchPage } from './pages/search-page.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { StepPage } from './pages/step-page.ts';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

let author: Person;
let draft: MadeProposal;

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  context = await newHubContext(browser, hub.baseUrl);
  const institution = await addInstitution(hub, northCollege());
  author = await addStaff(hub, { name: 'Ann Author', institution, roles: ['author'] });
  draft = await draftProposal(hub, {
    institution,
    author,
    title: 'Data ethics for public services',
    steps: ['about'],
  });
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

beforeEach(async () => {
  page = await context.newPage();
  pageErrors = recordPageErrors(page);
});

afterEach(async () => {
  await page.close();
  expect(pageErrors, 'script errors in the pages').toEqual([]);
});

function describeElement(element: FocusedElement): string {
  return `${element.tag}${element.id ? `#${element.id}` : ''}${element.name ? `[name=${element.name}]` : ''} "${element.text.slice(0, 40)}"`;
}

/** Every element focused on the way must show a focus indicator and be on screen. */
function expectFocusAlwaysVisible(visited: FocusedElement[]): void {
  const hidden = visited
    .filter((element) => !element.isFocusVisible || !element.isOnScreen)
    .map(describeElement);
  expect(hidden, 'focused elements a sighted keyboard user could not see').toEqual([]);
}

const isSearchBox = (element: FocusedElement) => element.tag === 'input' && element.id === 'q';
const isOnlineFilter = (element: FocusedElement) =>
  element.tag === 'input' &&
  element.type === 'checkbox' &&
  element.name === 'delivery' &&
  element.value === 'online';

describe('using the search page with a keyboard only', () => {
  it('the first Tab reaches "Skip to main content", and Enter moves focus to the main content', async () => {
    await SearchPage.open(page);

    const first = await tab(page);
    expect(first).toMatchObject({
      tag: 'a',
      href: '#main-content',
      text: 'Skip to main content',
      isFocusVisible: true,
      isOnScreen: true,
    });

    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElement(page)).toMatchObject({ tag: 'main', id: 'main-content' });

    // The next Tab starts inside the main content: the search box is its first control.
    const next = await tab(page);
    expect(isSearchBox(next), `focus went to ${describeElement(next)}`).toBe(true);
    expect(next).toMatchObject({ isFocusVisible: true, isOnScreen: true });
  });

  it('Tab reaches the search box, and typing words then Enter searches for them', async () => {
    const search = await SearchPage.open(page);
    const everything = await search.total();

    const visited = await tabUntil(page, isSearchBox);
    expectFocusAlwaysVisible(visited);

    await page.keyboard.type('care');
    await whileNavigating(page, () => page.keyboard.press('Enter'));

    const results = await SearchPage.on(page);
    expect(results.params().get('q')).toBe('care');
    expect(await results.searchBox().inputValue()).toBe('care');
    const found = await results.total();
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(everything);
  });

  it('Space on a filter checkbox applies it at once, and focus comes back to that checkbox', async () => {
    const search = await SearchPage.open(page, { q: 'care' });
    const before = await search.total();
    const onlineCount = await search.filterCount('How it is taught', 'Online');

    const visited = await tabUntil(page, isOnlineFilter);
    expectFocusAlwaysVisible(visited);
    const checkbox = visited.at(-1)!;
    expect(checkbox.checked).toBe(false);

    await whileNavigating(page, () => page.keyboard.press('Space'));

    const filtered = await SearchPage.on(page);
    expect(filtered.params().getAll('delivery')).toEqual(['online']);
    expect(filtered.params().get('q')).toBe('care');
    const after = await filtered.total();
    expect(after).toBe(onlineCount);
    expect(after).toBeLessThan(before);
    await expect
      .poll(() => focusedElement(page))
      .toMatchObject({
        tag: 'input',
        id: checkbox.id,
        value: 'online',
        checked: true,
        isFocusVisible: true,
        isOnScreen: true,
      });

    // Space again takes the filter off and brings every match back, focus still on the checkbox.
    await whileNavigating(page, () => page.keyboard.press('Space'));

    const unfiltered = await SearchPage.on(page);
    expect(unfiltered.params().getAll('delivery')).toEqual([]);
    expect(unfiltered.params().get('q')).toBe('care');
    expect(await unfiltered.total()).toBe(before);
    await expect
      .poll(() => focusedElement(page))
      .toMatchObject({
        tag: 'input',
        id: checkbox.id,
        checked: false,
        isFocusVisible: true,
        isOnScreen: true,
      });
  });
});

describe('describing a micro-credential with a keyboard only', () => {
  const isField = (name: string) => (element: FocusedElement) => element.name === name;

  it('an author tabs to each field of a step, types or picks the answer, and Enter on "Save and continue" saves it', async () => {
    if (!hub || !browser) throw new Error('The hub or the browser did not start');
    // The author's own window, so the other tests stay signed out.
    const authorContext = await newHubContext(browser, hub.baseUrl);
    const authorPage = await authorContext.newPage();
    const authorErrors = recordPageErrors(authorPage);
    try {
      await (await SignInPage.open(authorPage)).signInAs(author);
      await StepPage.open(authorPage, draft.path, 'size');

      const typeInto = async (name: string, text: string) => {
        expectFocusAlwaysVisible(await tabUntil(authorPage, isField(name)));
        await authorPage.keyboard.type(text);
      };
      await typeInto('scqfLevel', '9');
      await typeInto('scqfCredits', '10');
      await typeInto('notionalHours', '100');
      // Tab reaches the first radio button of a group; Space picks it.
      const firstRadio = await tabUntil(authorPage, isField('duration.kind'));
      expectFocusAlwaysVisible(firstRadio);
      expect(firstRadio.at(-1)).toMatchObject({ type: 'radio', value: 'fixed', checked: false });
      await authorPage.keyboard.press('Space');
      expect(await focusedElement(authorPage)).toMatchObject({ value: 'fixed', checked: true });
      await typeInto('duration.amount', '6');
      // Typing the start of an option picks it in a list.
      await typeInto('duration.unit', 'weeks');

      const visited = await tabUntil(
        authorPage,
        (element) => element.tag === 'button' && element.text === 'Save and continue',
      );
      expectFocusAlwaysVisible(visited);
      await whileNavigating(authorPage, () => authorPage.keyboard.press('Enter'));
      await StepPage.on(authorPage, 'assessment');

      // Everything typed was saved: the step reads back as entered, and the task list marks it done.
      const size = await StepPage.open(authorPage, draft.path, 'size');
      await size.expectShowing([
        { type: 'text', label: 'SCQF level (1 to 12)', value: '9' },
        { type: 'text', label: 'SCQF credits', value: '10' },
        { type: 'text', label: 'Notional hours of learning', value: '100' },
        { type: 'radio', question: 'How long it takes', answer: 'A fixed length' },
        { type: 'text', label: 'Length', value: '6' },
        { type: 'select', label: 'Unit', option: 'weeks' },
      ]);
      const proposal = await ProposalPage.open(authorPage, draft.path);
      expect(await proposal.taskStatus('size')).toBe('Completed');
      expect(authorErrors, 'script errors in the pages').toEqual([]);
    } finally {
      await authorContext.close();
    }
  });
});
