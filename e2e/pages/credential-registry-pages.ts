import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { readTable } from './credential-tables.ts';
import { ErrorSummary } from './sign-in-page.ts';

/*
 * The registry officer's pages in the institution workspace: results, the CSV upload with its
 * check and confirmation, the progress of a batch of issuing, and the issued credentials.
 */

function summaryOf(scope: Locator): Promise<Map<string, string>> {
  return readKeyValues(
    scope.locator('.ds_summary-list').first(),
    '.ds_summary-list__key',
    '.ds_summary-list__value',
  );
}

/** /workspace/<institution>/results: what has been recorded and issued. */
export class ResultsPage {
  static readonly heading = 'Results and credentials';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<ResultsPage> {
    await page.goto(`/workspace/${slug}/results`);
    return ResultsPage.on(page, slug);
  }

  static async on(page: Page, slug: string): Promise<ResultsPage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/results`);
    expect(await mainHeadingText(page)).toBe(ResultsPage.heading);
    return new ResultsPage(page, slug);
  }

  /** The line saying how many results are recorded, e.g. "5 results recorded." */
  async recordedCount(): Promise<string> {
    const line = this.page.getByRole('main').getByText(/^[\d,]+ results? recorded/);
    return ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async openUpload(): Promise<UploadResultsPage> {
    await whileNavigating(this.page, () =>
      this.page.getByRole('main').getByRole('link', { name: 'Upload a CSV of results', exact: true }).click(),
    );
    return UploadResultsPage.on(this.page, this.slug);
  }
}

/** /workspace/<institution>/results/upload: choose a file and have it checked. */
export class UploadResultsPage {
  static readonly heading = 'Upload results';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<UploadResultsPage> {
    await page.goto(`/workspace/${slug}/results/upload`);
    return UploadResultsPage.on(page, slug);
  }

  /** The form, fresh or sent back with problems (then the heading starts "Error: "). */
  static async on(page: Page, slug: string): Promise<UploadResultsPage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/results/upload`);
    expect(await mainHeadingText(page)).toMatch(/^(Error: )?Upload results$/);
    return new UploadResultsPage(page, slug);
  }

  fileField(): Locator {
    return this.page.getByLabel('Results file', { exact: true });
  }

  /** Chooses the file and presses "Check the file"; the caller says which page it expects. */
  async check(filePath: string): Promise<void> {
    await this.fileField().setInputFiles(filePath);
    await whileNavigating(this.page, () =>
      this.page.getByRole('button', { name: 'Check the file', exact: true }).click(),
    );
  }

  async checkExpectingProblems(filePath: string): Promise<UploadResultsPage> {
    await this.check(filePath);
    return UploadResultsPage.on(this.page, this.slug);
  }

  async checkExpectingNoProblems(filePath: string): Promise<CheckedUploadPage> {
    await this.check(filePath);
    return CheckedUploadPage.on(this.page, this.slug);
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  /** The table of problems to fix: row number, column and what is wrong. */
  problemsTable(): Locator {
    return this.page.locator('#problems table');
  }

  async problems(): Promise<{ row: string; column: string; problem: string }[]> {
    return (await readTable(this.problemsTable())).map((entry) => ({
      row: entry['Row'] ?? '',
      column: entry['Column'] ?? '',
      problem: entry['Problem'] ?? '',
    }));
  }
}

