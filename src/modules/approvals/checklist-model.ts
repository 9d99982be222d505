/**
 * The good-practice checklist an author sees while writing a proposal, computed afresh from the
 * draft on every change. It asks for more than `validateMicroCredential` (which decides whether a
 * version may be stored): it reflects what QAA Scotland and the EU Council Recommendation count as
 * good practice, and a proposal cannot be submitted until every item is met. Pure: no I/O.
 */
import {
  ASSESSMENT_KINDS,
  DURATION_UNITS,
  REACH,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
  type MicroCredentialInput,
} from '../catalogue/catalogue-model.ts';
import {
  NOTIONAL_HOURS_PER_CREDIT,
  SCQF_MAX_LEVEL,
  SCQF_MIN_LEVEL,
  isScqfLevel,
} from '../framework/index.ts';

/** The pages of the authoring form, in order; each item points to where its problems are fixed. */
export type AuthoringStep = 'about' | 'outcomes' | 'size' | 'assessment' | 'quality' | 'partners';

/** A proposal as the author has left it: fields not yet entered are undefined. */
export type Draft = Partial<MicroCredentialInput>;

export interface ChecklistItem {
  /** Stable and kebab-case, so pages and tests can refer to an item. */
  id: string;
  /** What good practice asks, in plain words. */
  label: string;
  isMet: boolean;
  /** What is missing or wrong, one plain sentence or name each; empty when met. */
  missing: string[];
  /** The glossary entry that explains the item. */
  glossarySlug: string;
  /** Where the author fixes it. */
  step: AuthoringStep;
}

export interface Checklist {
  kind: 'micro-credential' | 'small-qualification';
  items: ChecklistItem[];
  isPassed: boolean;
}

export interface ChecklistContext {
  /** The institution's name; the Recommendation counts it as an element, and authors never enter it. */
  awardingBody: string;
  /** YYYY-MM-DD, so the review date is judged against the same day the page shows. */
  today: string;
}

/** Only entries that exist in the framework glossary, so every item can link to its explanation. */
type GlossarySlug =
  | 'micro-credential'
  | 'small-qualification'
  | 'scqf-credit'
  | 'learning-outcome'
  | 'assessment'
  | 'quality-assurance'
  | 'eu-mandatory-elements'
  | 'certificate-of-study';

const MIN_OUTCOMES = { 'micro-credential': 3, 'small-qualification': 1 } as const;
const MAX_OUTCOMES = 8;
const MIN_OUTCOME_LENGTH = 10;
const MIN_ASSESSMENT_LENGTH = 30;
const MAX_CREDITS = 120;
const MAX_YEARS_TO_REVIEW = 5;
const SUMMARY_LENGTH = { min: 20, max: 400 } as const;
const MAX_SUMMARY_WORDS = 60;
const MAX_SENTENCE_WORDS = 30;

/** Outcome stems that describe a state of mind rather than something an assessor can observe. */
const VAGUE_VERBS =
  /^(understand(?:s|ing)?|knows?|be aware|appreciates?|learns?|become familiar|have knowledge)(?![a-z])/i;
const OUTCOME_PREFIX = /^(?:(?:learners|students|you) will be able to|be able to)\b[\s:,-]*/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function goodPracticeChecklist(draft: Draft, context: ChecklistContext): Checklist {
  const kind = draft.kind === 'small-qualification' ? 'small-qualification' : 'micro-credential';
  const items =
    kind === 'micro-credential'
      ? [
          euMandatoryElements(draft, context, kind),
          scqfLevelAndCredits(draft),
          outcomesAsOutcomes(draft, kind),
          assessmentStated(draft, kind),
          qualityAssuranceRoute(draft, kind),
          reviewDate(draft, context.today),
          plainSummary(draft),
          recognitionStated(draft),
        ]
      : [
          euMandatoryElements(draft, context, kind),
          notCreditRated(draft),
          outcomesAsOutcomes(draft, kind),
          assessmentStated(draft, kind),
          qualityAssuranceRoute(draft, kind),
          reviewDate(draft, context.today),
          plainSummary(draft),
        ];
  return { kind, items, isPassed: items.every((item) => item.isMet) };
}

