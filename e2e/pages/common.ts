import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export function mainHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1 });
}

/** The page's one h1, white space tidied. */
export async function mainHeadingText(page: Page): Promise<string> {
  const headings = mainHeading(page);
  expect(await headings.count(), `number of h1 headings on ${page.url()}`).toBe(1);
  return ((await headings.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

export function currentUrl(page: Page): URL {
  return new URL(page.url());
}

/**
 * Runs an action that loads a new page (a link, a form, a script submitting a form) and waits
 * until that page has loaded, scripts included.
 */
export async function whileNavigating(page: Page, action: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await action();
  await navigated;
  await page.waitForLoadState('load');
}

/** Reads a design system key/value list (ds_metadata or ds_summary-list) into key → value text. */
export async function readKeyValues(
  list: Locator,
  keySelector: string,
  valueSelector: string,
): Promise<Map<string, string>> {
  const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();
  const keys = (await list.locator(keySelector).allTextContents()).map(tidy);
  const values = (await list.locator(valueSelector).allTextContents()).map(tidy);
  expect(keys.length, 'every key has a value').toBe(values.length);
  return new Map(keys.map((key, index) => [key, values[index] ?? '']));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
