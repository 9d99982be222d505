/**
 * Turns the 2021-22 sector survey into the shares the demo catalogue is drawn from, so the demo
 * looks like the sector the hub's insights compare against. Where the survey counted institutions
 * rather than courses, the comment says how the figure was turned into a per-course share.
 */
import type { DurationUnit, PartnerKind, Reach } from '../catalogue-model.ts';
import survey from './survey-baseline-2022.json' with { type: 'json' };
import type { Weighted } from './demo-random.ts';
import { SUBJECT_VOCABULARIES } from './demo-vocabulary.ts';

export type { Weighted } from './demo-random.ts';
type InstitutionKind = 'university' | 'college';

const surveyedSubjects = new Map<string, number>(Object.entries(survey.subjects_delivering_most));

/** Subject weights: the survey's count of institutions delivering most in each subject. */
export const SUBJECT_WEIGHTS: ReadonlyMap<string, number> = new Map(
  SUBJECT_VOCABULARIES.map((subject) => {
    if (subject.surveyName === null) return [subject.slug, subject.fallbackWeight];
    const count = surveyedSubjects.get(subject.surveyName);
    // A renamed survey key would silently drop a subject from the demo; fail where the cause is visible.
    if (count === undefined)
      throw new Error(`The survey has no subject called "${subject.surveyName}" (used by ${subject.slug})`);
    return [subject.slug, count];
  }),
);

/** HE delivery: the survey's share of online and hybrid delivery. */
export const UNIVERSITY_DELIVERY: Weighted<'online' | 'hybrid'> = [
  ['online', survey.delivery_method_share.online],
  ['hybrid', survey.delivery_method_share['hybrid (online and face-to-face)']],
];

/**
 * College delivery. The survey says 11 of 12 colleges also teach in person and 10 of 12 at the
 * learner's workplace; those rates scale a base mix in which online is still the largest mode.
 */
const collegesSurveyed = survey.delivery_colleges.colleges;
export const COLLEGE_DELIVERY: Weighted<'online' | 'hybrid' | 'in-person' | 'workplace'> = [
  ['online', 0.35],
  ['hybrid', 0.15],
  ['in-person', 0.35 * (survey.delivery_colleges['in-person at institution'] / collegesSurveyed)],
  ['workplace', 0.2 * (survey.delivery_colleges["also at student's workplace"] / collegesSurveyed)],
];

/** Share of institutions that use a third-party online platform. */
export const THIRD_PARTY_PLATFORM_SHARE: Record<InstitutionKind, number> = {
  college: survey.third_party_online_provider.colleges / survey.respondents.colleges,
  university: survey.third_party_online_provider.heis / survey.respondents.heis,
};

/** Bands of the survey's duration questions, as the generator uses them. */
export type DurationBandChoice =
  'under-10-hours' | '10-20-hours' | '20-30-hours' | '30-plus-hours' | '3-8-hours' | '2-plus-days' | 'within';

export const DURATION_WEIGHTS: Record<InstitutionKind, Weighted<DurationBandChoice>> = {
  college: [
    ['under-10-hours', survey.duration_colleges['under 10 hours']],
    ['10-20-hours', survey.duration_colleges['10-20 hours']],
    ['20-30-hours', survey.duration_colleges['20-30 hours']],
    ['30-plus-hours', survey.duration_colleges['30+ hours']],
    ['within', survey.duration_colleges['not fixed, within a time frame']],
  ],
  university: [
    ['3-8-hours', survey.duration_heis['3-8 hours']],
    ['2-plus-days', survey.duration_heis['2+ days']],
    ['within', survey.duration_heis['not fixed, within a time frame']],
  ],
};

/** The survey's time-frame examples ("3 weeks", "6-10 weeks", "a trimester", "a year") as durations. */
export const TIME_FRAMES: readonly {
  amount: number;
  unit: DurationUnit;
  minCredits: number;
  maxCredits: number;
}[] = [
  { amount: 3, unit: 'weeks', minCredits: 0, maxCredits: 5 },
  { amount: 6, unit: 'weeks', minCredits: 0, maxCredits: 10 },
  { amount: 8, unit: 'weeks', minCredits: 5, maxCredits: 15 },
  { amount: 10, unit: 'weeks', minCredits: 5, maxCredits: 20 },
  { amount: 12, unit: 'weeks', minCredits: 10, maxCredits: 30 },
  { amount: 12, unit: 'months', minCredits: 10, maxCredits: 120 },
];

/**
 * Transferability. The survey's shares are of the 24 institutions: 15 internal and external, 1
 * internal only, 4 not transferable, 4 unsure. The unsure are counted as "internal only", the
 * cautious reading of a course nobody has checked.
 */
const institutionsSurveyed = survey.respondents.institutions;
const notTransferable = survey.transferability['not transferable'] / institutionsSurveyed;
export const TRANSFERABILITY: Weighted<Reach> = [
  ['internal-and-external', survey.transferability.share_internal_and_external],
  ['none', notTransferable],
  ['internal', 1 - survey.transferability.share_internal_and_external - notTransferable],
];

/** Stackability of credit-rated courses: share stackable, and how many of those stack externally too. */
export const STACKABLE_SHARE = survey.stackability.share_stackable;
export const STACK_REACH: Weighted<Reach> = [
  ['internal', survey.stackability['internal only']],
  ['internal-and-external', survey.stackability['internal and external (colleges)']],
];

/**
 * 14 of 18 institutions that answered deliver some courses in partnership, but not every course:
 * the demo gives partners to a little over a third of courses.
 */
export const PARTNERED_SHARE = 0.38;
/** The survey counts colleges and universities as one answer ("college or HEI"); the generator picks which. */
export const PARTNER_KIND_WEIGHTS: Weighted<
  Exclude<PartnerKind, 'college' | 'university'> | 'other-institution'
> = [
  ['employer', survey.partnerships.employer],
  ['psrb', survey.partnerships['professional, statutory or regulatory body (PSRB)']],
  ['consortium', survey.partnerships.consortium],
  ['other-institution', survey.partnerships['college or HEI']],
];

/** 6 of 24 institutions have industrial or professional accreditation for some courses: about 15% of courses. */
export const ACCREDITED_SHARE = 0.15;

export const STREAMLINED_SHARE = survey.approval_process.share_streamlined;

/** Not counted by the survey; a quarter keeps both kinds visible in every search. */
export const SMALL_QUALIFICATION_SHARE: Record<InstitutionKind, number> = { college: 0.32, university: 0.18 };

/**
 * Provider terms weighted by how many respondents use them; "bespoke course" by kind, and the five
 * "other" answers shared between the survey's three examples.
 */
const otherTerms = survey.terms_in_use.other / survey.terms_in_use.other_examples.length;
export const PROVIDER_TERMS: Record<InstitutionKind, Weighted<string>> = {
  college: [
    ['short course', survey.terms_in_use['short courses']],
    ['micro-credential', survey.terms_in_use['micro-credentials'] / 2],
    ['bespoke course', survey.terms_in_use['bespoke courses'].colleges],
    ['CPD award', otherTerms],
    ['skills boost', otherTerms],
  ],
  university: [
    ['short course', survey.terms_in_use['short courses'] / 2],
    ['micro-credential', survey.terms_in_use['micro-credentials']],
    ['bespoke course', survey.terms_in_use['bespoke courses'].heis],
    ['CPD award', otherTerms],
    ['standalone module', otherTerms],
  ],
};
