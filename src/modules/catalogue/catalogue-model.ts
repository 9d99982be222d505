/**
 * The catalogue's domain: what a micro-credential and an offering are, the rules that make one
 * valid, and the facts derived from them for search. Pure: no I/O.
 */
import {
  NOTIONAL_HOURS_PER_CREDIT,
  describeCredits,
  ectsFor,
  eqfLevelFor,
  isScqfLevel,
} from '../framework/index.ts';

export interface FieldError {
  /** The input's name, as in the form and the API body, e.g. `scqfCredits` or `learningOutcomes[2].text`. */
  field: string;
  /** What is wrong and how to fix it, in plain words. */
  message: string;
}

export const INSTITUTION_KINDS = ['university', 'college', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const KINDS = ['micro-credential', 'small-qualification'] as const;
export type Kind = (typeof KINDS)[number];

/** The five strands SCQF level descriptors are written in; every learning outcome is tagged with one. */
export const SCQF_CHARACTERISTICS = {
  'knowledge-and-understanding': 'Knowledge and understanding',
  'applied-knowledge': 'Practice: applied knowledge, skills and understanding',
  'cognitive-skills': 'Generic cognitive skills',
  'communication-numeracy-ict': 'Communication, ICT and numeracy skills',
  'autonomy-and-working-with-others': 'Autonomy, accountability and working with others',
} as const;
export type ScqfCharacteristic = keyof typeof SCQF_CHARACTERISTICS;

export const DELIVERY_MODES = {
  online: 'Online',
  hybrid: 'Hybrid (online and in person)',
  'in-person': 'In person',
  workplace: 'At your workplace',
} as const;
export type DeliveryMode = keyof typeof DELIVERY_MODES;

export const DURATION_UNITS = ['hours', 'days', 'weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const ASSESSMENT_KINDS = {
  coursework: 'Coursework',
  exam: 'Exam',
  portfolio: 'Portfolio',
  practical: 'Practical assessment',
  project: 'Project',
  'online-quiz': 'Online quizzes',
  attendance: 'Attendance and participation only',
} as const;
export type AssessmentKind = keyof typeof ASSESSMENT_KINDS;

export const SUPERVISION = {
  supervised: 'Supervised in person',
  'online-proctored': 'Online, with remote invigilation',
  unsupervised: 'Unsupervised',
} as const;
export type Supervision = keyof typeof SUPERVISION;

export const RECOGNITION = {
  'certificate-of-study': 'Certificate of study',
  'certificate-of-attendance': 'Certificate of attendance',
} as const;
export type Recognition = keyof typeof RECOGNITION;

/** Where credit or the credential is accepted: used for both transferability and stackability. */
export const REACH = {
  'internal-and-external': 'At this and other institutions',
  internal: 'At this institution only',
  none: 'No',
} as const;
export type Reach = keyof typeof REACH;

export const QA_ROUTES = { standard: 'Standard approval', streamlined: 'Streamlined approval' } as const;
export type QaRoute = keyof typeof QA_ROUTES;

export const PARTNER_KINDS = {
  employer: 'Employer',
  psrb: 'Professional, statutory or regulatory body (PSRB)',
  consortium: 'Consortium',
  college: 'College',
  university: 'University',
} as const;
export type PartnerKind = keyof typeof PARTNER_KINDS;

export const FUNDING = {
  'fully-funded': 'Fully funded',
  'part-funded': 'Part funded',
  'self-funded': 'Paid by the learner or employer',
} as const;
export type Funding = keyof typeof FUNDING;

export interface LearningOutcome {
  text: string;
  characteristic: ScqfCharacteristic;
}

export interface Duration {
  /** `fixed`: takes this long; `within`: study at your own pace and finish within this time. */
  kind: 'fixed' | 'within';
  amount: number;
  unit: DurationUnit;
}

export interface PartnerInput {
  name: string;
  kind: PartnerKind;
  role: string;
}

/** Everything that describes one version of a micro-credential (design.md §6). */
export interface MicroCredentialInput {
  title: string;
  summary: string;
  description: string;
  learningOutcomes: LearningOutcome[];
  subjectSlug: string;
  keywords: string[];
  kind: Kind;
  providerTerm: string;
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number;
  duration: Duration;
  assessment: string;
  assessmentKind: AssessmentKind;
  supervision: Supervision;
  identityChecked: boolean;
  prerequisites: string;
  language: string;
  qaBody: string;
  qaRoute: QaRoute;
  qaApprovedOn: string | null;
  creditRatingBody: string | null;
  recognition: Recognition;
  hasTranscript: boolean;
  transferability: Reach;
  stackability: Reach;
  countsTowards: string[];
  accreditation: string | null;
  nextReviewOn: string | null;
  partners: PartnerInput[];
}

export interface OfferingInput {
  startsOn: string | null;
  endsOn: string | null;
  enrolBy: string | null;
  deliveryMode: DeliveryMode;
  location: string | null;
  synchronousHours: number;
  pricePence: number;
  feeNotes: string | null;
  funding: Funding;
  places: number | null;
  thirdPartyPlatform: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Date.parse rolls 30 February over into March, so compare the round trip instead.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

/**
 * Checks one version against the framework's rules. Returns every problem, each naming its field
 * and the fix; an empty list means the version may be stored.
 */
export function validateMicroCredential(input: MicroCredentialInput): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });

  if (input.title.trim().length < 5) add('title', 'Enter a title of at least 5 characters');
  if (input.title.length > 150) add('title', 'Shorten the title to 150 characters or fewer');
  if (input.summary.trim().length < 20)
    add(
      'summary',
      'Enter a summary of at least 20 characters that says who the course is for and what they will gain',
    );
  if (input.summary.length > 400) add('summary', 'Shorten the summary to 400 characters or fewer');
  if (input.description.trim().length === 0) add('description', 'Enter a description of the course');
  if (input.learningOutcomes.length === 0) add('learningOutcomes', 'Add at least one learning outcome');
  input.learningOutcomes.forEach((outcome, index) => {
    if (outcome.text.trim().length < 10)
      add(
        `learningOutcomes[${index}].text`,
        `Write learning outcome ${index + 1} as what a learner will be able to do (at least 10 characters)`,
      );
    if (!(outcome.characteristic in SCQF_CHARACTERISTICS))
      add(
        `learningOutcomes[${index}].characteristic`,
        `Choose the SCQF characteristic learning outcome ${index + 1} develops`,
      );
  });
  if (!(KINDS as readonly string[]).includes(input.kind))
    add('kind', 'Choose micro-credential (credit-rated) or small qualification (not credit-rated)');
  if (input.providerTerm.trim().length === 0)
    add(
      'providerTerm',
      'Enter the name your institution uses for this kind of course, for example "short course"',
    );

  if (input.kind === 'micro-credential') {
    if (input.scqfLevel === null)
      add('scqfLevel', 'Enter the SCQF level: a credit-rated micro-credential must have one');
    else if (!isScqfLevel(input.scqfLevel))
      add('scqfLevel', 'Enter an SCQF level as a whole number from 1 to 12');
    if (input.scqfCredits === null)
      add('scqfCredits', 'Enter the SCQF credits: a credit-rated micro-credential must have at least 1');
    else if (!isPositiveInteger(input.scqfCredits))
      add('scqfCredits', 'Enter the SCQF credits as a whole number of 1 or more');
    else if (input.scqfCredits > 120)
      add(
        'scqfCredits',
        'A micro-credential is smaller than a full year of study: enter 120 credits or fewer',
      );
    else if (input.notionalHours !== input.scqfCredits * NOTIONAL_HOURS_PER_CREDIT)
      add(
        'notionalHours',
        `Notional hours must be ${NOTIONAL_HOURS_PER_CREDIT} per credit: ${input.scqfCredits} credits means ${input.scqfCredits * NOTIONAL_HOURS_PER_CREDIT} hours, not ${input.notionalHours}`,
      );
    if (!input.creditRatingBody?.trim())
      add('creditRatingBody', 'Enter the body that credit-rated this micro-credential');
    if (input.recognition !== 'certificate-of-study')
      add('recognition', 'A credit-rated micro-credential leads to a certificate of study');
  } else if (input.kind === 'small-qualification') {
    if (input.scqfCredits !== null)
      add(
        'scqfCredits',
        'Remove the credits: a small qualification is not credit-rated. Choose micro-credential if it carries SCQF credit',
      );
    if (input.scqfLevel !== null)
      add(
        'scqfLevel',
        'Remove the SCQF level: a small qualification is not credit-rated. Choose micro-credential if it has been levelled and credit-rated',
      );
    if (input.stackability !== 'none')
      add(
        'stackability',
        'A small qualification carries no credit, so it cannot count towards an award: choose "No"',
      );
  }
  if (!isPositiveInteger(input.notionalHours))
    add('notionalHours', 'Enter the notional hours of learning as a whole number of 1 or more');

  if (!isPositiveInteger(input.duration.amount))
    add('duration.amount', 'Enter how long the course takes as a whole number of 1 or more');
  if (!(DURATION_UNITS as readonly string[]).includes(input.duration.unit))
    add('duration.unit', 'Choose hours, days, weeks or months');
  if (input.duration.kind !== 'fixed' && input.duration.kind !== 'within')
    add('duration.kind', 'Choose whether the course has a fixed length or is completed within a time frame');

  if (input.assessment.trim().length === 0) add('assessment', 'Describe how learning is assessed');
  if (!(input.assessmentKind in ASSESSMENT_KINDS))
    add('assessmentKind', 'Choose the main type of assessment');
  if (input.kind === 'micro-credential' && input.assessmentKind === 'attendance')
    add(
      'assessmentKind',
      'A credit-rated micro-credential must assess learning outcomes, not attendance alone',
    );
  if (!(input.supervision in SUPERVISION)) add('supervision', 'Choose how assessment is supervised');
  if (input.language.trim().length === 0) add('language', 'Enter the language of teaching and assessment');
  if (input.qaBody.trim().length === 0) add('qaBody', 'Enter the body responsible for quality assurance');
  if (!(input.qaRoute in QA_ROUTES)) add('qaRoute', 'Choose the standard or the streamlined approval route');
  if (input.qaApprovedOn !== null && !isIsoDate(input.qaApprovedOn))
    add('qaApprovedOn', 'Enter the approval date as a real date, for example 2026-03-31');
  if (input.nextReviewOn !== null && !isIsoDate(input.nextReviewOn))
    add('nextReviewOn', 'Enter the next review date as a real date, for example 2028-03-31');
  if (
    input.qaApprovedOn &&
    input.nextReviewOn &&
    isIsoDate(input.qaApprovedOn) &&
    isIsoDate(input.nextReviewOn) &&
    input.nextReviewOn <= input.qaApprovedOn
  )
    add('nextReviewOn', 'The next review date must be after the approval date');
  if (!(input.recognition in RECOGNITION))
    add('recognition', 'Choose certificate of study or certificate of attendance');
  if (input.kind === 'small-qualification' && input.recognition === 'certificate-of-study')
    add(
      'recognition',
      'A certificate of study records credit: a small qualification leads to a certificate of attendance',
    );
  if (!(input.transferability in REACH)) add('transferability', 'Choose where the credential is recognised');
  if (!(input.stackability in REACH)) add('stackability', 'Choose whether it counts towards a larger award');
  if (input.stackability !== 'none' && input.countsTowards.length === 0)
    add('countsTowards', 'Name at least one award it counts towards, or choose that it does not stack');
  input.partners.forEach((partner, index) => {
    if (partner.name.trim().length === 0)
      add(`partners[${index}].name`, `Enter the name of partner ${index + 1}`);
    if (!(partner.kind in PARTNER_KINDS))
      add(`partners[${index}].kind`, `Choose what kind of partner ${partner.name || index + 1} is`);
  });
  return errors;
}

