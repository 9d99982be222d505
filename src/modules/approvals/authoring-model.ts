/**
 * The guided authoring form: its steps, the fields on each, and how the raw values a person typed
 * become a (partial) micro-credential. Drafts keep the raw values, so a value that does not parse
 * is still there, exactly as typed, when the author comes back to fix it. Pure: no I/O.
 */
import {
  ASSESSMENT_KINDS,
  DURATION_UNITS,
  KINDS,
  PARTNER_KINDS,
  QA_ROUTES,
  RECOGNITION,
  REACH,
  SCQF_CHARACTERISTICS,
  SUPERVISION,
  type FieldError,
  type LearningOutcome,
  type MicroCredentialInput,
  type PartnerInput,
} from '../catalogue/catalogue-model.ts';
import type { AuthoringStep, Draft } from './checklist-model.ts';

export type DraftValues = Record<string, string | string[]>;

export const AUTHORING_STEPS: readonly { id: AuthoringStep; title: string; summary: string }[] = [
  { id: 'about', title: 'About the course', summary: 'Title, summary, subject and kind' },
  { id: 'outcomes', title: 'Learning outcomes', summary: 'What a learner will be able to do' },
  {
    id: 'size',
    title: 'Level, credits and length',
    summary: 'SCQF level and credits, notional hours, duration',
  },
  {
    id: 'assessment',
    title: 'Assessment and entry',
    summary: 'How learning is assessed, prerequisites, language',
  },
  {
    id: 'quality',
    title: 'Quality and recognition',
    summary: 'Quality assurance, certificate, transfer, review date',
  },
  {
    id: 'partners',
    title: 'Partners and accreditation',
    summary: 'Employers, professional bodies, other institutions',
  },
];

export function isAuthoringStep(value: string): value is AuthoringStep {
  return AUTHORING_STEPS.some((step) => step.id === value);
}

/** Which raw fields belong to each step: saving a step replaces exactly these. */
const STEP_FIELDS: Record<AuthoringStep, RegExp> = {
  about: /^(title|summary|description|subjectSlug|keywords|kind|providerTerm)$/,
  outcomes: /^learningOutcomes\[\d+\]\.(text|characteristic)$/,
  size: /^(scqfLevel|scqfCredits|notionalHours|duration\.(kind|amount|unit))$/,
  assessment: /^(assessment|assessmentKind|supervision|identityChecked|prerequisites|language)$/,
  quality:
    /^(qaBody|creditRatingBody|recognition|hasTranscript|transferability|stackability|countsTowards|nextReviewOn)$/,
  partners: /^(partners\[\d+\]\.(name|kind|role)|accreditation)$/,
};

export function fieldsOfStep(step: AuthoringStep, values: DraftValues): DraftValues {
  return Object.fromEntries(Object.entries(values).filter(([name]) => STEP_FIELDS[step].test(name)));
}

/** Saving a step replaces that step's values and keeps every other step's as it was. */
export function mergeStep(draft: DraftValues, step: AuthoringStep, submitted: DraftValues): DraftValues {
  const kept = Object.entries(draft).filter(([name]) => !STEP_FIELDS[step].test(name));
  return { ...Object.fromEntries(kept), ...fieldsOfStep(step, submitted) };
}

