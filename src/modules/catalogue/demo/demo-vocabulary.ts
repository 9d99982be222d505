/**
 * The words the demo catalogue is written in: subjects with their vocabularies, title patterns,
 * and templates for learning outcomes, summaries and descriptions. Templates use {placeholders}
 * that demo-course.ts fills.
 */
import type { ScqfCharacteristic } from '../catalogue-model.ts';
import { CULTURE_SUBJECTS } from './demo-vocabulary-culture.ts';
import { DIGITAL_SUBJECTS } from './demo-vocabulary-digital.ts';
import { HEALTH_SUBJECTS } from './demo-vocabulary-health.ts';
import { INDUSTRY_SUBJECTS } from './demo-vocabulary-industry.ts';
import type { SubjectVocabulary } from './demo-vocabulary-types.ts';

export type { DemoAward, SubjectVocabulary } from './demo-vocabulary-types.ts';

/** The order subjects are listed in (and facets show): the survey's most-delivered first, then the rest. */
const SUBJECT_ORDER = [
  'business-and-management',
  'computing-and-digital',
  'data-and-ai',
  'health-and-medicine',
  'care',
  'education-and-teaching',
  'hospitality-and-tourism',
  'sustainability-and-net-zero',
  'land-based-and-rural',
  'engineering-and-manufacturing',
  'veterinary-and-animal-care',
  'health-and-safety',
  'creative-and-cultural',
  'construction-and-trades',
  'languages',
];

const ALL_SUBJECTS = [...DIGITAL_SUBJECTS, ...INDUSTRY_SUBJECTS, ...HEALTH_SUBJECTS, ...CULTURE_SUBJECTS];

export const SUBJECT_VOCABULARIES: readonly SubjectVocabulary[] = SUBJECT_ORDER.map((slug) => {
  const subject = ALL_SUBJECTS.find((candidate) => candidate.slug === slug);
  // A subject missing from the word lists would silently vanish from the demo and its facets.
  if (!subject) throw new Error(`The demo vocabulary has no subject ${slug}`);
  return subject;
});

export const DEMO_SUBJECTS: { slug: string; name: string }[] = SUBJECT_VOCABULARIES.map(({ slug, name }) => ({
  slug,
  name,
}));

/** Searched-for words that cut across subjects; added now and then so they are common, as in real catalogues. */
export const COMMON_KEYWORDS = [
  'digital',
  'data',
  'leadership',
  'management',
  'wellbeing',
  'upskilling',
  'CPD',
] as const;

// ---- Titles ---------------------------------------------------------------------------------

/**
 * Which stems a pattern may wrap. A stem that already says its level ("Cloud Fundamentals") or its
 * audience ("Coaching for Teachers") reads badly inside most patterns.
 */
export type StemFit = 'all' | 'unlevelled' | 'open';

export interface TitlePattern {
  text: string;
  /** SCQF levels the pattern suits for credit-rated courses. */
  minLevel: number;
  maxLevel: number;
  /** Whether it suits a small qualification (not credit-rated). */
  small: boolean;
  fits: StemFit;
  weight: number;
  /** "Advanced {X}" and "{X} Essentials" need a noun: "Advanced Managing People" does not read. */
  needsNoun: boolean;
}

function pattern(
  text: string,
  minLevel: number,
  maxLevel: number,
  small: boolean,
  fits: StemFit,
  weight = 1,
  needsNoun = false,
): TitlePattern {
  return { text, minLevel, maxLevel, small, fits, weight, needsNoun };
}

export const TITLE_PATTERNS: readonly TitlePattern[] = [
  pattern('{X}', 1, 12, true, 'all', 5),
  pattern('Introduction to {X}', 1, 8, true, 'unlevelled', 2),
  pattern('{X} in Practice', 5, 12, true, 'open', 1.5),
  pattern('Advanced {X}', 9, 12, false, 'unlevelled', 1.5, true),
  pattern('{X} Essentials', 1, 7, true, 'open', 1, true),
  pattern('Applied {X}', 7, 12, false, 'open', 1, true),
  pattern('Professional Certificate in {X}', 8, 12, false, 'unlevelled'),
  pattern('{X} for Managers', 7, 12, true, 'open'),
  pattern('Fundamentals of {X}', 4, 8, true, 'open'),
  pattern('{X} Awareness', 1, 6, true, 'open', 1, true),
  pattern('{X} Refresher', 1, 12, true, 'open', 0.5, true),
  pattern('Strategic {X}', 10, 12, false, 'open', 0.5, true),
  pattern('{X} for the Workplace', 4, 8, true, 'open'),
  pattern('{X}: Next Steps', 5, 9, false, 'unlevelled', 0.5),
];

