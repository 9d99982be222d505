/**
 * The Scottish Credit and Qualifications Framework in code: levels, credit, notional hours and
 * their European equivalents. Pure: no I/O.
 */

export const SCQF_MIN_LEVEL = 1;
export const SCQF_MAX_LEVEL = 12;
/** One SCQF credit stands for ten notional hours of learning. */
export const NOTIONAL_HOURS_PER_CREDIT = 10;
/** Two SCQF credits make one ECTS credit. */
export const SCQF_CREDITS_PER_ECTS = 2;

export interface ScqfLevel {
  level: number;
  /** What a learner at this level can do, in plain words. */
  meaning: string;
  /** Familiar qualifications at this level, so a learner can place it. */
  examples: string[];
  /** The European Qualifications Framework level it is referenced to, where there is one. */
  eqfLevel: number | null;
}

export const SCQF_LEVELS: readonly ScqfLevel[] = [
  {
    level: 1,
    meaning: 'first steps in learning, with a lot of support',
    examples: ['National 1'],
    eqfLevel: null,
  },
  {
    level: 2,
    meaning: 'basic knowledge and skills used in familiar settings',
    examples: ['National 2'],
    eqfLevel: null,
  },
  {
    level: 3,
    meaning: 'basic knowledge and skills used with some guidance',
    examples: ['National 3'],
    eqfLevel: 1,
  },
  {
    level: 4,
    meaning: 'practical knowledge used in everyday situations',
    examples: ['National 4', 'SVQ 1'],
    eqfLevel: 2,
  },
  {
    level: 5,
    meaning: 'a broad knowledge of a subject, applied with some independence',
    examples: ['National 5', 'SVQ 2'],
    eqfLevel: 3,
  },
  {
    level: 6,
    meaning: 'detailed knowledge, applied to familiar and some new problems',
    examples: ['Higher', 'SVQ 3', 'Foundation Apprenticeship'],
    eqfLevel: 4,
  },
  {
    level: 7,
    meaning: 'the first year of university or a Higher National Certificate',
    examples: ['Advanced Higher', 'HNC', 'Certificate of Higher Education'],
    eqfLevel: 5,
  },
  {
    level: 8,
    meaning: 'the second year of university or a Higher National Diploma',
    examples: ['HND', 'Diploma of Higher Education', 'SVQ 4'],
    eqfLevel: 5,
  },
  {
    level: 9,
    meaning: 'ordinary degree level, with specialist knowledge and independent work',
    examples: ['Ordinary degree', 'Graduate Diploma'],
    eqfLevel: 6,
  },
  {
    level: 10,
    meaning: 'honours degree level, with critical understanding at the forefront of a subject',
    examples: ['Honours degree', 'Graduate Certificate'],
    eqfLevel: 6,
  },
  {
    level: 11,
    meaning: "master's level, with advanced, original work in a specialism",
    examples: ["Master's degree", 'Postgraduate Certificate', 'SVQ 5'],
    eqfLevel: 7,
  },
  { level: 12, meaning: 'doctoral level, creating new knowledge', examples: ['Doctorate'], eqfLevel: 8 },
];

export function isScqfLevel(value: number): boolean {
  return Number.isInteger(value) && value >= SCQF_MIN_LEVEL && value <= SCQF_MAX_LEVEL;
}

export function scqfLevel(level: number): ScqfLevel {
  const found = SCQF_LEVELS[level - 1];
  if (!found || !isScqfLevel(level))
    throw new RangeError(`SCQF level must be a whole number from 1 to 12, not ${level}`);
  return found;
}

export function eqfLevelFor(level: number): number | null {
  return scqfLevel(level).eqfLevel;
}

export function notionalHoursFor(credits: number): number {
  return credits * NOTIONAL_HOURS_PER_CREDIT;
}

export function ectsFor(credits: number): number {
  return credits / SCQF_CREDITS_PER_ECTS;
}

/** "10 SCQF credits = 100 hours of learning = 5 ECTS credits" */
export function describeCredits(credits: number): string {
  const ects = ectsFor(credits);
  return `${credits} SCQF ${credits === 1 ? 'credit' : 'credits'} = ${notionalHoursFor(credits)} hours of learning = ${formatNumber(ects)} ECTS ${ects === 1 ? 'credit' : 'credits'}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
