import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { GlossaryEntryPage } from './glossary-page.ts';

/** One course's page, /micro-credentials/<slug>. */
export class DetailPage {
  private constructor(
    readonly page: Page,
    readonly title: string,
  ) {}

  static async open(page: Page, slug: string): Promise<DetailPage> {
    await page.goto(`/micro-credentials/${slug}`);
    return DetailPage.on(page);
  }

  /** Checks the browser shows a course page, and the given course when a title is given. */
  static async on(page: Page, expectedTitle?: string): Promise<DetailPage> {
    expect(currentUrl(page).pathname).toMatch(/^\/micro-credentials\/[a-z0-9-]+$/);
    const title = await mainHeadingText(page);
    if (expectedTitle !== undefined) expect(title).toBe(expectedTitle);
    await page.getByRole('heading', { level: 2, name: 'At a glance', exact: true }).waitFor();
    return new DetailPage(page, title);
  }

  atAGlance(): Locator {
    return this.page.locator('#at-a-glance');
  }

  /** The "At a glance" facts: "SCQF level" → "Level 7: ...", "Size" → ..., "Cost" → ... */
  glanceFacts(): Promise<Map<string, string>> {
    return readKeyValues(this.atAGlance(), '.ds_summary-list__key', '.ds_summary-list__value');
  }

  /** Every JSON-LD document in the page head, parsed. */
  async structuredData(): Promise<Record<string, unknown>[]> {
    const scripts = await this.page.locator('script[type="application/ld+json"]').allTextContents();
    return scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
  }

  /** A word in "At a glance" linked to the glossary, e.g. "SCQF level". */
  glossaryTerm(term: string): Locator {
    return this.atAGlance().getByRole('link', { name: term, exact: true });
  }

  async followGlossaryTerm(term: string): Promise<GlossaryEntryPage> {
    await whileNavigating(this.page, () => this.glossaryTerm(term).click());
    return GlossaryEntryPage.on(this.page);
  }
}
