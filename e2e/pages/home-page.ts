import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, whileNavigating } from './common.ts';
import { SearchPage } from './search-page.ts';

export class HomePage {
  static readonly heading = 'Short courses from Scotland’s colleges and universities, in one place';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<HomePage> {
    await page.goto('/');
    return HomePage.on(page);
  }

  /** Checks the browser shows the home page. */
  static async on(page: Page): Promise<HomePage> {
    expect(currentUrl(page).pathname).toBe('/');
    expect(await mainHeadingText(page)).toBe(HomePage.heading);
    return new HomePage(page);
  }

  searchBox(): Locator {
    return this.page.getByRole('search').getByLabel('What do you want to learn?');
  }

  /** Types into "What do you want to learn?" and presses the search button. */
  async searchFor(words: string): Promise<SearchPage> {
    await this.searchBox().fill(words);
    await whileNavigating(this.page, () =>
      this.page.getByRole('search').getByRole('button', { name: 'Search' }).click(),
    );
    return SearchPage.on(this.page);
  }
}
