import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';

/** The design system's error summary: "There is a problem", then one link per field to fix. */
export class ErrorSummary {
  constructor(readonly page: Page) {}

  box(): Locator {
    return this.page.locator('#error-summary');
  }

  links(): Locator {
    return this.box().getByRole('link');
  }

  async messages(): Promise<string[]> {
    return (await this.links().allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
  }

  /** Where a message's link goes: the id of the field to fix, without the '#'. */
  async targetOf(message: string): Promise<string> {
    const href = (await this.links().filter({ hasText: message }).getAttribute('href')) ?? '';
    expect(href, `the error "${message}" links to a field`).toMatch(/^#.+/);
    return href.slice(1);
  }
}

/** The bar above the header on every page: "Sign in", or who is signed in and "Sign out". */
export class AccountBar {
  constructor(readonly page: Page) {}

  /** "Signed in as Ann Author", or '' for a visitor. */
  async signedInAs(): Promise<string> {
    const name = this.page.locator('.hub_account-bar__name');
    if ((await name.count()) === 0) return '';
    return ((await name.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  signInLink(): Locator {
    return this.page.locator('.hub_account-bar').getByRole('link', { name: 'Sign in', exact: true });
  }

  async signOut(): Promise<void> {
    await whileNavigating(this.page, () =>
      this.page.locator('.hub_account-bar').getByRole('button', { name: 'Sign out' }).click(),
    );
  }
}

/** /sign-in */
export class SignInPage {
  static readonly heading = 'Sign in';

  private constructor(readonly page: Page) {}

  static async open(page: Page, next?: string): Promise<SignInPage> {
    await page.goto(next === undefined ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`);
    return SignInPage.on(page);
  }

  static async on(page: Page): Promise<SignInPage> {
    expect(currentUrl(page).pathname).toBe('/sign-in');
    expect(await mainHeadingText(page)).toBe(SignInPage.heading);
    return new SignInPage(page);
  }

  emailField(): Locator {
    return this.page.getByLabel('Email address', { exact: true });
  }

  passwordField(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  /** Types the address and password and presses "Sign in"; the caller checks where it led. */
  async signIn(email: string, password: string): Promise<void> {
    await this.emailField().fill(email);
    await this.passwordField().fill(password);
    await whileNavigating(this.page, () => this.page.getByRole('button', { name: 'Sign in' }).click());
  }

  /** Signs in and checks the hub took the person on to where they were going. */
  async signInAs(person: { email: string; password: string; name: string }): Promise<void> {
    await this.signIn(person.email, person.password);
    expect(currentUrl(this.page).pathname, 'signed in, the hub leaves the sign-in page').not.toBe('/sign-in');
    expect(await new AccountBar(this.page).signedInAs()).toBe(`Signed in as ${person.name}`);
  }
}

/** /sign-up: a learner creates an account. */
export class SignUpPage {
  static readonly heading = 'Create an account';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<SignUpPage> {
    await page.goto('/sign-up');
    return SignUpPage.on(page);
  }

  static async on(page: Page): Promise<SignUpPage> {
    expect(currentUrl(page).pathname).toBe('/sign-up');
    expect(await mainHeadingText(page)).toBe(SignUpPage.heading);
    return new SignUpPage(page);
  }

  /** Fills the form and presses "Create account"; the hub answers "Check your email". */
  async createAccount(values: { name: string; email: string; password: string }): Promise<void> {
    await this.page.getByLabel('Full name', { exact: true }).fill(values.name);
    await this.page.getByLabel('Email address', { exact: true }).fill(values.email);
    await this.page.getByLabel('Create a password', { exact: true }).fill(values.password);
    await this.page.getByLabel('Type the password again', { exact: true }).fill(values.password);
    await whileNavigating(this.page, () => this.page.getByRole('button', { name: 'Create account' }).click());
  }
}

/** /account: who you are and where you work. */
export class AccountPage {
  static readonly heading = 'Your account';

  private constructor(readonly page: Page) {}

  static async open(page: Page): Promise<AccountPage> {
    await page.goto('/account');
    return AccountPage.on(page);
  }

  static async on(page: Page): Promise<AccountPage> {
    expect(currentUrl(page).pathname).toBe('/account');
    expect(await mainHeadingText(page)).toBe(AccountPage.heading);
    return new AccountPage(page);
  }

  /** "Name" → ..., "Email address" → ... */
  details(): Promise<Map<string, string>> {
    return readKeyValues(
      this.page.getByRole('main').locator('.ds_summary-list').first(),
      '.ds_summary-list__key',
      '.ds_summary-list__value',
    );
  }
}
