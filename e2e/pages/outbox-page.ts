import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, whileNavigating } from './common.ts';

export interface OutboxMail {
  subject: string;
  /** "To ann@example.org, 23 Nov 2026, 09:00" */
  line: string;
}

/** /dev/outbox: the mail the hub has sent, newest first (outside production only). */
export class OutboxPage {
  static readonly heading = 'Outbox';

  private constructor(readonly page: Page) {}

  /** The whole outbox, or only the mail sent to one address. */
  static async open(page: Page, to?: string): Promise<OutboxPage> {
    await page.goto(to === undefined ? '/dev/outbox' : `/dev/outbox?to=${encodeURIComponent(to)}`);
    return OutboxPage.on(page);
  }

  static async on(page: Page): Promise<OutboxPage> {
    expect(currentUrl(page).pathname).toBe('/dev/outbox');
    expect(await mainHeadingText(page)).toBe(OutboxPage.heading);
    return new OutboxPage(page);
  }

  mailItems(): Locator {
    return this.page.getByTestId('outbox-mail');
  }

  async mails(): Promise<OutboxMail[]> {
    const items = this.mailItems();
    const found: OutboxMail[] = [];
    for (let index = 0; index < (await items.count()); index += 1) {
      const item = items.nth(index);
      found.push({
        subject: ((await item.getByRole('heading').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
        line: ((await item.locator('.ds_hint-text').textContent()) ?? '').replace(/\s+/g, ' ').trim(),
      });
    }
    return found;
  }

  /** Opens the newest mail whose subject matches. */
  async openMail(subject: string | RegExp): Promise<MailPage> {
    const link = this.mailItems().getByRole('link', { name: subject }).first();
    await whileNavigating(this.page, () => link.click());
    return MailPage.on(this.page);
  }
}

/** /dev/outbox/<id>: one mail, its addresses made into links. */
export class MailPage {
  private constructor(
    readonly page: Page,
    readonly subject: string,
  ) {}

  static async on(page: Page): Promise<MailPage> {
    expect(currentUrl(page).pathname).toMatch(/^\/dev\/outbox\/[0-9a-f-]{36}$/);
    return new MailPage(page, await mainHeadingText(page));
  }

  body(): Locator {
    return this.page.locator('.hub_mail-body');
  }

  /** A link in the mail, by where it goes: e.g. /verify-email. */
  link(pathStart: string): Locator {
    return this.body().locator(`a[href*="${pathStart}"]`).first();
  }

  /** Follows a link in the mail, as a person clicking it in their mail program would. */
  async follow(pathStart: string): Promise<void> {
    await whileNavigating(this.page, () => this.link(pathStart).click());
  }
}
