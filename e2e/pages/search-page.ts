import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, escapeRegExp, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { DetailPage } from './detail-page.ts';

export type SearchParams = Record<string, string | string[]>;

/** What the results heading says: "Showing 21 to 40 of 1,234 courses", or "No results". */
export interface ResultsSummary {
  first: number;
  last: number;
  total: number;
}

const toNumber = (text: string) => Number.parseInt(text.replace(/,/g, ''), 10);

export class SearchPage {
  static readonly heading = 'Find a micro-credential or short course';

  private constructor(readonly page: Page) {}

  static async open(page: Page, params: SearchParams = {}): Promise<SearchPage> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      for (const item of Array.isArray(value) ? value : [value]) search.append(name, item);
    }
    const query = search.toString();
    await page.goto(query ? `/micro-credentials?${query}` : '/micro-credentials');
    return SearchPage.on(page);
  }

  /** Checks the browser shows the search page. */
  static async on(page: Page): Promise<SearchPage> {
    expect(currentUrl(page).pathname).toBe('/micro-credentials');
    expect(await mainHeadingText(page)).toBe(SearchPage.heading);
    return new SearchPage(page);
  }

  /** The query string of the page shown: what someone would copy and share. */
  params(): URLSearchParams {
    return currentUrl(this.page).searchParams;
  }

  searchBox(): Locator {
    return this.page.getByLabel('Search by subject, skill or course name');
  }

  /** Replaces the search words and presses Enter. */
  async searchFor(words: string): Promise<SearchPage> {
    await this.searchBox().fill(words);
    await whileNavigating(this.page, () => this.searchBox().press('Enter'));
    return SearchPage.on(this.page);
  }

  resultsHeading(): Locator {
    return this.page.getByRole('heading', {
      level: 2,
      name: /^(Showing [\d,]+ to [\d,]+ of [\d,]+ courses?|No results)/,
    });
  }

  async resultsSummary(): Promise<ResultsSummary> {
    const text = ((await this.resultsHeading().textContent()) ?? '').replace(/\s+/g, ' ').trim();
    if (text.startsWith('No results')) return { first: 0, last: 0, total: 0 };
    const match = /^Showing ([\d,]+) to ([\d,]+) of ([\d,]+) courses?/.exec(text);
    if (!match) throw new Error(`The results heading says "${text}"`);
    return {
      first: toNumber(match[1] ?? ''),
      last: toNumber(match[2] ?? ''),
      total: toNumber(match[3] ?? ''),
    };
  }

  async total(): Promise<number> {
    return (await this.resultsSummary()).total;
  }

  resultLinks(): Locator {
    return this.page.locator('#search-results').getByRole('heading', { level: 3 }).getByRole('link');
  }

  async resultTitles(): Promise<string[]> {
    return (await this.resultLinks().allTextContents()).map((title) => title.replace(/\s+/g, ' ').trim());
  }

  /** Links of the results shown, in order: each course's own address. */
  async resultHrefs(): Promise<string[]> {
    const links = this.resultLinks();
    const hrefs: string[] = [];
    for (let index = 0; index < (await links.count()); index += 1)
      hrefs.push((await links.nth(index).getAttribute('href')) ?? '');
    return hrefs;
  }

  /** The facts under one result: "SCQF level" → "Level 7", "Taught" → "Online", ... */
  async resultFacts(index: number): Promise<Map<string, string>> {
    const result = this.page
      .locator('#search-results')
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3 }) })
      .nth(index);
    return readKeyValues(result, 'dt', 'dd');
  }

  async openResult(index: number): Promise<DetailPage> {
    const link = this.resultLinks().nth(index);
    const title = ((await link.textContent()) ?? '').replace(/\s+/g, ' ').trim();
    await whileNavigating(this.page, () => link.click());
    return DetailPage.on(this.page, title);
  }

  filterGroup(legend: string): Locator {
    return this.page.getByRole('group', { name: legend, exact: true });
  }

  /** A filter checkbox, named by its label without the count: filter('How it is taught', 'Online'). */
  filter(legend: string, option: string): Locator {
    return this.filterGroup(legend).getByRole('checkbox', {
      name: new RegExp(`^${escapeRegExp(option)} \\([\\d,]+\\)$`),
    });
  }

  /**
   * The visible label of a filter option. The design system draws the box on the label, over the
   * real checkbox, so that is what a person clicks.
   */
  filterLabel(legend: string, option: string): Locator {
    return this.filterGroup(legend)
      .locator('label')
      .filter({ hasText: new RegExp(`^\\s*${escapeRegExp(option)} \\([\\d,]+\\)\\s*$`) });
  }

  /** Ticks a filter without sending the form (JavaScript off, or a small screen). */
  async tickFilter(legend: string, option: string): Promise<void> {
    await this.filterLabel(legend, option).click();
    expect(await this.filter(legend, option).isChecked(), `"${option}" is ticked`).toBe(true);
  }

  /** The number of courses a filter option says it has. */
  async filterCount(legend: string, option: string): Promise<number> {
    const id = await this.filter(legend, option).getAttribute('id');
    const label = (await this.page.locator(`label[for="${id}"]`).textContent()) ?? '';
    const match = /\(([\d,]+)\)\s*$/.exec(label);
    if (!match) throw new Error(`The filter "${option}" shows no count: "${label}"`);
    return toNumber(match[1] ?? '');
  }

  /** Ticks a filter where the page submits it at once (JavaScript on, wide screen) and waits for the new results. */
  async tickFilterAndWait(legend: string, option: string): Promise<SearchPage> {
    await whileNavigating(this.page, () => this.filterLabel(legend, option).click());
    return SearchPage.on(this.page);
  }

  applyFiltersButton(): Locator {
    return this.page.getByRole('button', { name: 'Apply filters' });
  }

  async applyFilters(): Promise<SearchPage> {
    await whileNavigating(this.page, () => this.applyFiltersButton().click());
    return SearchPage.on(this.page);
  }

  /** The hint that only shows when filters submit themselves. */
  autoApplyHint(): Locator {
    return this.page.getByText('Results update as soon as you change a filter.');
  }

  /** "Remove filter How it is taught: Online" links under "Filters in use". */
  selectedFilterTags(): Locator {
    return this.page.getByRole('link', { name: /^Remove filter / });
  }

  noResults(): Locator {
    return this.page.getByTestId('no-results');
  }

  correctedQuery(): Locator {
    return this.page.getByTestId('corrected-query');
  }

  synonymsUsed(): Locator {
    return this.page.getByTestId('synonyms-used');
  }

  pagination(): Locator {
    return this.page.getByRole('navigation', { name: 'Result pages' });
  }

  async currentPageNumber(): Promise<number> {
    const current = this.pagination().locator('[aria-current="page"]');
    return toNumber((await current.textContent()) ?? '');
  }

  async goToNextPage(): Promise<SearchPage> {
    await whileNavigating(this.page, () =>
      this.pagination().getByRole('link', { name: 'Next page' }).click(),
    );
    return SearchPage.on(this.page);
  }

  async goToPreviousPage(): Promise<SearchPage> {
    await whileNavigating(this.page, () =>
      this.pagination().getByRole('link', { name: 'Previous page' }).click(),
    );
    return SearchPage.on(this.page);
  }
}
