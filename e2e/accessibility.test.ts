import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousAxeViolations,
  launchBrowser,
  newHubContext,
  recordPageErrors,
  screenshot,
} from './support/browser.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { mainHeadingText } from './pages/common.ts';
import { GlossaryIndexPage } from './pages/glossary-page.ts';
import { HomePage } from './pages/home-page.ts';
import { InstitutionsPage } from './pages/institution-page.ts';
import { SearchPage } from './pages/search-page.ts';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let withScript: BrowserContext;
let withoutScript: BrowserContext;
let onPhone: BrowserContext;

/** Found once the hub is running: the first course in the catalogue and the first institution. */
const discovered = { coursePath: '', courseTitle: '', institutionPath: '', institutionName: '' };

interface PageCase {
  /** Also the screenshot's file name. */
  name: string;
  path: () => string;
  heading: () => string;
  status?: number;
}

const pages: PageCase[] = [
  { name: 'home', path: () => '/', heading: () => HomePage.heading },
  { name: 'search', path: () => '/micro-credentials', heading: () => SearchPage.heading },
  {
    name: 'search-care-online',
    path: () => '/micro-credentials?q=care&delivery=online',
    heading: () => SearchPage.heading,
  },
  { name: 'course', path: () => discovered.coursePath, heading: () => discovered.courseTitle },
  { name: 'institution', path: () => discovered.institutionPath, heading: () => discovered.institutionName },
  { name: 'glossary', path: () => '/glossary', heading: () => GlossaryIndexPage.heading },
  { name: 'glossary-scqf-level', path: () => '/glossary/scqf-level', heading: () => 'SCQF level' },
  { name: 'framework', path: () => '/framework', heading: () => 'SCQF levels and credits' },
  { name: 'institutions', path: () => '/institutions', heading: () => InstitutionsPage.heading },
  { name: 'about', path: () => '/about', heading: () => 'About the Micro-credentials Hub' },
  { name: 'accessibility', path: () => '/accessibility', heading: () => 'Accessibility statement' },
  { name: 'not-found', path: () => '/no-such-page', heading: () => 'Page not found', status: 404 },
];

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  withScript = await newHubContext(browser, hub.baseUrl);
  withoutScript = await newHubContext(browser, hub.baseUrl, { javaScriptEnabled: false });
  onPhone = await newHubContext(browser, hub.baseUrl, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
  });

  const page = await withScript.newPage();
  const search = await SearchPage.open(page);
  const firstCourse = search.resultLinks().first();
  discovered.coursePath = (await firstCourse.getAttribute('href')) ?? '';
  discovered.courseTitle = ((await firstCourse.textContent()) ?? '').trim();
  const [firstInstitution] = await (await InstitutionsPage.open(page)).institutions();
  discovered.institutionPath = `/institutions/${firstInstitution?.slug ?? ''}`;
  discovered.institutionName = firstInstitution?.name ?? '';
  await page.close();
  expect(discovered.coursePath).toMatch(/^\/micro-credentials\/[a-z0-9-]+$/);
  expect(discovered.institutionPath).toMatch(/^\/institutions\/[a-z0-9-]+$/);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

/** Opens a page, checks the response and the main heading, and hands the page on. */
async function visit(
  context: BrowserContext,
  pageCase: PageCase,
  check: (page: Page) => Promise<void>,
): Promise<void> {
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  try {
    const response = await page.goto(pageCase.path());
    expect(response?.status()).toBe(pageCase.status ?? 200);
    expect(await mainHeadingText(page)).toBe(pageCase.heading());
    await check(page);
    expect(errors, 'script errors in the page').toEqual([]);
  } finally {
    await page.close();
  }
}

describe('every page meets WCAG 2.2 AA as far as axe can tell', () => {
  for (const pageCase of pages) {
    it(`the ${pageCase.name} page has no serious or critical axe violation`, async () => {
      await visit(withScript, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, pageCase.name);
        await screenshot(page, pageCase.name);
      });
    });
  }
});

describe('every page works without JavaScript', () => {
  for (const pageCase of pages) {
    it(`the ${pageCase.name} page shows its main heading and content without JavaScript`, async () => {
      await visit(withoutScript, pageCase, async (page) => {
        // The hub's script marks the page when it runs: prove it did not, so this really is the page without it.
        expect(await page.locator('body.js-enabled').count()).toBe(0);
        expect(await page.getByRole('main').isVisible()).toBe(true);
        expect(
          await page
            .getByRole('navigation', { name: 'Main' })
            .getByRole('link', { name: 'Find a course' })
            .isVisible(),
        ).toBe(true);
        await screenshot(page, `${pageCase.name}-no-js`);
      });
    });
  }
});

describe('pages on a phone-sized screen meet WCAG 2.2 AA as far as axe can tell', () => {
  // The narrow layouts differ most: filters fold away and tables become boxes.
  const narrow = new Set(['home', 'search-care-online', 'course', 'framework', 'glossary']);
  for (const pageCase of pages.filter((candidate) => narrow.has(candidate.name))) {
    it(`the ${pageCase.name} page has no serious or critical axe violation at 390 pixels wide`, async () => {
      await visit(onPhone, pageCase, async (page) => {
        await expectNoSeriousAxeViolations(page, `${pageCase.name} on a phone`);
        await screenshot(page, `${pageCase.name}-phone`);
      });
    });
  }
});