/** The upload page once the file has no problems: what will change, and the button to record it. */
export class CheckedUploadPage {
  static readonly heading = 'Check the results before recording them';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async on(page: Page, slug: string): Promise<CheckedUploadPage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/results/upload`);
    expect(await mainHeadingText(page)).toBe(CheckedUploadPage.heading);
    return new CheckedUploadPage(page, slug);
  }

  /** "New results" → "5", "Certificates to issue" → "4", ... */
  counts(): Promise<Map<string, string>> {
    return summaryOf(this.page.getByRole('main'));
  }

  async rows(): Promise<Record<string, string>[]> {
    return readTable(this.page.getByRole('main').locator('table').last());
  }

  confirmButton(): Locator {
    return this.page.getByRole('main').getByRole('button', { name: /^Record \d+ results?/ });
  }

  /** Presses the button that records the results; a batch of certificates starts issuing. */
  async confirm(): Promise<IssuingPage> {
    await whileNavigating(this.page, () => this.confirmButton().click());
    return IssuingPage.on(this.page, this.slug);
  }
}

/** /workspace/<institution>/issuance/<job>: a batch of certificates being issued. */
export class IssuingPage {
  static readonly heading = 'Issuing certificates';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async on(page: Page, slug: string): Promise<IssuingPage> {
    expect(currentUrl(page).pathname).toMatch(new RegExp(`^/workspace/${slug}/issuance/[0-9a-f-]{36}$`));
    expect(await mainHeadingText(page)).toBe(IssuingPage.heading);
    return new IssuingPage(page, slug);
  }

  /**
   * Waits, as a person watching would, while the page refreshes itself, until the batch has
   * finished: the page then stops refreshing and links to the issued credentials.
   */
  async waitUntilFinished(): Promise<void> {
    await this.page
      .getByRole('main')
      .getByRole('link', { name: 'See the issued credentials', exact: true })
      .waitFor({ timeout: 30_000 });
    await this.page.waitForLoadState('load');
  }

  /** The tag saying where the batch stands: "Waiting to start", "Issuing", "Finished"... */
  async state(): Promise<string> {
    const tag = this.page.getByRole('main').locator('.ds_tag').first();
    return ((await tag.textContent()) ?? '').trim();
  }

  /** "Issued" → "4", "Failed" → "0", ... */
  figures(): Promise<Map<string, string>> {
    return summaryOf(this.page.getByRole('main'));
  }

  async isRefreshing(): Promise<boolean> {
    return (await this.page.locator('meta[http-equiv="refresh"]').count()) > 0;
  }

  async openIssuedCredentials(): Promise<IssuedCredentialsPage> {
    await whileNavigating(this.page, () =>
      this.page
        .getByRole('main')
        .getByRole('link', { name: 'See the issued credentials', exact: true })
        .click(),
    );
    return IssuedCredentialsPage.on(this.page, this.slug);
  }
}

/** /workspace/<institution>/credentials: every credential issued, with where it stands. */
export class IssuedCredentialsPage {
  static readonly heading = 'Issued credentials';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<IssuedCredentialsPage> {
    await page.goto(`/workspace/${slug}/credentials`);
    return IssuedCredentialsPage.on(page, slug);
  }

  static async on(page: Page, slug: string): Promise<IssuedCredentialsPage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/credentials`);
    expect(await mainHeadingText(page)).toBe(IssuedCredentialsPage.heading);
    return new IssuedCredentialsPage(page, slug);
  }

  /** One entry per credential: "Learner" (name and address), "Credential", "Kind", "Issued", "Status". */
  rows(): Promise<Record<string, string>[]> {
    return readTable(this.page.getByRole('main').locator('table'));
  }

  /** Opens the credential in the row of the learner (found by name or address). */
  async openCredentialOf(learner: string): Promise<RegistryCredentialPage> {
    const row = this.page.getByRole('main').locator('tbody tr').filter({ hasText: learner });
    await whileNavigating(this.page, () => row.getByRole('link').first().click());
    return RegistryCredentialPage.on(this.page, this.slug);
  }
}

/** /workspace/<institution>/credentials/<id>: one credential, with the forms that change its status. */
export class RegistryCredentialPage {
  private constructor(
    readonly page: Page,
    readonly slug: string,
    readonly title: string,
  ) {}

  /** The page, or the form sent back with a problem (at the address the form was sent to). */
  static async on(page: Page, slug: string): Promise<RegistryCredentialPage> {
    expect(currentUrl(page).pathname).toMatch(
      new RegExp(`^/workspace/${slug}/credentials/[0-9a-f-]{36}(/(revoke|suspend|unsuspend|resend-claim))?$`),
    );
    return new RegistryCredentialPage(page, slug, (await mainHeadingText(page)).replace(/^Error: /, ''));
  }

  /** "Learner" → ..., "Status" → "Valid" or "Revoked on … Reason: …", "Claim" → ... */
  details(): Promise<Map<string, string>> {
    return summaryOf(this.page.getByRole('main'));
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  /** The "Done" banner after a change. */
  notice(): Locator {
    return this.page.getByRole('main').locator('.ds_notification');
  }

  /** Types the reason (perhaps none) and presses "Revoke the credential for good". */
  async revoke(reason: string): Promise<RegistryCredentialPage> {
    await this.page.getByLabel('Reason for revoking', { exact: true }).fill(reason);
    await whileNavigating(this.page, () =>
      this.page.getByRole('button', { name: 'Revoke the credential for good', exact: true }).click(),
    );
    return RegistryCredentialPage.on(this.page, this.slug);
  }
}
