import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText } from './common.ts';

export interface InstitutionLink {
  name: string;
  slug: string;
}

/** /institutions: every college and university, universities first. */
export class InstitutionsPage {
  static readonly heading = 'Institutions';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<InstitutionsPage> {
    await page.goto('/institutions');
    return InstitutionsPage.on(page);
  }

  static async on(page: Page): Promise<InstitutionsPage> {
    expect(currentUrl(page).pathname).toBe('/institutions');
    expect(await mainHeadingText(page)).toBe(InstitutionsPage.heading);
    return new InstitutionsPage(page);
  }

  institutionLinks(): Locator {
    return this.page.getByRole('main').getByRole('listitem').getByRole('link');
  }

  async institutions(): Promise<InstitutionLink[]> {
    const links = this.institutionLinks();
    const found: InstitutionLink[] = [];
    for (let index = 0; index < (await links.count()); index += 1) {
      const link = links.nth(index);
      const href = (await link.getAttribute('href')) ?? '';
      found.push({
        name: ((await link.textContent()) ?? '').trim(),
        slug: href.replace(/^\/institutions\//, ''),
      });
    }
    return found;
  }
}

/** /institutions/<slug>: one institution and its soonest courses. */
export class InstitutionPage {
  private constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  static async open(page: Page, slug: string): Promise<InstitutionPage> {
    await page.goto(`/institutions/${slug}`);
    return InstitutionPage.on(page, slug);
  }

  static async on(page: Page, slug: string, expectedName?: string): Promise<InstitutionPage> {
    expect(currentUrl(page).pathname).toBe(`/institutions/${slug}`);
    const name = await mainHeadingText(page);
    if (expectedName !== undefined) expect(name).toBe(expectedName);
    return new InstitutionPage(page, name);
  }

  /** "12 courses, starting soonest first" */
  coursesHeading(): Locator {
    return this.page.getByRole('heading', { level: 2, name: /^\d+ courses?, starting soonest first$/ });
  }

  courseLinks(): Locator {
    return this.page.locator('#search-results').getByRole('heading', { level: 3 }).getByRole('link');
  }
}
