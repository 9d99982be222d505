import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (e.g. on a developer's laptop). */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// The test machine has no outside network: stop Chromium phoning home, which only slows it down.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}

/** A wide desktop window: the filter panel sits beside the results and filters submit themselves. */
export const desktopViewport = { width: 1280, height: 900 };

/**
 * One context per test file, so files do not share cookies, storage or history. Every page is
 * served from this machine, so anything not there within 10 seconds is missing, not slow.
 */
export async function newHubContext(
  browser: Browser,
  baseUrl: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: desktopViewport,
    locale: 'en-GB',
    ...options,
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/** Collects uncaught script errors on a page, so a test can say none happened. */
export function recordPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const blockingImpacts = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now and fails with one line per serious or critical problem:
 * the rule, what it asks for and the elements that break it.
 */
export async function expectNoSeriousAxeViolations(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  const problems = results.violations
    .filter((violation) => blockingImpacts.has(violation.impact ?? ''))
    .map((violation) => {
      const targets = violation.nodes.map((node) => node.target.map(String).join(' ')).slice(0, 10);
      const more =
        violation.nodes.length > targets.length ? ` and ${violation.nodes.length - targets.length} more` : '';
      return `${violation.id} (${violation.impact}): ${violation.help}. Elements: ${targets.join(' | ')}${more}. See ${violation.helpUrl}`;
    });
  expect(problems, `serious or critical accessibility problems on ${name} (${page.url()})`).toEqual([]);
}

export const screenshotFolder = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Saves a full-page PNG as test-results/screenshots/<name>.png for people to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotFolder, { recursive: true });
  const path = `${screenshotFolder}${name}.png`;
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
