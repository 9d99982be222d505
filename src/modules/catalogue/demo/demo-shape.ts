/**
 * The shape of a demo course, decided before anything else: subject, whether it is credit-rated,
 * its SCQF level and credits, notional hours and duration. The title and words follow from it.
 */
import type { Duration } from '../catalogue-model.ts';
import type { InstitutionContext } from './demo-institutions.ts';
import type { Random } from './demo-random.ts';
import { DURATION_WEIGHTS, SMALL_QUALIFICATION_SHARE, TIME_FRAMES, type Weighted } from './demo-survey.ts';
import type { SubjectVocabulary } from './demo-vocabulary.ts';

/** The size of a course, decided before its title so the title can suit it. */
export interface CourseShape {
  subject: SubjectVocabulary;
  small: boolean;
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number;
  duration: Duration;
}

const LEVELS: Record<'college' | 'university', Weighted<number>> = {
  college: [
    [4, 1],
    [5, 4],
    [6, 5],
    [7, 5],
    [8, 2],
    [9, 1],
  ],
  university: [
    [7, 2],
    [8, 2],
    [9, 4],
    [10, 4],
    [11, 5],
  ],
};

/** The survey's typical sizes are 5, 10, 15 or 20 credits; colleges also run 1-8 credit units. */
const CREDITS: Record<'college' | 'university', Weighted<number>> = {
  college: [
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 5],
    [6, 3],
    [8, 2],
    [10, 5],
    [15, 2],
    [20, 2],
  ],
  university: [
    [5, 4],
    [10, 6],
    [15, 3],
    [20, 5],
    [30, 1],
    [40, 0.4],
    [60, 0.3],
  ],
};

// Low-level college units are small; postgraduate ones rarely are.
const LOW_LEVEL_CREDITS = {
  college: CREDITS.college.filter(([value]) => value <= 10),
  university: CREDITS.university.filter(([value]) => value <= 10),
};
const POSTGRADUATE_CREDITS = {
  college: CREDITS.college.filter(([value]) => value >= 10),
  university: CREDITS.university.filter(([value]) => value >= 10),
};

/** One SCQF credit is ten notional hours; validateMicroCredential holds every course to it. */
const HOURS_PER_CREDIT = 10;

export function chooseSubject(rng: Random, context: InstitutionContext): SubjectVocabulary {
  if (context.specialisms.length > 0 && rng.chance(context.profile.focus))
    return rng.weighted(context.specialisms);
  return rng.weighted(context.subjects);
}

export function shapeCourse(
  rng: Random,
  context: InstitutionContext,
  subject: SubjectVocabulary,
): CourseShape {
  const kind = context.institution.kind;
  const small = rng.chance(SMALL_QUALIFICATION_SHARE[kind]);
  const band = rng.weighted(DURATION_WEIGHTS[kind]);
  if (small) {
    const notionalHours = smallCourseHours(rng, band);
    return {
      subject,
      small,
      scqfLevel: null,
      scqfCredits: null,
      notionalHours,
      duration: smallCourseDuration(rng, band, notionalHours),
    };
  }
  const scqfLevel = rng.weighted(LEVELS[kind]);
  const scqfCredits = rng.weighted(
    scqfLevel <= 5 ? LOW_LEVEL_CREDITS[kind] : scqfLevel >= 11 ? POSTGRADUATE_CREDITS[kind] : CREDITS[kind],
  );
  return {
    subject,
    small,
    scqfLevel,
    scqfCredits,
    notionalHours: scqfCredits * HOURS_PER_CREDIT,
    duration: creditRatedDuration(rng, band === 'within', scqfCredits),
  };
}

function smallCourseHours(rng: Random, band: string): number {
  switch (band) {
    case 'under-10-hours':
      return rng.int(3, 9);
    case '3-8-hours':
      return rng.int(3, 8);
    case '10-20-hours':
      return rng.int(10, 20);
    case '20-30-hours':
      return rng.int(21, 30);
    case '30-plus-hours':
      return rng.int(31, 40);
    case '2-plus-days':
      return rng.pick([14, 14, 21, 21, 28, 35]);
    default:
      return rng.int(6, 30);
  }
}

function smallCourseDuration(rng: Random, band: string, hours: number): Duration {
  if (band === 'within') return { kind: 'within', amount: rng.pick([3, 3, 6]), unit: 'weeks' };
  if (hours <= 8) return { kind: 'fixed', amount: hours, unit: 'hours' };
  if (hours <= 35 && rng.chance(0.5)) return { kind: 'fixed', amount: Math.ceil(hours / 7), unit: 'days' };
  // Otherwise weekly sessions of about three hours.
  return { kind: 'fixed', amount: Math.min(12, Math.ceil(hours / 3)), unit: 'weeks' };
}

function creditRatedDuration(rng: Random, withinTimeFrame: boolean, credits: number): Duration {
  if (withinTimeFrame) {
    const frames = TIME_FRAMES.filter((frame) => credits >= frame.minCredits && credits <= frame.maxCredits);
    const frame = frames.length > 0 ? rng.pick(frames) : { amount: 12, unit: 'months' as const };
    return { kind: 'within', amount: frame.amount, unit: frame.unit };
  }
  if (credits <= 3)
    return rng.chance(0.5)
      ? { kind: 'fixed', amount: Math.ceil((credits * HOURS_PER_CREDIT) / 7), unit: 'days' }
      : { kind: 'fixed', amount: rng.int(3, 6), unit: 'weeks' };
  if (credits <= 6)
    return rng.chance(0.3)
      ? { kind: 'fixed', amount: rng.int(3, 5), unit: 'days' }
      : { kind: 'fixed', amount: rng.int(3, 6), unit: 'weeks' };
  // The survey: 10-20 credit micro-credentials run over 10-15 weeks.
  if (credits <= 10) return { kind: 'fixed', amount: rng.int(6, 10), unit: 'weeks' };
  if (credits <= 20) return { kind: 'fixed', amount: rng.int(10, 15), unit: 'weeks' };
  return rng.chance(0.5)
    ? { kind: 'fixed', amount: rng.int(15, 24), unit: 'weeks' }
    : { kind: 'fixed', amount: 6, unit: 'months' };
}