const LEVELLED_STEM =
  /\b(Fundamentals|Essentials|Awareness|Introduction|Advanced|Strategic|Refresher|Beginners)\b/;
const QUALIFIED_STEM = /\b(for|with|in|at|Practice|Training|Skills)\b/;
/** Stems that open with a verb rather than a noun, e.g. "Managing Remote Teams". */
const VERBAL_STEM =
  /^(Supporting|Using|Managing|Leading|Decarbonising|Keeping|Curating|Understanding|Working|Moving)\b/;
const BASIC_STEM = /\b(Awareness|Essentials|Fundamentals|Beginners|Refresher|Introduction)\b/;
const ADVANCED_STEM = /\b(Advanced|Strategic)\b/;
/** Leading others is for people with some experience, not a first qualification. */
const LEADING_STEM =
  /\b(Leadership|Leading|Supervision|Managing People|Managing Remote Teams|Managers|(Care Home|Practice|Operations|Human Resource|Farm Business|Arts|Construction Project) Management)\b/;
/** Practical, entry-level skills: not degree or postgraduate study. */
const ENTRY_STEM =
  /\b(Barista|Dog Grooming|Food Hygiene|Manual Handling|First Aid|Working at Height|Painting and Decorating|Plastering|Bricklaying|Digital Skills for Work|Tractor Driving|Chainsaw|Beekeeping|Lone Working|Display Screen|Moving and Assisting|Hotel Front Office|Personal Licence|Wellbeing and Resilience|Record Keeping)\b/;
/** Trade and vocational skills taught at college, up to professional development awards. */
const TRADE_STEM =
  /\b(Plumbing|Joinery|Roofing|Gas Safety|Electrical Installation|Welding|Mechanical Maintenance|Kennel and Cattery|Book-keeping|Payroll|Pastry and Baking|IT Support|Microsoft Excel|Customer Service|Medication Administration|Companion Animal|Electric Vehicle Maintenance)\b/;
/** Specialist or professional subjects that are taught from HNC and degree level up. */
const SPECIALIST_STEM =
  /\b(Prescribing|Medical Education|Global Health|Veterinary Anaesthesia|Diagnostic Imaging|Digital Twins|Space Engineering|Subsea Engineering|Deep Learning|Natural Language Processing|Big Data|Data Engineering|Professional Enquiry|for Teachers|for Nurses|in Nursing|in Schools|Further Education|Teaching Gaelic|Teaching Computing|Digital Learning Design|Online Teaching|Pedagogy|Leadership in Education|Net Zero Strategy|Climate Justice|Hydrogen Economy|Quantity Surveying|One Health|Public Procurement|Clinical Leadership|Data Governance)\b/;

export function stemFits(stem: string, candidate: Pick<TitlePattern, 'fits' | 'needsNoun'>): boolean {
  if (candidate.needsNoun && VERBAL_STEM.test(stem)) return false;
  if (candidate.fits === 'all') return true;
  if (LEVELLED_STEM.test(stem)) return false;
  return candidate.fits === 'unlevelled' || !QUALIFIED_STEM.test(stem);
}

/**
 * "Fire Safety Awareness" is not postgraduate study, "Advanced Clinical Practice" is not a first
 * step, and nobody's first qualification is in leading a team or prescribing medicines.
 */
