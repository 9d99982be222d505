import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { readTable } from './credential-tables.ts';
import { SignInPage } from './sign-in-page.ts';

/** /claim/<token>: the page the claim link in the learner's mail opens. */
export class ClaimPage {
  static readonly heading = 'Add a credential to your record';

  private constructor(readonly page: Page) {}

  static async on(page: Page): Promise<ClaimPage> {
    expect(currentUrl(page).pathname).toMatch(/^\/claim\/[A-Za-z0-9_-]+$/);
    expect(await mainHeadingText(page)).toBe(ClaimPage.heading);
    return new ClaimPage(page);
  }

  /** Someone not signed in is asked to sign in first: press "Sign in". */
  async signInFirst(): Promise<SignInPage> {
    await whileNavigating(this.page, () =>
      this.page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click(),
    );
    return SignInPage.on(this.page);
  }

  addButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: 'Add to my credentials', exact: true });
  }

  async add(): Promise<LearnerCredentialPage> {
    await whileNavigating(this.page, () => this.addButton().click());
    return LearnerCredentialPage.on(this.page);
  }
}

/** /my/credentials: the credentials in the learner's account. */
export class LearnerCredentialsPage {
  static readonly heading = 'Your credentials';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<LearnerCredentialsPage> {
    await page.goto('/my/credentials');
    return LearnerCredentialsPage.on(page);
  }

  static async on(page: Page): Promise<LearnerCredentialsPage> {
    expect(currentUrl(page).pathname).toBe('/my/credentials');
    expect(await mainHeadingText(page)).toBe(LearnerCredentialsPage.heading);
    return new LearnerCredentialsPage(page);
  }

  rows(): Promise<Record<string, string>[]> {
    return readTable(this.page.getByRole('main').locator('table'));
  }
}

/** A file the browser saved, read back. */
export interface Downloaded {
  suggestedName: string;
  bytes: Buffer;
}

/** /my/credentials/<id>: one of the learner's credentials, to download and share. */
export class LearnerCredentialPage {
  private constructor(
    readonly page: Page,
    readonly id: string,
    readonly title: string,
  ) {}

  static async open(page: Page, id: string): Promise<LearnerCredentialPage> {
    await page.goto(`/my/credentials/${id}`);
    return LearnerCredentialPage.on(page);
  }

  static async on(page: Page): Promise<LearnerCredentialPage> {
    const match = /^\/my\/credentials\/([0-9a-f-]{36})$/.exec(currentUrl(page).pathname);
    expect(match, `${page.url()} is one of the learner's credentials`).not.toBeNull();
    return new LearnerCredentialPage(page, match?.[1] ?? '', await mainHeadingText(page));
  }

  /** "Course" → ..., "Module code" → ..., "Result" → ..., "Status" → "Valid" */
  details(): Promise<Map<string, string>> {
    return readKeyValues(
      this.page.getByRole('main').locator('.ds_summary-list').first(),
      '.ds_summary-list__key',
      '.ds_summary-list__value',
    );
  }

  /** The message after claiming: "Added to your credentials". */
  addedMessage(): Locator {
    return this.page.getByRole('main').locator('.ds_notification-message');
  }

  warning(): Locator {
    return this.page.getByRole('main').locator('.ds_warning-text');
  }

  linkedInLink(): Locator {
    return this.page.getByTestId('linkedin-link');
  }

  verifyLink(): Locator {
    return this.page.getByTestId('verify-link');
  }

  /** Presses a download button and reads the file the browser saved. */
  async download(button: 'Download PDF certificate' | 'Download credential (JSON)'): Promise<Downloaded> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('main').getByRole('link', { name: button, exact: true }).click(),
    ]);
    const failure = await download.failure();
    expect(failure, `downloading "${button}"`).toBeNull();
    const path = await download.path();
    return { suggestedName: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
