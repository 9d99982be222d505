import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText } from './common.ts';

/** /glossary: every term, grouped by category. */
export class GlossaryIndexPage {
  static readonly heading = 'Glossary';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<GlossaryIndexPage> {
    await page.goto('/glossary');
    return GlossaryIndexPage.on(page);
  }

  static async on(page: Page): Promise<GlossaryIndexPage> {
    expect(currentUrl(page).pathname).toBe('/glossary');
    expect(await mainHeadingText(page)).toBe(GlossaryIndexPage.heading);
    return new GlossaryIndexPage(page);
  }

  termLink(term: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: term, exact: true });
  }
}

/** /glossary/<slug>: one term explained. */
export class GlossaryEntryPage {
  private constructor(
    readonly page: Page,
    readonly term: string,
  ) {}

  static async open(page: Page, slug: string): Promise<GlossaryEntryPage> {
    await page.goto(`/glossary/${slug}`);
    return GlossaryEntryPage.on(page, slug);
  }

  /** Checks the browser shows a glossary entry, and the given one when a slug is given. */
  static async on(page: Page, slug?: string): Promise<GlossaryEntryPage> {
    const path = currentUrl(page).pathname;
    expect(path).toMatch(slug === undefined ? /^\/glossary\/[a-z0-9-]+$/ : new RegExp(`^/glossary/${slug}$`));
    const term = await mainHeadingText(page);
    await page.getByRole('link', { name: 'Back to the glossary' }).waitFor();
    return new GlossaryEntryPage(page, term);
  }

  /** The one-line meaning shown under the term. */
  summary(): Locator {
    return this.page.getByRole('main').locator('.ds_leader');
  }

  findCoursesLink(): Locator {
    return this.page.getByRole('link', { name: `Find courses that mention “${this.term}”` });
  }
}
