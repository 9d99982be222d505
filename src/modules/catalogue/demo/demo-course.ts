/**
 * Builds one demo micro-credential version from its shape (demo-shape.ts) and title
 * (demo-words.ts): the words, and the quality, recognition and partnership facts. Every choice
 * is drawn from the random stream it is given, so the same stream always builds the same course.
 */
import type {
  AssessmentKind,
  LearningOutcome,
  MicroCredentialInput,
  PartnerInput,
  Reach,
  ScqfCharacteristic,
  Supervision,
} from '../catalogue-model.ts';
import { isoDate } from './demo-dates.ts';
import { chooseAudience, chooseGoal, fitFor, settingsBeside, topicsBeside } from './demo-fit.ts';
import type { InstitutionContext, InstitutionProfile } from './demo-institutions.ts';
import type { CourseShape } from './demo-shape.ts';
import {
  ASSESSMENT_TEXT,
  GENERIC_CONSORTIA,
  GENERIC_EMPLOYERS,
  PARTNER_ROLES,
  PREREQUISITES,
  UHI_NAME,
  UHI_QA_BODY,
} from './demo-phrases.ts';
import type { Random } from './demo-random.ts';
import {
  ACCREDITED_SHARE,
  PARTNER_KIND_WEIGHTS,
  PARTNERED_SHARE,
  PROVIDER_TERMS,
  STACK_REACH,
  STACKABLE_SHARE,
  STREAMLINED_SHARE,
  TRANSFERABILITY,
} from './demo-survey.ts';
import {
  COMMON_KEYWORDS,
  OUTCOME_TEMPLATES,
  outcomeTierFor,
  type SubjectVocabulary,
} from './demo-vocabulary.ts';
import { describeCourse, stackableAwards, summarise, type CourseWords } from './demo-words.ts';

/** Providers rarely call a course without credit a micro-credential or a module. */
const SMALL_QUALIFICATION_TERMS = {
  college: PROVIDER_TERMS.college.filter(
    ([term]) => term !== 'micro-credential' && term !== 'standalone module',
  ),
  university: PROVIDER_TERMS.university.filter(
    ([term]) => term !== 'micro-credential' && term !== 'standalone module',
  ),
};

/**
 * Everything else about the version, given its shape and title. `today` is a day number; the
 * approval date falls in the two years before it.
 */
export function buildVersion(
  rng: Random,
  context: InstitutionContext,
  shape: CourseShape,
  title: { title: string; topic: string },
  today: number,
): MicroCredentialInput {
  const { institution, profile } = context;
  const { subject, small, scqfLevel, scqfCredits } = shape;
  const isCollege = institution.kind === 'college';
  const tier = small ? rng.pick(['foundation', 'intermediate'] as const) : outcomeTierFor(scqfLevel);

  // Who it is for first, then what they gain, then topics that repeat neither the title nor the goal.
  const fit = fitFor(subject, title.title, title.topic, scqfLevel);
  const who = chooseAudience(rng, fit);
  const aim = chooseGoal(rng, fit, who);
  const topics = rng.sample(topicsBeside(fit, aim), 3);
  const settings = settingsBeside(who.settings ?? subject.settings, aim);
  const setting = rng.pick(settings);
  const stackability: Reach = !small && rng.chance(STACKABLE_SHARE) ? rng.weighted(STACK_REACH) : 'none';
  const countsTowards =
    stackability === 'none' || scqfLevel === null
      ? []
      : stackableAwards(rng, subject, scqfLevel, institution.kind);
  const partners = rng.chance(PARTNERED_SHARE) ? choosePartners(rng, context, subject) : [];
  const assessmentKind = chooseAssessment(rng, subject, small);
  const supervision = chooseSupervision(rng, assessmentKind);
  const approvedOn = today - rng.int(1, 730);
  // Colleges' higher-level courses in the UHI partnership are validated and credit-rated by UHI.
  const uhiValidated = profile.uhiPartner && scqfLevel !== null && scqfLevel >= 7;

  const words: CourseWords = {
    title: title.title,
    topic: title.topic,
    topics,
    audience: who.text,
    stage: who.role === 'new' || fit.intro ? 'early' : who.role === 'expert' ? 'experienced' : 'middle',
    goal: aim.text,
    setting,
    otherSetting: rng.pick(settings.filter((other) => other !== setting).concat(setting)),
    scqfLevel,
    scqfCredits,
    notionalHours: shape.notionalHours,
    partner: partners[0]?.name ?? null,
    award: countsTowards[0] ?? null,
  };

  return {
    title: title.title,
    summary: summarise(rng, words),
    description: describeCourse(rng, words),
    learningOutcomes: outcomes(rng, tier, small, [title.topic, ...topics], setting),
    subjectSlug: subject.slug,
    keywords: keywords(rng, subject),
    kind: small ? 'small-qualification' : 'micro-credential',
    providerTerm: rng.weighted(
      small ? SMALL_QUALIFICATION_TERMS[institution.kind] : PROVIDER_TERMS[institution.kind],
    ),
    scqfLevel,
    scqfCredits,
    notionalHours: shape.notionalHours,
    duration: shape.duration,
    assessment: rng.pick(ASSESSMENT_TEXT[assessmentKind]),
    assessmentKind,
    supervision,
    identityChecked: supervision !== 'unsupervised' || rng.chance(0.2),
    prerequisites: rng.pick(PREREQUISITES[tier]),
    language: chooseLanguage(rng, profile, title.title),
    qaBody: uhiValidated ? UHI_QA_BODY : isCollege && rng.chance(0.3) ? 'SQA' : context.qaBody,
    qaRoute: rng.chance(STREAMLINED_SHARE) ? 'streamlined' : 'standard',
    qaApprovedOn: isoDate(approvedOn),
    creditRatingBody: small ? null : creditRatingBody(rng, context, uhiValidated),
    recognition: small ? 'certificate-of-attendance' : 'certificate-of-study',
    hasTranscript: !small && rng.chance(0.8),
    transferability: rng.weighted(TRANSFERABILITY),
    stackability,
    countsTowards,
    accreditation: rng.chance(ACCREDITED_SHARE) ? rng.pick(subject.accreditors) : null,
    nextReviewOn: isoDate(approvedOn + rng.int(730, 1826)),
    partners,
  };
}