export function stemSuitsLevel(stem: string, scqfLevel: number | null): boolean {
  if (BASIC_STEM.test(stem)) return scqfLevel === null || scqfLevel <= 8;
  if (ADVANCED_STEM.test(stem)) return scqfLevel !== null && scqfLevel >= 9;
  if (SPECIALIST_STEM.test(stem)) return scqfLevel === null || scqfLevel >= 7;
  if (ENTRY_STEM.test(stem)) return scqfLevel === null || scqfLevel <= 8;
  if (TRADE_STEM.test(stem)) return scqfLevel === null || scqfLevel <= 9;
  if (LEADING_STEM.test(stem)) return scqfLevel === null || scqfLevel >= 6;
  return true;
}

// Words that keep their capital inside a sentence; anything in capitals (SQL, UX) keeps it anyway.
const PROPER_WORDS = new Set([
  'SAGE',
  'Excel',
  'Python',
  'Microsoft',
  'Linux',
  'AutoCAD',
  'Gaelic',
  'Scotland',
  'Scottish',
  'British',
  'NHS',
  'COVID',
  'Power',
  'Git',
]);

/** "Stem|topic" gives its own topic; otherwise the stem is lower-cased except proper nouns and acronyms. */
export function splitStem(stem: string): { title: string; topic: string } {
  const bar = stem.indexOf('|');
  if (bar >= 0) return { title: stem.slice(0, bar), topic: stem.slice(bar + 1) };
  const topic = stem
    .split(' ')
    .map((word) =>
      PROPER_WORDS.has(word) || /^[A-Z0-9().]{2,}$/.test(word) || /[A-Z].*[A-Z]/.test(word)
        ? word
        : word.toLowerCase(),
    )
    .join(' ');
  return { title: stem, topic };
}

// ---- Learning outcomes --------------------------------------------------------------------------

/** Foundation suits SCQF 1-6 and most small qualifications, intermediate 7-9, advanced 10-12. */
export type OutcomeTier = 'foundation' | 'intermediate' | 'advanced';

export function outcomeTierFor(level: number | null): OutcomeTier {
  if (level === null || level <= 6) return 'foundation';
  return level <= 9 ? 'intermediate' : 'advanced';
}

/** {topic} and {setting} are filled from the subject; the verbs follow SCQF level descriptors. */
export const OUTCOME_TEMPLATES: Record<ScqfCharacteristic, Record<OutcomeTier, string[]>> = {
  'knowledge-and-understanding': {
    foundation: [
      'Describe the main ideas of {topic}',
      'Identify the key terms and rules used in {topic}',
      'Outline why {topic} matters in {setting}',
    ],
    intermediate: [
      'Explain the principles of {topic} and how they apply in {setting}',
      'Describe current practice and standards in {topic}',
      'Explain the main theories behind {topic}',
    ],
    advanced: [
      'Critically explain current theory and debate in {topic}',
      'Demonstrate a critical understanding of {topic} and its limits',
      'Critically review recent research on {topic}',
    ],
  },
  'applied-knowledge': {
    foundation: [
      'Use basic techniques for {topic} in a familiar task',
      'Follow agreed procedures for {topic} in {setting}',
      'Carry out simple tasks involving {topic} safely',
    ],
    intermediate: [
      'Apply methods for {topic} to a realistic task in {setting}',
      'Plan and carry out a small piece of work on {topic}',
      'Use recognised tools and techniques for {topic}',
    ],
    advanced: [
      'Apply specialist methods for {topic} to complex problems in {setting}',
      'Design and lead a piece of work on {topic}',
      'Adapt professional practice in {topic} to new situations',
    ],
  },
  'cognitive-skills': {
    foundation: [
      'Recognise common problems with {topic} and suggest simple solutions',
      'Compare two ways of approaching {topic}',
    ],
    intermediate: [
      'Analyse a case study on {topic} and recommend improvements',
      'Evaluate different approaches to {topic} in {setting}',
    ],
    advanced: [
      'Critically evaluate evidence on {topic} and make reasoned judgements',
      'Synthesise research on {topic} to propose changes in {setting}',
    ],
  },
  'communication-numeracy-ict': {
    foundation: [
      'Record and share information about {topic} clearly with others',
      'Use online tools to find and present information about {topic}',
    ],
    intermediate: [
      'Present findings on {topic} to colleagues in writing and in person',
      'Use figures and charts to report on {topic}',
    ],
    advanced: [
      'Communicate complex ideas about {topic} to specialist and non-specialist audiences',
      'Use evidence to build a case for change in {topic}',
    ],
  },
  'autonomy-and-working-with-others': {
    foundation: [
      'Work safely and respectfully with others on tasks involving {topic}',
      'Reflect on your own learning about {topic}',
    ],
    intermediate: [
      'Reflect on your practice in {topic} and plan your next steps',
      'Work with others to improve {topic} in {setting}',
    ],
    advanced: [
      'Take responsibility for leading {topic} in {setting}',
      "Reflect critically on your own and others' practice in {topic}",
    ],
  },
};