function item(
  id: string,
  label: string,
  glossarySlug: GlossarySlug,
  step: AuthoringStep,
  missing: string[],
): ChecklistItem {
  return { id, label, isMet: missing.length === 0, missing, glossarySlug, step };
}

function textOf(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isChosen(value: unknown, options: object): boolean {
  // `in` would accept inherited names such as "constructor" from a tampered form.
  return typeof value === 'string' && Object.hasOwn(options, value);
}

function isPositiveNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

// ---- Items -----------------------------------------------------------------------------------

/**
 * The Recommendation's 11 elements: the learner and the date of issue come from the issued
 * credential and the country from the institution, so only the rest are checked here. The EU's
 * "form of participation" is answered on this hub by how long the course takes.
 */
function euMandatoryElements(
  draft: Draft,
  context: ChecklistContext,
  kind: Checklist['kind'],
): ChecklistItem {
  const elements: { name: string; step: AuthoringStep | null; isPresent: boolean }[] = [
    { name: 'Title', step: 'about', isPresent: textOf(draft.title) !== '' },
    { name: 'Awarding body', step: null, isPresent: textOf(context.awardingBody) !== '' },
    {
      name: 'Learning outcomes',
      step: 'outcomes',
      isPresent: (draft.learningOutcomes ?? []).some((outcome) => textOf(outcome.text) !== ''),
    },
    {
      name: 'Notional workload (notional hours)',
      step: 'size',
      isPresent: isPositiveNumber(draft.notionalHours),
    },
    ...(kind === 'micro-credential'
      ? [
          {
            name: 'Level (SCQF level)',
            step: 'size' as const,
            isPresent: typeof draft.scqfLevel === 'number' && Number.isFinite(draft.scqfLevel),
          },
        ]
      : []),
    {
      name: 'Type of assessment',
      step: 'assessment',
      isPresent: textOf(draft.assessment) !== '' && isChosen(draft.assessmentKind, ASSESSMENT_KINDS),
    },
    {
      name: 'Form of participation (how long the course takes)',
      step: 'size',
      isPresent:
        isPositiveNumber(draft.duration?.amount) &&
        (DURATION_UNITS as readonly unknown[]).includes(draft.duration?.unit),
    },
    {
      name: 'Type of quality assurance (quality assurance body)',
      step: 'quality',
      isPresent: textOf(draft.qaBody) !== '',
    },
  ];
  const missing = elements.filter((element) => !element.isPresent);
  const step = missing.find((element) => element.step !== null)?.step ?? 'about';
  return item(
    'eu-mandatory-elements',
    "The EU's mandatory elements are all stated",
    'eu-mandatory-elements',
    step,
    missing.map((element) => element.name),
  );
}

function scqfLevelAndCredits(draft: Draft): ChecklistItem {
  const missing: string[] = [];
  const { scqfLevel: level, scqfCredits: credits, notionalHours: hours } = draft;

  if (!isSet(level)) missing.push('Enter the SCQF level');
  else if (typeof level !== 'number' || !isScqfLevel(level))
    missing.push(
      `SCQF level ${String(level)} does not exist: enter a whole number from ${SCQF_MIN_LEVEL} to ${SCQF_MAX_LEVEL}`,
    );

  const hasValidCredits =
    typeof credits === 'number' && Number.isInteger(credits) && credits >= 1 && credits <= MAX_CREDITS;
  if (!isSet(credits)) missing.push('Enter the SCQF credits');
  else if (!hasValidCredits)
    missing.push(`${String(credits)} credits is not possible: enter a whole number from 1 to ${MAX_CREDITS}`);

  if (!isSet(hours)) missing.push('Enter the notional hours of learning');
  else if (hasValidCredits && hours !== credits * NOTIONAL_HOURS_PER_CREDIT)
    missing.push(
      `${credits} ${credits === 1 ? 'credit means' : 'credits means'} ${credits * NOTIONAL_HOURS_PER_CREDIT} notional hours, not ${String(hours)}`,
    );

  return item(
    'scqf-level-and-credits',
    'SCQF level and credits are set, at 10 notional hours per credit',
    'scqf-credit',
    'size',
    missing,
  );
}

/** A small qualification is, by definition, not credit-rated; stating a level or credits would mislead. */
function notCreditRated(draft: Draft): ChecklistItem {
  const missing: string[] = [];
  if (isSet(draft.scqfLevel))
    missing.push(
      'Remove the SCQF level: a small qualification is not credit-rated. Choose micro-credential if it has been credit-rated',
    );
  if (isSet(draft.scqfCredits))
    missing.push(
      'Remove the SCQF credits: a small qualification is not credit-rated. Choose micro-credential if it carries credit',
    );
  const hours = draft.notionalHours;
  if (!isSet(hours)) missing.push('Enter the notional hours of learning');
  else if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < 1)
    missing.push('Enter the notional hours of learning as a whole number of 1 or more');
  return item(
    'not-credit-rated',
    'It is not credit-rated, and its notional hours are stated',
    'small-qualification',
    'size',
    missing,
  );
}