export interface InstitutionInput {
  name: string;
  kind: string;
  region: string;
  website: string;
  summary: string;
  codePrefix: string;
}

/** A new institution as a sector administrator enters it. */
export function validateInstitution(input: InstitutionInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.name.trim().length < 3)
    errors.push({ field: 'name', message: 'Enter the institution’s full name' });
  if (!(INSTITUTION_KINDS as readonly string[]).includes(input.kind))
    errors.push({ field: 'kind', message: 'Choose university, college or other' });
  if (!input.region.trim())
    errors.push({ field: 'region', message: 'Enter the region, for example Highlands and Islands' });
  if (input.website.trim() && !/^https:\/\/[^\s]+$/.test(input.website.trim()))
    errors.push({
      field: 'website',
      message: 'Enter the website as a full address starting https://, or leave it empty',
    });
  if (input.summary.trim().length < 20)
    errors.push({
      field: 'summary',
      message: 'Enter a summary of at least 20 characters for the institution’s page',
    });
  if (!/^[A-Z]{2,5}$/.test(input.codePrefix.trim()))
    errors.push({
      field: 'codePrefix',
      message: 'Enter a module code prefix of 2 to 5 capital letters, like GCU',
    });
  return errors;
}

export function validateOffering(input: OfferingInput): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  for (const field of ['startsOn', 'endsOn', 'enrolBy'] as const) {
    const value = input[field];
    if (value !== null && !isIsoDate(value)) add(field, 'Enter a real date, for example 2027-01-15');
  }
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    add('endsOn', 'The end date must be on or after the start date');
  if (input.startsOn && input.enrolBy && input.enrolBy > input.startsOn)
    add('enrolBy', 'The enrolment deadline must be on or before the start date');
  if (!(input.deliveryMode in DELIVERY_MODES))
    add('deliveryMode', 'Choose online, hybrid, in person or at the workplace');
  if (input.deliveryMode !== 'online' && !input.location?.trim())
    add('location', 'Enter where the course takes place');
  if (!Number.isInteger(input.synchronousHours) || input.synchronousHours < 0)
    add('synchronousHours', 'Enter the live contact hours as a whole number of 0 or more');
  if (!Number.isInteger(input.pricePence) || input.pricePence < 0)
    add('pricePence', 'Enter the price in pounds and pence, 0 or more');
  if (!(input.funding in FUNDING)) add('funding', 'Choose how the course is funded');
  if (input.funding === 'fully-funded' && input.pricePence > 0 && !input.feeNotes?.trim())
    add('feeNotes', 'Explain who the funding covers: the course has a price but is marked as fully funded');
  if (input.places !== null && !isPositiveInteger(input.places))
    add('places', 'Enter the number of places as a whole number of 1 or more, or leave it empty');
  return errors;
}