const OTHER_STRANDS: readonly ScqfCharacteristic[] = [
  'cognitive-skills',
  'communication-numeracy-ict',
  'autonomy-and-working-with-others',
];

function outcomes(
  rng: Random,
  tier: ReturnType<typeof outcomeTierFor>,
  small: boolean,
  topics: string[],
  setting: string,
): LearningOutcome[] {
  const count = small ? rng.int(2, 3) : rng.int(3, 5);
  // Every course says what learners will know and what they can do; the other strands vary.
  const strands: ScqfCharacteristic[] = [
    'knowledge-and-understanding',
    'applied-knowledge',
    ...rng.shuffle(OTHER_STRANDS),
  ];
  return strands.slice(0, count).map((characteristic, index) => {
    const template = rng.pick(OUTCOME_TEMPLATES[characteristic][tier]);
    const topic = index === 0 ? (topics[0] ?? 'the subject') : rng.pick(topics);
    return { text: template.replace('{topic}', topic).replace('{setting}', setting), characteristic };
  });
}

function keywords(rng: Random, subject: SubjectVocabulary): string[] {
  const chosen = rng.sample(subject.keywords, rng.int(3, 5));
  if (rng.chance(0.15)) chosen.push(rng.pick(COMMON_KEYWORDS));
  const seen = new Set<string>();
  return chosen.filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function chooseAssessment(rng: Random, subject: SubjectVocabulary, small: boolean): AssessmentKind {
  if (small && rng.chance(0.5)) return 'attendance';
  // The subject lists its most typical kinds first.
  return rng.weighted(
    subject.assessments.map((kind, index) => [kind, index === 0 ? 3 : index === 1 ? 2 : 1] as const),
  );
}

function chooseSupervision(rng: Random, kind: AssessmentKind): Supervision {
  switch (kind) {
    case 'exam':
      return rng.chance(0.6) ? 'supervised' : 'online-proctored';
    case 'practical':
      return 'supervised';
    case 'online-quiz':
      return rng.chance(0.2) ? 'online-proctored' : 'unsupervised';
    case 'attendance':
      return 'unsupervised';
    default:
      return rng.chance(0.15) ? 'supervised' : 'unsupervised';
  }
}

function chooseLanguage(rng: Random, profile: InstitutionProfile, title: string): string {
  if (rng.chance(profile.gaelic)) {
    // Teaching wholly in Gaelic is for a Gaelic college; elsewhere Gaelic courses are bilingual.
    return profile.gaelic >= 0.5 && rng.chance(0.6) ? 'Gaelic (Gàidhlig)' : 'English and Gaelic';
  }
  return /Gaelic/.test(title) ? 'English and Gaelic' : 'English';
}

function choosePartners(
  rng: Random,
  context: InstitutionContext,
  subject: SubjectVocabulary,
): PartnerInput[] {
  const count = rng.chance(0.25) ? 2 : 1;
  const partners: PartnerInput[] = [];
  for (let attempt = 0; partners.length < count && attempt < 4; attempt += 1) {
    const partner = onePartner(rng, context, subject);
    if (partner && !partners.some((existing) => existing.name === partner.name)) partners.push(partner);
  }
  return partners;
}

function onePartner(
  rng: Random,
  context: InstitutionContext,
  subject: SubjectVocabulary,
): PartnerInput | null {
  const kind = rng.weighted(PARTNER_KIND_WEIGHTS);
  if (kind === 'other-institution') {
    // Colleges mostly partner universities for progression, and universities colleges.
    const wantCollege = context.institution.kind === 'university' ? rng.chance(0.7) : rng.chance(0.3);
    const pool = wantCollege ? context.partnerColleges : context.partnerUniversities;
    // Nearest first: the closest few are the likely partners.
    const other = pool.length > 0 ? rng.pick(pool.slice(0, 4)) : null;
    if (!other) return null;
    return { name: other.name, kind: other.kind, role: rng.pick(PARTNER_ROLES[other.kind]) };
  }
  return { name: partnerName(rng, kind, subject), kind, role: rng.pick(PARTNER_ROLES[kind]) };
}

/** Mostly the subject's own employers and consortia, sometimes the national ones every sector works with. */
function partnerName(
  rng: Random,
  kind: 'employer' | 'psrb' | 'consortium',
  subject: SubjectVocabulary,
): string {
  if (kind === 'psrb') return rng.pick(subject.psrbs);
  if (kind === 'employer') return rng.chance(0.7) ? rng.pick(subject.employers) : rng.pick(GENERIC_EMPLOYERS);
  return rng.chance(0.7) && subject.consortia.length > 0
    ? rng.pick(subject.consortia)
    : rng.pick(GENERIC_CONSORTIA);
}

/**
 * Universities credit-rate their own courses. Colleges' courses are credit-rated by SQA or, since
 * some colleges are credit-rating bodies themselves, by the college; UHI partners' by UHI.
 */
function creditRatingBody(rng: Random, context: InstitutionContext, uhiValidated: boolean): string {
  if (context.institution.kind === 'university') return context.institution.name;
  if (uhiValidated) return UHI_NAME;
  return rng.chance(0.6) ? 'SQA' : context.institution.name;
}
