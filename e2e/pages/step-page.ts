import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { AUTHORING_STEPS } from '../../src/modules/approvals/authoring-model.ts';
import type { AuthoringStep } from '../../src/modules/approvals/checklist-model.ts';
import { currentUrl, escapeRegExp, mainHeadingText, whileNavigating } from './common.ts';
import { ErrorSummary } from './sign-in-page.ts';

/**
 * One thing an author enters on a step, named as the page names it: a text box or text area by
 * its label, a list by its label and the option's words, a radio button by its question and answer.
 * `within` names the fieldset of a repeated group, e.g. "Outcome 2" or "Partner 1".
 */
export type StepEntry =
  | { type: 'text'; label: string; value: string; within?: string }
  | { type: 'select'; label: string; option: string; within?: string }
  | { type: 'radio'; question: string; answer: string };

/*
 * The callback of sendUnofferedValue runs inside the browser; the project type-checks against
 * Node's library only (no DOM), so these name just the members it uses.
 */
interface BrowserInput {
  type: string;
  name: string;
  value: string;
}
interface BrowserForm {
  prepend(node: BrowserInput): void;
}
declare const document: {
  querySelector(selector: string): BrowserForm | null;
  createElement(tag: 'input'): BrowserInput;
};

const stepPath = /^\/workspace\/([a-z0-9-]+)\/proposals\/([0-9a-f-]{36})\/steps\/([a-z]+)$/;

/** /workspace/<institution>/proposals/<id>/steps/<step>: one step of describing a micro-credential. */
export class StepPage {
  private constructor(
    readonly page: Page,
    readonly step: AuthoringStep,
    readonly title: string,
  ) {}

  static titleOf(step: AuthoringStep): string {
    const found = AUTHORING_STEPS.find((candidate) => candidate.id === step);
    if (!found) throw new Error(`No authoring step ${step}`);
    return found.title;
  }

  static async open(page: Page, proposalPath: string, step: AuthoringStep): Promise<StepPage> {
    await page.goto(`${proposalPath}/steps/${step}`);
    return StepPage.on(page, step);
  }

  /** Checks the browser shows a step form, and the given step when one is given. */
  static async on(page: Page, expectedStep?: AuthoringStep): Promise<StepPage> {
    const match = stepPath.exec(currentUrl(page).pathname);
    expect(match, `${page.url()} is a step of a proposal`).not.toBeNull();
    const step = (match?.[3] ?? '') as AuthoringStep;
    if (expectedStep !== undefined) expect(step).toBe(expectedStep);
    const title = await mainHeadingText(page);
    expect(title).toBe(StepPage.titleOf(step));
    const index = AUTHORING_STEPS.findIndex((candidate) => candidate.id === step);
    await page
      .locator('.ds_page-header__label')
      .filter({ hasText: new RegExp(`^Step ${index + 1} of ${AUTHORING_STEPS.length} · `) })
      .waitFor();
    return new StepPage(page, step, title);
  }

  /** The proposal this step belongs to: /workspace/<institution>/proposals/<id>. */
  proposalPath(): string {
    return currentUrl(this.page).pathname.replace(/\/steps\/[a-z]+$/, '');
  }

  form(): Locator {
    return this.page.locator(`form[action$="/steps/${this.step}"]`);
  }

  private scope(within: string | undefined): Locator | Page {
    return within === undefined ? this.page : this.page.getByRole('group', { name: within, exact: true });
  }

  /** A text box, text area or list by its label. */
  field(label: string, within?: string): Locator {
    return this.scope(within).getByLabel(label, { exact: true });
  }

  radio(question: string, answer: string): Locator {
    return this.page
      .getByRole('group', { name: question, exact: true })
      .getByRole('radio', { name: answer, exact: true });
  }

  async enter(entries: readonly StepEntry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.type === 'text') await this.field(entry.label, entry.within).fill(entry.value);
      else if (entry.type === 'select')
        await this.field(entry.label, entry.within).selectOption({ label: entry.option });
      else await this.choose(entry.question, entry.answer);
    }
  }

  /**
   * Picks a radio button. The design system draws the button on its label, over the real input,
   * so that is what a person clicks.
   */
  async choose(question: string, answer: string): Promise<void> {
    const radio = this.radio(question, answer);
    const id = await radio.getAttribute('id');
    await this.page.locator(`label[for="${id}"]`).click();
    expect(await radio.isChecked(), `"${answer}" is chosen for "${question}"`).toBe(true);
  }

  /** Checks every entry shows on the page as entered: nothing typed has been lost. */
  async expectShowing(entries: readonly StepEntry[]): Promise<void> {
    for (const entry of entries) {
      if (entry.type === 'text')
        expect(await this.field(entry.label, entry.within).inputValue(), entry.label).toBe(entry.value);
      else if (entry.type === 'select') {
        const chosen = this.field(entry.label, entry.within).locator('option:checked');
        expect(((await chosen.textContent()) ?? '').trim(), entry.label).toBe(entry.option);
      } else
        expect(
          await this.radio(entry.question, entry.answer).isChecked(),
          `${entry.question} ${entry.answer}`,
        ).toBe(true);
    }
  }

  /**
   * Adds a value to the form that its radio buttons and lists do not offer, as an out-of-date or
   * tampered form would send: the only way to see how a step shows a wrong choice. Needs JavaScript.
   */
  async sendUnofferedValue(name: string, value: string): Promise<void> {
    await this.page.evaluate(
      ([selector, field, unoffered]) => {
        const form = document.querySelector(selector);
        if (!form) throw new Error(`No form ${selector}`);
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = field;
        input.value = unoffered;
        // First in the form, so the hub reads it before any choice the form itself sends.
        form.prepend(input);
      },
      [`form[action$="/steps/${this.step}"]`, name, value] as const,
    );
    await this.saveAndReturn();
  }

  errors(): ErrorSummary {
    return new ErrorSummary(this.page);
  }

  /** The message printed above a field, e.g. "Error: Enter the SCQF credits as a whole number…". */
  fieldError(label: string, within?: string): Locator {
    return this.scope(within)
      .locator('.ds_question')
      .filter({ has: this.field(label, within) })
      .locator('.ds_question__error-message');
  }

  continueButton(): Locator {
    return this.form().getByRole('button', { name: /^Save and (continue|check)$/ });
  }

  returnButton(): Locator {
    return this.form().getByRole('button', { name: 'Save and return to the task list', exact: true });
  }

  /** Presses "Save and continue" (on the last step "Save and check"); the caller checks where it led. */
  async saveAndContinue(): Promise<void> {
    await whileNavigating(this.page, () => this.continueButton().click());
  }

  async saveAndReturn(): Promise<void> {
    await whileNavigating(this.page, () => this.returnButton().click());
  }

  /** A checklist item in the panel beside the form, by the start of its words. */
  checklistItem(label: string): Locator {
    return this.page
      .getByTestId('checklist')
      .locator('.hub_checklist__item')
      .filter({ hasText: new RegExp(escapeRegExp(label)) });
  }
}
