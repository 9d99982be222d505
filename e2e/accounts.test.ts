import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, newHubContext, recordPageErrors, screenshot } from './support/browser.ts';
import { startHub, type HubServer } from './support/hub-server.ts';
import { E2E_PASSWORD } from './support/people.ts';
import { currentUrl, mainHeadingText, whileNavigating } from './pages/common.ts';
import { HomePage } from './pages/home-page.ts';
import { OutboxPage } from './pages/outbox-page.ts';
import { AccountBar, AccountPage, SignInPage, SignUpPage } from './pages/sign-in-page.ts';

let hub: HubServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

const learner = { name: 'Lena Learner', email: 'lena.learner@example.org', password: E2E_PASSWORD };

beforeAll(async () => {
  [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

beforeEach(async () => {
  if (!hub || !browser) throw new Error('The hub or the browser did not start');
  // A window of its own for each test: no cookie from one test signs in the next.
  context = await newHubContext(browser, hub.baseUrl);
  page = await context.newPage();
  pageErrors = recordPageErrors(page);
});

afterEach(async () => {
  await context.close();
  expect(pageErrors, 'script errors in the pages').toEqual([]);
});

describe('a learner’s account', () => {
  it('a learner signs up, confirms the address from the mail, signs in, sees "Signed in as" and signs out', async () => {
    const signUp = await SignUpPage.open(page);
    await signUp.createAccount(learner);
    expect(await mainHeadingText(page)).toBe('Check your email');
    expect(await page.getByRole('main').textContent()).toContain(learner.email);
    await screenshot(page, 'accounts-check-your-email');

    // Outside production the mail stays in the outbox: open it and follow the link, as in a mail program.
    const outbox = await OutboxPage.open(page, learner.email);
    const mail = await outbox.openMail('Confirm your email address for the Micro-credentials Hub');
    expect(await mail.body().textContent()).toContain(`Hello ${learner.name},`);
    await mail.follow('/verify-email');
    expect(currentUrl(page).pathname).toBe('/verify-email');
    expect(await mainHeadingText(page)).toBe('Email address confirmed');

    await whileNavigating(page, () => page.getByRole('main').getByRole('link', { name: 'sign in' }).click());
    const signIn = await SignInPage.on(page);
    await signIn.signInAs(learner);
    // With nowhere else to go, the hub shows the account.
    const account = await AccountPage.on(page);
    const details = await account.details();
    expect(details.get('Name')).toBe(learner.name);
    expect(details.get('Email address')).toBe(learner.email);
    const bar = new AccountBar(page);
    expect(await bar.signedInAs()).toBe(`Signed in as ${learner.name}`);
    expect(
      await page.getByRole('link', { name: 'Workspace', exact: true }).count(),
      'a learner has no workspace',
    ).toBe(0);
    await screenshot(page, 'accounts-signed-in');

    await bar.signOut();
    await HomePage.on(page);
    expect(await bar.signedInAs()).toBe('');
    expect(await bar.signInLink().isVisible()).toBe(true);

    // Signed out, the account page asks to sign in again and would come back to it.
    await page.goto('/account');
    await SignInPage.on(page);
    expect(currentUrl(page).searchParams.get('next')).toBe('/account');
  });

  it('a wrong password shows the error summary, linked to the email field, and keeps the address typed', async () => {
    const signIn = await SignInPage.open(page);
    await signIn.signIn('nobody.here@example.org', 'not the right password');

    const failed = await SignInPage.on(page);
    const message = 'The email address or password is not right. Check both and try again';
    expect(await failed.errors().messages()).toEqual([message]);
    expect(await failed.errors().targetOf(message)).toBe(await failed.emailField().getAttribute('id'));
    expect(await failed.emailField().getAttribute('aria-invalid')).toBe('true');
    expect(await failed.emailField().inputValue()).toBe('nobody.here@example.org');
    expect(await failed.passwordField().inputValue(), 'a password is never sent back').toBe('');
    expect(await new AccountBar(page).signedInAs()).toBe('');

    // The summary takes focus so that a screen reader reads it first; its link leads to the field.
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('error-summary');
    await failed.errors().links().first().click();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('email');
    await screenshot(page, 'accounts-wrong-password');
  });
});