function outcomesAsOutcomes(draft: Draft, kind: Checklist['kind']): ChecklistItem {
  const missing: string[] = [];
  const outcomes = draft.learningOutcomes ?? [];
  const min = MIN_OUTCOMES[kind];

  if (outcomes.length < min)
    missing.push(
      outcomes.length === 0
        ? `Add at least ${plural(min, 'learning outcome')}`
        : `Add at least ${plural(min, 'learning outcome')}: there ${outcomes.length === 1 ? 'is' : 'are'} only ${outcomes.length}`,
    );
  if (outcomes.length > MAX_OUTCOMES)
    missing.push(
      `Keep to ${MAX_OUTCOMES} learning outcomes or fewer: there are ${outcomes.length}. Combine outcomes that overlap`,
    );

  outcomes.forEach((outcome, index) => {
    const number = index + 1;
    const text = textOf(outcome.text);
    if (text.length < MIN_OUTCOME_LENGTH)
      missing.push(
        `Outcome ${number} is too short: write what the learner will be able to do in at least ${MIN_OUTCOME_LENGTH} characters`,
      );
    const vague = VAGUE_VERBS.exec(text.replace(OUTCOME_PREFIX, ''));
    if (vague?.[1])
      missing.push(
        `Outcome ${number} starts with '${vague[1].toLowerCase()}', which cannot be assessed: start with what the learner will do, such as 'explain' or 'apply'`,
      );
    if (!isChosen(outcome.characteristic, SCQF_CHARACTERISTICS))
      missing.push(`Outcome ${number} has no SCQF characteristic: choose the one it develops`);
  });

  return item(
    'outcomes-as-outcomes',
    'Learning outcomes are written as outcomes',
    'learning-outcome',
    'outcomes',
    missing,
  );
}

function assessmentStated(draft: Draft, kind: Checklist['kind']): ChecklistItem {
  const missing: string[] = [];
  const assessment = textOf(draft.assessment);
  if (assessment === '') missing.push('Describe how learning is assessed');
  else if (assessment.length < MIN_ASSESSMENT_LENGTH)
    missing.push(
      `Say more about how learning is assessed (at least ${MIN_ASSESSMENT_LENGTH} characters): what learners produce or do, and how it is judged`,
    );
  if (!isChosen(draft.assessmentKind, ASSESSMENT_KINDS)) missing.push('Choose the main type of assessment');
  else if (kind === 'micro-credential' && draft.assessmentKind === 'attendance')
    missing.push(
      'Credit is awarded for learning outcomes achieved, so a credit-rated micro-credential cannot be assessed by attendance alone: choose how the outcomes are assessed',
    );
  if (!isChosen(draft.supervision, SUPERVISION)) missing.push('Choose how assessment is supervised');
  // A small qualification has no recognition item of its own, and attendance-only assessment
  // only makes sense when what the learner receives says "attendance".
  if (kind === 'small-qualification' && draft.recognition !== 'certificate-of-attendance')
    missing.push(
      'Choose a certificate of attendance as the recognition: a small qualification is not credit-rated, so it cannot lead to a certificate of study',
    );
  return item('assessment-stated', 'Assessment is described', 'assessment', 'assessment', missing);
}

