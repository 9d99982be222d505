import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { ErrorSummary } from './sign-in-page.ts';

/** /verify: anyone checks a credential by pasting it, uploading it or giving its address. */
export class VerifyPage {
  static readonly heading = 'Verify a credential';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<VerifyPage> {
    await page.goto('/verify');
    return VerifyPage.on(page);
  }

  static async on(page: Page): Promise<VerifyPage> {
    expect(currentUrl(page).pathname).toBe('/verify');
    expect(await mainHeadingText(page)).toMatch(/^(Error: )?Verify a credential$/);
    return new VerifyPage(page);
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  pasteField(): Locator {
    return this.page.getByLabel('Credential text (JSON)', { exact: true });
  }

  /** Pastes the text and presses "Check the pasted credential"; the caller says where it leads. */
  async paste(text: string): Promise<void> {
    await this.pasteField().fill(text);
    await whileNavigating(this.page, () =>
      this.page.getByRole('button', { name: 'Check the pasted credential', exact: true }).click(),
    );
  }

  /** Chooses a .json file or PDF certificate and presses "Check the file". */
  async upload(filePath: string): Promise<VerificationResultPage> {
    await this.page.getByLabel('Credential file or PDF certificate', { exact: true }).setInputFiles(filePath);
    await whileNavigating(this.page, () =>
      this.page.getByRole('button', { name: 'Check the file', exact: true }).click(),
    );
    return VerificationResultPage.on(this.page);
  }

  async pasteExpectingResult(text: string): Promise<VerificationResultPage> {
    await this.paste(text);
    return VerificationResultPage.on(this.page);
  }
}

/** The outcome of a check: the verdict first, each check, and what the credential means. */
export class VerificationResultPage {
  static readonly heading = 'Verification result';

  private constructor(readonly page: Page) {}

  static async on(page: Page): Promise<VerificationResultPage> {
    expect(currentUrl(page).pathname).toBe('/verify');
    expect(await mainHeadingText(page)).toBe(VerificationResultPage.heading);
    return new VerificationResultPage(page);
  }

  verdictBox(): Locator {
    return this.page.getByTestId('verdict');
  }

  /** The headline a person reads first: "Valid credential", "Revoked", "Tampered: …". */
  async verdict(): Promise<string> {
    const title = this.verdictBox().locator('.ds_notification-message__title');
    return ((await title.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** Each check's label → "Passed …", "Failed …" or "Not checked …", with its explanation. */
  checks(): Promise<Map<string, string>> {
    return readKeyValues(
      this.page.locator('#checks-list'),
      '.ds_summary-list__key',
      '.ds_summary-list__value',
    );
  }

  /** "Learner" → ..., "Module code" → ..., from the section "What this credential means". */
  meaning(): Promise<Map<string, string>> {
    return readKeyValues(
      this.page.locator('section[aria-labelledby="meaning"] .ds_summary-list'),
      '.ds_summary-list__key',
      '.ds_summary-list__value',
    );
  }

  /** "You checked the credential inside the PDF certificate you uploaded." */
  async whatWasChecked(): Promise<string> {
    const line = this.page.getByRole('main').getByText(/^You checked /);
    return ((await line.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }
}