// ---- Summaries and descriptions ---------------------------------------------------------------

/**
 * Summaries say who the course is for and what they gain (the catalogue's rule). {award} is the
 * credit or certificate, e.g. "10 SCQF credits at level 7"; {A_size} is "A 10-credit", "An 8-credit"
 * or "A short"; {topics} is the title's topic and one more. Each template suits a range of SCQF
 * levels, courses without credit or not, and the learners it is written for.
 */
export interface SummaryTemplate {
  text: string;
  minLevel: number;
  maxLevel: number;
  small: boolean;
  /**
   * "early" templates ("learn the essentials") are not for experts; "experienced" ones ("build on
   * what you know") are not for newcomers or introductory courses.
   */
  suits: LearnerStage | 'any';
}

/** How far along the learners are: newcomers or an introductory title, experts, or in between. */
export type LearnerStage = 'early' | 'middle' | 'experienced';

function summary(
  text: string,
  minLevel: number,
  maxLevel: number,
  small: boolean,
  suits: SummaryTemplate['suits'] = 'any',
): SummaryTemplate {
  return { text, minLevel, maxLevel, small, suits };
}

export const SUMMARY_TEMPLATES: readonly SummaryTemplate[] = [
  summary(
    'For {audience}. If you want to {goal}, this course gives you a practical grounding in {topic}.',
    1,
    8,
    true,
    'early',
  ),
  summary(
    '{Audience}: learn the essentials of {topic} and how to {goal}. You finish with {award}.',
    1,
    6,
    true,
    'early',
  ),
  summary('Designed for {audience}. Gain confidence in {topic} and {goal}.', 1, 10, true),
  summary('{A_size} course for {audience}, covering {topics}. It will help you {goal}.', 1, 10, true),
  summary(
    'Want to {goal}? This course is for {audience}: it covers {topics}, and you finish with {award}.',
    1,
    12,
    true,
  ),
  summary('For {audience}. It will help you {goal}, with examples drawn from {setting}.', 1, 12, true),
  summary(
    'For {audience}. Build on what you know about {topic} so that you can {goal}.',
    7,
    10,
    false,
    'experienced',
  ),
  summary(
    'For {audience}. You will critically examine current thinking in {topic} and how it can help you {goal}.',
    10,
    12,
    false,
    'experienced',
  ),
  summary(
    '{A_size} postgraduate course for {audience}, covering {topics}. It will help you {goal}.',
    11,
    12,
    false,
  ),
];

export const COVERS_TEMPLATES: readonly string[] = [
  'The course covers {topic1}, {topic2} and {topic3}.',
  'Topics include {topic1}, {topic2} and {topic3}.',
  'You will look at {topic1} and {topic2}, with examples from {setting}.',
];

export const APPROACH_TEMPLATES: readonly string[] = [
  'Learning combines short videos, reading and tutor-led sessions, with activities based on {setting}.',
  'You learn by doing: each week you apply what you have learned to a real task in {setting}.',
  'Tutors with recent experience in the field lead the sessions, and you can study around work.',
  'Sessions are practical and in small groups, with time to ask questions and practise.',
];

export const PARTNER_SENTENCES: readonly string[] = [
  'It was developed with {partner}, so the examples reflect real workplaces.',
  'It is run in partnership with {partner}.',
];

export const STACK_SENTENCES: readonly string[] = [
  'The credit counts towards {award}.',
  'You can use the credit towards {award}.',
];