function qualityAssuranceRoute(draft: Draft, kind: Checklist['kind']): ChecklistItem {
  const missing: string[] = [];
  if (textOf(draft.qaBody) === '') missing.push('Enter the body responsible for quality assurance');
  if (kind === 'micro-credential' && textOf(draft.creditRatingBody) === '')
    missing.push('Enter the body that credit-rated this micro-credential');
  return item(
    'quality-assurance-route',
    'Quality assurance is stated',
    'quality-assurance',
    'quality',
    missing,
  );
}

/** `date` plus whole years, with 29 February falling back to the 28th in a common year. */
function addYears(date: string, years: number): string {
  const match = ISO_DATE.exec(date);
  if (!match) return date;
  const [, year = '', month = '', day = ''] = match;
  const target = `${String(Number(year) + years).padStart(4, '0')}-${month}-${day}`;
  return isRealDate(target) ? target : `${target.slice(0, 8)}28`;
}

function isRealDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Date.parse rolls 30 February over into March, so compare the round trip instead.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Review at least every five years, so the course and its outcomes stay current. */
function reviewDate(draft: Draft, today: string): ChecklistItem {
  const missing: string[] = [];
  const reviewOn = textOf(draft.nextReviewOn);
  const latest = addYears(today, MAX_YEARS_TO_REVIEW);
  if (reviewOn === '') missing.push('Enter the date of the next review');
  else if (!isRealDate(reviewOn))
    missing.push(`Enter the next review date as a real date, for example ${addYears(today, 3)}`);
  else if (reviewOn <= today) missing.push(`The next review date must be after today (${today})`);
  else if (reviewOn > latest)
    missing.push(`Review at least every ${MAX_YEARS_TO_REVIEW} years: choose a date on or before ${latest}`);
  return item(
    'review-date',
    `A review is planned within ${MAX_YEARS_TO_REVIEW} years`,
    'quality-assurance',
    'quality',
    missing,
  );
}

function wordsIn(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** Learners read the summary in search results: it must be short and easy to read. */
function plainSummary(draft: Draft): ChecklistItem {
  const missing: string[] = [];
  const summary = textOf(draft.summary);
  if (summary === '') missing.push('Write a summary: who the course is for and what they will gain');
  else if (summary.length < SUMMARY_LENGTH.min)
    missing.push(
      `Lengthen the summary to at least ${SUMMARY_LENGTH.min} characters: say who the course is for and what they will gain`,
    );
  if (summary.length > SUMMARY_LENGTH.max)
    missing.push(
      `Shorten the summary to ${SUMMARY_LENGTH.max} characters or fewer: it has ${summary.length}`,
    );
  const wordCount = wordsIn(summary).length;
  if (wordCount > MAX_SUMMARY_WORDS)
    missing.push(`Shorten the summary to ${MAX_SUMMARY_WORDS} words or fewer: it has ${wordCount}`);
  summary
    .split(/(?<=[.!?])\s+/)
    .map((sentence) => wordsIn(sentence).length)
    .forEach((length, index) => {
      if (length > MAX_SENTENCE_WORDS)
        missing.push(
          `Split sentence ${index + 1} of the summary: it has ${length} words, and sentences of ${MAX_SENTENCE_WORDS} words or fewer are easier to read`,
        );
    });
  return item('plain-summary', 'The summary is short and plain', 'micro-credential', 'about', missing);
}

function recognitionStated(draft: Draft): ChecklistItem {
  const missing: string[] = [];
  if (!isSet(draft.recognition)) missing.push('Choose the recognition: a certificate of study');
  else if (draft.recognition !== 'certificate-of-study')
    missing.push(
      'Choose a certificate of study: a credit-rated micro-credential leads to one, because it records the credit earned',
    );
  if (!isChosen(draft.transferability, REACH))
    missing.push('Choose where the credential is recognised (transferability)');
  if (!isChosen(draft.stackability, REACH))
    missing.push('Choose whether it counts towards a larger award (stackability)');
  else if (
    draft.stackability !== 'none' &&
    (draft.countsTowards ?? []).every((award) => textOf(award) === '')
  )
    missing.push('Name at least one award it counts towards, or choose that it does not stack');
  return item(
    'recognition-stated',
    'Recognition, transfer and stacking are stated',
    'certificate-of-study',
    'quality',
    missing,
  );
}
