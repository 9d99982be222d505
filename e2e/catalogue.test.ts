import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newHubContext, recordPageErrors } from './support/browser.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { HomePage } from './pages/home-page.ts';
import { SearchPage } from './pages/search-page.ts';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

function hubUrl(): string {
  if (!hub) throw new Error('The hub did not start');
  return hub.baseUrl;
}

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  context = await newHubContext(browser, hub.baseUrl);
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

describe('finding a course', () => {
  it('when a learner searches for "data" from the home page, the first 20 matching courses are listed', async () => {
    const home = await HomePage.open(page);
    const search = await home.searchFor('data');

    expect(search.params().get('q')).toBe('data');
    expect(await search.searchBox().inputValue()).toBe('data');
    expect(await search.resultsHeading().textContent()).toMatch(/^Showing 1 to 20 of [\d,]+ courses/);
    const summary = await search.resultsSummary();
    expect(summary.total).toBeGreaterThan(20);
    expect(await search.resultLinks().count()).toBe(20);
  });

  it('with JavaScript, ticking a delivery mode shows only those courses at once and the web address keeps the filter', async () => {
    const search = await SearchPage.open(page, { q: 'data' });
    const before = await search.total();
    const onlineCount = await search.filterCount('How it is taught', 'Online');
    expect(await search.autoApplyHint().isVisible()).toBe(true);
    expect(await search.applyFiltersButton().isVisible()).toBe(false);

    const filtered = await search.tickFilterAndWait('How it is taught', 'Online');

    expect(filtered.params().getAll('delivery')).toEqual(['online']);
    expect(filtered.params().get('q')).toBe('data');
    const after = await filtered.total();
    expect(after).toBe(onlineCount);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    expect(await filtered.filter('How it is taught', 'Online').isChecked()).toBe(true);
    expect(await filtered.selectedFilterTags().allTextContents()).toEqual([
      expect.stringContaining('How it is taught: Online'),
    ]);
    const shown = await filtered.resultLinks().count();
    for (let index = 0; index < shown; index += 1) {
      expect((await filtered.resultFacts(index)).get('Taught')).toContain('Online');
    }

    // Someone opening the shared link sees the same filtered results.
    const shared = await context.newPage();
    try {
      await shared.goto(page.url());
      const sharedSearch = await SearchPage.on(shared);
      expect(await sharedSearch.total()).toBe(after);
      expect(await sharedSearch.filter('How it is taught', 'Online').isChecked()).toBe(true);
    } finally {
      await shared.close();
    }
  });

  it('without JavaScript, ticking an SCQF level and pressing "Apply filters" shows only courses at that level', async () => {
    const noScript = await newHubContext(browser!, hubUrl(), { javaScriptEnabled: false });
    try {
      const plainPage = await noScript.newPage();
      const search = await SearchPage.open(plainPage);
      const before = await search.total();
      const levelCount = await search.filterCount('SCQF level', 'Level 7');
      expect(await search.autoApplyHint().isVisible()).toBe(false);

      await search.tickFilter('SCQF level', 'Level 7');
      expect(search.params().getAll('level'), 'ticking alone does not reload the page').toEqual([]);
      const filtered = await search.applyFilters();

      expect(filtered.params().getAll('level')).toEqual(['7']);
      const after = await filtered.total();
      expect(after).toBe(levelCount);
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThan(before);
      expect(await filtered.filter('SCQF level', 'Level 7').isChecked()).toBe(true);
      const shown = await filtered.resultLinks().count();
      expect(shown).toBe(Math.min(20, after));
      for (let index = 0; index < shown; index += 1) {
        expect((await filtered.resultFacts(index)).get('SCQF level')).toBe('Level 7');
      }
    } finally {
      await noScript.close();
    }
  });

  it('opening a course from the results shows its page, the facts at a glance and Course structured data', async () => {
    const search = await SearchPage.open(page, { q: 'data' });
    const [title] = await search.resultTitles();

    const detail = await search.openResult(0);

    expect(detail.title).toBe(title);
    const facts = await detail.glanceFacts();
    expect(facts.get('SCQF level')).toMatch(/^(Level \d{1,2}: .+|Not credit-rated: .+)/);
    expect(facts.get('Size')).toMatch(
      /(\d+ SCQF credits = \d+ hours of learning|About \d+ hours of learning)/,
    );
    expect(facts.get('Cost')).toMatch(
      /^(From £[\d,]+(\.\d\d)?|Fully funded places available|No upcoming dates)$/,
    );
    const courses = (await detail.structuredData()).filter((document) => document['@type'] === 'Course');
    expect(courses).toHaveLength(1);
    expect(courses[0]).toMatchObject({ '@context': 'https://schema.org', name: title, url: page.url() });
  });

  it('the "SCQF level" link on a course page leads to that term in the glossary', async () => {
    const search = await SearchPage.open(page, { q: 'data' });
    const detail = await search.openResult(0);

    const entry = await detail.followGlossaryTerm('SCQF level');

    expect(new URL(page.url()).pathname).toBe('/glossary/scqf-level');
    expect(entry.term).toBe('SCQF level');
    expect(await entry.summary().textContent()).toContain('How demanding a piece of learning is');
  });

  it('a misspelt search for "leadrship" says it shows results for "leadership" instead', async () => {
    const search = await SearchPage.open(page, { q: 'leadrship' });

    const notice = (await search.correctedQuery().textContent()) ?? '';
    expect(notice).toContain('No courses matched “leadrship”');
    expect(notice).toContain('results for “leadership”');
    expect(await search.total()).toBeGreaterThan(0);
    expect(await search.noResults().count()).toBe(0);
  });

  it('a search that matches nothing says so and suggests how to find courses', async () => {
    const search = await SearchPage.open(page, { q: 'qwzx flibbertigibbet' });

    expect(await search.resultsHeading().textContent()).toBe('No results');
    expect(await search.resultLinks().count()).toBe(0);
    const help = search.noResults();
    expect(await help.getByRole('heading', { name: 'No courses match your search' }).isVisible()).toBe(true);
    expect(await help.textContent()).toContain('check the spelling of “qwzx flibbertigibbet”');
    expect(await help.getByRole('link', { name: 'browse every course' }).getAttribute('href')).toBe(
      '/micro-credentials',
    );
    expect(await help.getByRole('link', { name: 'glossary' }).getAttribute('href')).toBe('/glossary');
    expect(await search.correctedQuery().count()).toBe(0);
    expect(await search.pagination().count()).toBe(0);
  });

  it('"Next page" shows courses 21 to 40, and "Previous page" brings back the first 20', async () => {
    const first = await SearchPage.open(page);
    const { total } = await first.resultsSummary();
    expect(total).toBeGreaterThan(40);
    const firstCourses = await first.resultHrefs();
    expect(await first.currentPageNumber()).toBe(1);

    const second = await first.goToNextPage();

    expect(second.params().get('page')).toBe('2');
    expect(await second.resultsSummary()).toEqual({ first: 21, last: 40, total });
    expect(await second.currentPageNumber()).toBe(2);
    const secondCourses = await second.resultHrefs();
    expect(secondCourses).toHaveLength(20);
    expect(secondCourses.filter((href) => firstCourses.includes(href))).toEqual([]);

    const back = await second.goToPreviousPage();

    expect(await back.resultsSummary()).toEqual({ first: 1, last: 20, total });
    expect(await back.currentPageNumber()).toBe(1);
    expect(await back.resultHrefs()).toEqual(firstCourses);
  });
});