/** Facts derived from the framework, never stored separately from the credits and level they come from. */
export function frameworkFacts(input: Pick<MicroCredentialInput, 'scqfLevel' | 'scqfCredits'>) {
  return {
    ects: input.scqfCredits === null ? null : ectsFor(input.scqfCredits),
    eqfLevel: input.scqfLevel === null ? null : eqfLevelFor(input.scqfLevel),
    creditsInWords: input.scqfCredits === null ? null : describeCredits(input.scqfCredits),
  };
}

/**
 * The EU Council Recommendation (2022) lists 11 elements every micro-credential must state. Two
 * of them (the learner and the date of issue) belong to the issued credential; the other nine
 * belong to the course and are checked here.
 */
export function missingMandatoryElements(input: MicroCredentialInput, awardingBody: string | null): string[] {
  const missing: string[] = [];
  if (!input.title.trim()) missing.push('Title of the micro-credential');
  if (!awardingBody) missing.push('Awarding body');
  if (input.learningOutcomes.length === 0) missing.push('Learning outcomes');
  if (!(input.notionalHours > 0)) missing.push('Notional workload');
  if (input.kind === 'micro-credential' && input.scqfLevel === null) missing.push('Level of learning');
  if (!input.assessment.trim()) missing.push('Type of assessment');
  if (!input.qaBody.trim()) missing.push('Type of quality assurance');
  return missing;
}

