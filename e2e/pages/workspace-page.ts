import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { currentUrl, mainHeadingText, whileNavigating } from './common.ts';
import { ProposalPage } from './proposal-page.ts';
import { StepPage } from './step-page.ts';

/** /workspace/<institution>: what a member of staff can do at their institution. */
export class WorkspacePage {
  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<WorkspacePage> {
    await page.goto(`/workspace/${slug}`);
    return WorkspacePage.on(page, slug);
  }

  static async on(page: Page, slug: string, institutionName?: string): Promise<WorkspacePage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}`);
    const name = await mainHeadingText(page);
    if (institutionName !== undefined) expect(name).toBe(institutionName);
    await page.locator('.ds_page-header__label').filter({ hasText: 'Workspace' }).waitFor();
    return new WorkspacePage(page, slug);
  }

  link(label: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: label, exact: true });
  }

  async openProposals(): Promise<ProposalsPage> {
    await whileNavigating(this.page, () => this.link('Micro-credentials and proposals').click());
    return ProposalsPage.on(this.page, this.slug);
  }

  async openReviewQueue(): Promise<ReviewQueuePage> {
    await whileNavigating(this.page, () => this.link('Review queue').click());
    return ReviewQueuePage.on(this.page, this.slug);
  }
}

/** /workspace/<institution>/proposals: drafts, proposals in review and what is published. */
export class ProposalsPage {
  static readonly heading = 'Micro-credentials and proposals';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<ProposalsPage> {
    await page.goto(`/workspace/${slug}/proposals`);
    return ProposalsPage.on(page, slug);
  }

  static async on(page: Page, slug: string): Promise<ProposalsPage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/proposals`);
    expect(await mainHeadingText(page)).toBe(ProposalsPage.heading);
    return new ProposalsPage(page, slug);
  }

  /** Presses "Start a new micro-credential": the hub opens the first step of a new draft. */
  async startNew(): Promise<StepPage> {
    await whileNavigating(this.page, () =>
      this.page.getByRole('button', { name: 'Start a new micro-credential' }).click(),
    );
    return StepPage.on(this.page, 'about');
  }

  proposalLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  async openProposal(title: string): Promise<ProposalPage> {
    await whileNavigating(this.page, () => this.proposalLink(title).first().click());
    return ProposalPage.on(this.page, title);
  }
}

/** /workspace/<institution>/reviews: what waits for a reviewer. */
export class ReviewQueuePage {
  static readonly heading = 'Review queue';

  private constructor(
    readonly page: Page,
    readonly slug: string,
  ) {}

  static async open(page: Page, slug: string): Promise<ReviewQueuePage> {
    await page.goto(`/workspace/${slug}/reviews`);
    return ReviewQueuePage.on(page, slug);
  }

  static async on(page: Page, slug: string): Promise<ReviewQueuePage> {
    expect(currentUrl(page).pathname).toBe(`/workspace/${slug}/reviews`);
    expect(await mainHeadingText(page)).toBe(ReviewQueuePage.heading);
    return new ReviewQueuePage(page, slug);
  }

  /** One part of the queue: 'assigned', 'waiting', 'overdue' or 'decided'. */
  section(id: 'assigned' | 'waiting' | 'overdue' | 'decided'): Locator {
    return this.page.getByTestId(id);
  }

  async titlesIn(id: 'assigned' | 'waiting' | 'overdue' | 'decided'): Promise<string[]> {
    return (await this.section(id).getByRole('link').allTextContents()).map((text) => text.trim());
  }

  async openProposal(
    id: 'assigned' | 'waiting' | 'overdue' | 'decided',
    title: string,
  ): Promise<ProposalPage> {
    await whileNavigating(this.page, () =>
      this.section(id).getByRole('link', { name: title, exact: true }).click(),
    );
    return ProposalPage.on(this.page, title);
  }
}