const text = (values: DraftValues, name: string): string => {
  const value = values[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** Rows of a repeating group (outcomes, partners) in index order, blank rows dropped. */
function rows(values: DraftValues, group: string, keys: string[]): Record<string, string>[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\[(\\d+)\\]\\.`);
  for (const name of Object.keys(values)) {
    const match = pattern.exec(name);
    if (match?.[1]) indexes.add(Number(match[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((index) => Object.fromEntries(keys.map((key) => [key, text(values, `${group}[${index}].${key}`)])))
    .filter((row) => keys.some((key) => row[key] !== ''));
}

/** How many rows a repeating group has, blank ones included: the form shows them all again. */
export function rowCount(values: DraftValues, group: string): number {
  const pattern = new RegExp(`^${group}\\[(\\d+)\\]\\.`);
  let highest = -1;
  for (const name of Object.keys(values)) {
    const match = pattern.exec(name);
    if (match?.[1]) highest = Math.max(highest, Number(match[1]));
  }
  return highest + 1;
}

export interface ParsedDraft {
  draft: Draft;
  /** Values that were typed but could not be read, each naming its field and the fix. */
  errors: FieldError[];
}

/**
 * Reads what can be read. An empty field is simply not entered yet (the checklist says what is
 * missing); a field whose value cannot be understood is an error, and is left out of the draft.
 */
export function parseDraft(values: DraftValues): ParsedDraft {
  const draft: Draft = {};
  const errors: FieldError[] = [];

  const setText = <K extends keyof MicroCredentialInput>(key: K & string) => {
    const value = text(values, key);
    if (value) (draft as Record<string, unknown>)[key] = value;
  };
  const setChoice = <K extends keyof MicroCredentialInput>(
    key: K & string,
    allowed: readonly string[],
    message: string,
  ) => {
    const value = text(values, key);
    if (!value) return;
    if (allowed.includes(value)) (draft as Record<string, unknown>)[key] = value;
    else errors.push({ field: key, message });
  };
  const whole = (name: string, label: string, minimum: number): number | undefined => {
    const value = text(values, name);
    if (!value) return undefined;
    if (!/^\d+$/.test(value) || Number(value) < minimum) {
      errors.push({
        field: name,
        message: `Enter ${label} as a whole number${minimum > 0 ? ` of ${minimum} or more` : ''}, like 10`,
      });
      return undefined;
    }
    return Number(value);
  };
  const date = (name: string, label: string): string | undefined => {
    const value = text(values, name);
    if (!value) return undefined;
    const parsed = new Date(`${value}T00:00:00Z`);
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    ) {
      errors.push({ field: name, message: `Enter ${label} as a real date, like 2029-06-30` });
      return undefined;
    }
    return value;
  };
  const yesNo = (name: string): boolean | undefined => {
    const value = text(values, name);
    return value === 'yes' ? true : value === 'no' ? false : undefined;
  };

  setText('title');
  setText('summary');
  setText('description');
  setText('subjectSlug');
  setText('providerTerm');
  setChoice('kind', KINDS, 'Choose micro-credential or small qualification');
  const keywords = text(values, 'keywords');
  if (keywords)
    draft.keywords = keywords
      .split(/[,\n]/)
      .map((word) => word.trim())
      .filter(Boolean);

  const outcomes = rows(values, 'learningOutcomes', ['text', 'characteristic']);
  if (outcomes.length > 0) {
    draft.learningOutcomes = outcomes.map((row, index): LearningOutcome => {
      if (!row['characteristic'] || !(row['characteristic'] in SCQF_CHARACTERISTICS))
        errors.push({
          field: `learningOutcomes[${index}].characteristic`,
          message: `Choose the SCQF characteristic learning outcome ${index + 1} develops`,
        });
      return {
        text: row['text'] ?? '',
        characteristic: row['characteristic'] as LearningOutcome['characteristic'],
      };
    });
  }

  const level = whole('scqfLevel', 'the SCQF level', 1);
  if (level !== undefined) {
    if (level > 12) errors.push({ field: 'scqfLevel', message: 'Enter an SCQF level from 1 to 12' });
    else draft.scqfLevel = level;
  }
  const credits = whole('scqfCredits', 'the SCQF credits', 1);
  if (credits !== undefined) draft.scqfCredits = credits;
  const hours = whole('notionalHours', 'the notional hours', 1);
  if (hours !== undefined) draft.notionalHours = hours;
  const amount = whole('duration.amount', 'how long the course takes', 1);
  const unit = text(values, 'duration.unit');
  const durationKind = text(values, 'duration.kind');
  if (unit && !(DURATION_UNITS as readonly string[]).includes(unit))
    errors.push({ field: 'duration.unit', message: 'Choose hours, days, weeks or months' });
  if (amount !== undefined && unit && (durationKind === 'fixed' || durationKind === 'within'))
    draft.duration = { kind: durationKind, amount, unit: unit as (typeof DURATION_UNITS)[number] };

  setText('assessment');
  setChoice('assessmentKind', Object.keys(ASSESSMENT_KINDS), 'Choose the main type of assessment');
  setChoice('supervision', Object.keys(SUPERVISION), 'Choose how assessment is supervised');
  const identity = yesNo('identityChecked');
  if (identity !== undefined) draft.identityChecked = identity;
  setText('prerequisites');
  setText('language');

  setText('qaBody');
  setText('creditRatingBody');
  setChoice(
    'recognition',
    Object.keys(RECOGNITION),
    'Choose certificate of study or certificate of attendance',
  );
  const transcript = yesNo('hasTranscript');
  if (transcript !== undefined) draft.hasTranscript = transcript;
  setChoice('transferability', Object.keys(REACH), 'Choose where the credential is recognised');
  setChoice('stackability', Object.keys(REACH), 'Choose whether it counts towards a larger award');
  const countsTowards = text(values, 'countsTowards');
  if (countsTowards)
    draft.countsTowards = countsTowards
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  const review = date('nextReviewOn', 'the next review date');
  if (review) draft.nextReviewOn = review;

  const partners = rows(values, 'partners', ['name', 'kind', 'role']);
  if (partners.length > 0) {
    draft.partners = partners.map((row, index): PartnerInput => {
      if (!row['kind'] || !(row['kind'] in PARTNER_KINDS))
        errors.push({
          field: `partners[${index}].kind`,
          message: `Choose what kind of partner ${row['name'] || index + 1} is`,
        });
      return { name: row['name'] ?? '', kind: row['kind'] as PartnerInput['kind'], role: row['role'] ?? '' };
    });
  }
  setText('accreditation');
  return { draft, errors };
}

/** Only the errors of one step, for that step's page. */
export function errorsOfStep(step: AuthoringStep, errors: FieldError[]): FieldError[] {
  return errors.filter((error) => STEP_FIELDS[step].test(error.field));
}

/**
 * The complete micro-credential approval stores. Fields a credit-rated course does not have
 * are nulled, and the approval route and date come from the workflow, never from the author.
 */
export function completeInput(
  draft: Draft,
  route: keyof typeof QA_ROUTES,
  approvedOn: string,
): MicroCredentialInput {
  const isCreditRated = (draft.kind ?? 'micro-credential') === 'micro-credential';
  return {
    title: draft.title ?? '',
    summary: draft.summary ?? '',
    description: draft.description ?? '',
    learningOutcomes: draft.learningOutcomes ?? [],
    subjectSlug: draft.subjectSlug ?? '',
    keywords: draft.keywords ?? [],
    kind: draft.kind ?? 'micro-credential',
    providerTerm: draft.providerTerm ?? '',
    scqfLevel: isCreditRated ? (draft.scqfLevel ?? null) : null,
    scqfCredits: isCreditRated ? (draft.scqfCredits ?? null) : null,
    notionalHours: draft.notionalHours ?? 0,
    duration: draft.duration ?? { kind: 'fixed', amount: 0, unit: 'weeks' },
    assessment: draft.assessment ?? '',
    assessmentKind: draft.assessmentKind ?? 'coursework',
    supervision: draft.supervision ?? 'unsupervised',
    identityChecked: draft.identityChecked ?? false,
    prerequisites: draft.prerequisites ?? 'None',
    language: draft.language ?? 'English',
    qaBody: draft.qaBody ?? '',
    qaRoute: route,
    qaApprovedOn: approvedOn,
    creditRatingBody: isCreditRated ? (draft.creditRatingBody ?? null) : null,
    recognition: draft.recognition ?? (isCreditRated ? 'certificate-of-study' : 'certificate-of-attendance'),
    hasTranscript: draft.hasTranscript ?? false,
    transferability: draft.transferability ?? 'none',
    stackability: draft.stackability ?? 'none',
    countsTowards: draft.countsTowards ?? [],
    accreditation: draft.accreditation ?? null,
    nextReviewOn: draft.nextReviewOn ?? null,
    partners: draft.partners ?? [],
  };
}

/** The raw form values of a published version, to start a new version from. */
export function valuesOf(input: MicroCredentialInput): DraftValues {
  const values: DraftValues = {
    title: input.title,
    summary: input.summary,
    description: input.description,
    subjectSlug: input.subjectSlug,
    keywords: input.keywords.join(', '),
    kind: input.kind,
    providerTerm: input.providerTerm,
    scqfLevel: input.scqfLevel === null ? '' : String(input.scqfLevel),
    scqfCredits: input.scqfCredits === null ? '' : String(input.scqfCredits),
    notionalHours: String(input.notionalHours),
    'duration.kind': input.duration.kind,
    'duration.amount': String(input.duration.amount),
    'duration.unit': input.duration.unit,
    assessment: input.assessment,
    assessmentKind: input.assessmentKind,
    supervision: input.supervision,
    identityChecked: input.identityChecked ? 'yes' : 'no',
    prerequisites: input.prerequisites,
    language: input.language,
    qaBody: input.qaBody,
    creditRatingBody: input.creditRatingBody ?? '',
    recognition: input.recognition,
    hasTranscript: input.hasTranscript ? 'yes' : 'no',
    transferability: input.transferability,
    stackability: input.stackability,
    countsTowards: input.countsTowards.join('\n'),
    nextReviewOn: input.nextReviewOn ?? '',
    accreditation: input.accreditation ?? '',
  };
  input.learningOutcomes.forEach((outcome, index) => {
    values[`learningOutcomes[${index}].text`] = outcome.text;
    values[`learningOutcomes[${index}].characteristic`] = outcome.characteristic;
  });
  input.partners.forEach((partner, index) => {
    values[`partners[${index}].name`] = partner.name;
    values[`partners[${index}].kind`] = partner.kind;
    values[`partners[${index}].role`] = partner.role;
  });
  return values;
}

/** A step counts as started once any of its fields has a value. */
export function isStepStarted(step: AuthoringStep, values: DraftValues): boolean {
  return Object.entries(fieldsOfStep(step, values)).some(
    ([, value]) => (Array.isArray(value) ? value.join('') : value).trim() !== '',
  );
}