// ---- Search facets -------------------------------------------------------------------------

export const CREDIT_SIZES = {
  'up-to-5': 'Up to 5 credits (50 hours)',
  '6-to-10': '6 to 10 credits (up to 100 hours)',
  '11-to-20': '11 to 20 credits (up to 200 hours)',
  'over-20': 'More than 20 credits',
  'not-credit-rated': 'Not credit-rated',
} as const;
export type CreditSize = keyof typeof CREDIT_SIZES;

export function creditSizeOf(credits: number | null): CreditSize {
  if (credits === null) return 'not-credit-rated';
  if (credits <= 5) return 'up-to-5';
  if (credits <= 10) return '6-to-10';
  if (credits <= 20) return '11-to-20';
  return 'over-20';
}

export const DURATIONS = {
  'up-to-a-day': 'A day or less',
  'up-to-a-week': 'Up to a week',
  '2-to-6-weeks': '2 to 6 weeks',
  '7-to-12-weeks': '7 to 12 weeks',
  'over-12-weeks': 'More than 12 weeks',
  'own-pace': 'At your own pace, within a time frame',
} as const;
export type DurationBand = keyof typeof DURATIONS;

const DAYS_PER_UNIT: Record<DurationUnit, number> = { hours: 1 / 7, days: 1, weeks: 7, months: 30 };

export function durationBandOf(duration: Duration): DurationBand {
  if (duration.kind === 'within') return 'own-pace';
  // Seven hours of contact make a teaching day: a 20-hour course runs over about three days.
  const days = duration.amount * DAYS_PER_UNIT[duration.unit];
  if (days <= 1) return 'up-to-a-day';
  if (days <= 7) return 'up-to-a-week';
  if (days <= 42) return '2-to-6-weeks';
  if (days <= 84) return '7-to-12-weeks';
  return 'over-12-weeks';
}

export function describeDuration(duration: Duration): string {
  const unit = duration.amount === 1 ? duration.unit.replace(/s$/, '') : duration.unit;
  return duration.kind === 'within'
    ? `Complete within ${duration.amount} ${unit}`
    : `${duration.amount} ${unit}`;
}

export const PRICE_BANDS = {
  free: 'Free to the learner',
  'under-100': 'Under £100',
  '100-to-499': '£100 to £499',
  '500-to-999': '£500 to £999',
  '1000-or-more': '£1,000 or more',
  'no-dates': 'No upcoming dates',
} as const;
export type PriceBand = keyof typeof PRICE_BANDS;

export function priceBandOf(pricePence: number | null, isFullyFunded: boolean): PriceBand {
  if (pricePence === null) return 'no-dates';
  if (pricePence === 0 || isFullyFunded) return 'free';
  if (pricePence < 10_000) return 'under-100';
  if (pricePence < 50_000) return '100-to-499';
  if (pricePence < 100_000) return '500-to-999';
  return '1000-or-more';
}

export function formatPrice(pricePence: number): string {
  if (pricePence === 0) return 'Free';
  const pounds = pricePence / 100;
  return `£${pounds.toLocaleString('en-GB', { minimumFractionDigits: Number.isInteger(pounds) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
