import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AuthoringStep } from '../../src/modules/approvals/checklist-model.ts';
import { currentUrl, mainHeadingText, readKeyValues, whileNavigating } from './common.ts';
import { ErrorSummary } from './sign-in-page.ts';
import { StepPage } from './step-page.ts';

const tidy = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A form that finds a problem answers at its own address (…/transitions, …/comments) with the proposal page. */
const proposalPath = /^(\/workspace\/[a-z0-9-]+\/proposals\/[0-9a-f-]{36})(\/(transitions|comments))?$/;

/** The buttons under "Your decision" or "Next step". */
export type ProposalAction =
  'Submit for approval' | 'Start review' | 'Request changes' | 'Approve' | 'Publish' | 'Withdraw' | 'Retire';

/**
 * /workspace/<institution>/proposals/<id>: a proposal as its author sees it (task list, checklist)
 * or as a reviewer sees it (what changes, the decision), with comments and history for both.
 */
export class ProposalPage {
  private constructor(
    readonly page: Page,
    readonly title: string,
  ) {}

  static async open(page: Page, path: string): Promise<ProposalPage> {
    await page.goto(path);
    return ProposalPage.on(page);
  }

  /** Checks the browser shows a proposal, and the given one when a title is given. */
  static async on(page: Page, expectedTitle?: string): Promise<ProposalPage> {
    expect(currentUrl(page).pathname).toMatch(proposalPath);
    const title = await mainHeadingText(page);
    if (expectedTitle !== undefined) expect(title).toBe(expectedTitle);
    await page.getByRole('heading', { level: 2, name: 'History', exact: true }).waitFor();
    return new ProposalPage(page, title);
  }

  /** /workspace/<institution>/proposals/<id>, to come back to later. */
  path(): string {
    return proposalPath.exec(currentUrl(this.page).pathname)?.[1] ?? '';
  }

  /** "Status" → "Draft", "Author" → ..., "Module code" → ... */
  facts(): Promise<Map<string, string>> {
    return readKeyValues(
      this.page.getByRole('main').locator('.ds_summary-list').first(),
      '.ds_summary-list__key',
      '.ds_summary-list__value',
    );
  }

  async status(): Promise<string> {
    return (await this.facts()).get('Status') ?? '';
  }

  /** The label above the title: "Proposal · Changes requested". */
  async label(): Promise<string> {
    return tidy(await this.page.locator('.ds_page-header__label').textContent());
  }

  taskList(): Locator {
    return this.page.getByTestId('task-list');
  }

  /** "Completed", "In progress" or "Not started" beside a step of the task list. */
  async taskStatus(step: AuthoringStep): Promise<string> {
    const task = this.taskList()
      .locator('.ds_task-list__task')
      .filter({ has: this.page.getByRole('link', { name: StepPage.titleOf(step), exact: true }) });
    return tidy(await task.locator('.ds_task-list__task-status').textContent());
  }

  async openStep(step: AuthoringStep): Promise<StepPage> {
    await whileNavigating(this.page, () =>
      this.taskList()
        .getByRole('link', { name: StepPage.titleOf(step), exact: true })
        .click(),
    );
    return StepPage.on(this.page, step);
  }

  checklist(): Locator {
    return this.page.getByTestId('checklist');
  }

  /** "12 of 12 met: ready to submit." */
  async checklistSummary(): Promise<string> {
    return tidy(await this.checklist().locator('p').first().textContent());
  }

  /** Opens "Preview the public page" (or "See it as the public page") and returns its h1. */
  async openPreview(): Promise<string> {
    await whileNavigating(this.page, () =>
      this.page
        .getByRole('main')
        .getByRole('link', { name: /^(Preview|See it as) the public page$/ })
        .click(),
    );
    expect(currentUrl(this.page).pathname).toMatch(/\/preview$/);
    return mainHeadingText(this.page);
  }

  /** The redline under "What changes": text added since the compared version. */
  insertions(): Locator {
    return this.page.locator('.hub-redline ins.hub-redline__ins');
  }

  decisionButton(action: ProposalAction): Locator {
    return this.page.getByRole('button', { name: action, exact: true });
  }

  commentForAuthor(): Locator {
    return this.page.getByLabel('Comment for the author', { exact: true });
  }

  /** Presses a decision button and waits for the proposal page that follows. */
  async act(action: ProposalAction): Promise<ProposalPage> {
    await whileNavigating(this.page, () => this.decisionButton(action).click());
    return ProposalPage.on(this.page, this.title);
  }

  async requestChanges(comment: string): Promise<ProposalPage> {
    await this.commentForAuthor().fill(comment);
    return this.act('Request changes');
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  /** Each comment's words, oldest first. */
  async comments(): Promise<string[]> {
    return (await this.page.getByTestId('comments').locator('.hub_comment__body').allTextContents()).map(
      (text) => tidy(text),
    );
  }

  moduleCode(): Locator {
    return this.page.getByTestId('module-code');
  }

  /** "23 Nov 2026, 09:00 Ann Author submitted it for approval", oldest first. */
  async history(): Promise<string[]> {
    return (await this.page.getByTestId('history').getByRole('listitem').allTextContents()).map((text) =>
      tidy(text),
    );
  }
}
