/**
 * The written parts of a demo course: its title, summary and description, and the awards it
 * counts towards. Kept apart from demo-course.ts, which decides the facts these words describe.
 */
import type { Random, Weighted } from './demo-random.ts';
import {
  APPROACH_TEMPLATES,
  COVERS_TEMPLATES,
  PARTNER_SENTENCES,
  splitStem,
  STACK_SENTENCES,
  stemFits,
  stemSuitsLevel,
  SUBJECT_VOCABULARIES,
  SUMMARY_TEMPLATES,
  TITLE_PATTERNS,
  type SubjectVocabulary,
  type LearnerStage,
  type SummaryTemplate,
  type TitlePattern,
} from './demo-vocabulary.ts';

/** The facts the words are made from. */
export interface CourseWords {
  title: string;
  /** The title's subject as a lower-case phrase. */
  topic: string;
  /** Three more of the subject's topics. */
  topics: string[];
  audience: string;
  /** Newcomers or an introductory course, experts, or in between: it decides the tone. */
  stage: LearnerStage;
  goal: string;
  setting: string;
  /** A second setting, so a description does not name the same one twice. */
  otherSetting: string;
  scqfLevel: number | null;
  scqfCredits: number | null;
  notionalHours: number;
  partner: string | null;
  award: string | null;
}

const MAX_SUMMARY = 400;

// Templates are split once into literal text and placeholder names: the benchmark fills millions.
const compiled = new Map<string, string[]>();

/** Fills {name} placeholders; an unknown name is left visible so a template typo shows in the demo. */
export function fill(template: string, values: Record<string, string>): string {
  let parts = compiled.get(template);
  if (!parts) {
    // split with a capturing group alternates literal text (even indexes) and names (odd indexes).
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  let text = '';
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index] ?? '';
    text += index % 2 === 0 ? part : (values[part] ?? `{${part}}`);
  }
  return text;
}

/** "An 8-credit", "an 11-credit", "an 80-credit": the numbers that are said with a vowel first. */
function startsWithVowelSound(value: number): boolean {
  return value === 8 || value === 11 || value === 18 || (value >= 80 && value <= 89);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_WORDS = new Set(['and', 'of', 'in', 'for', 'the', 'to', 'with']);

function titleCase(text: string): string {
  return text
    .split(' ')
    .map((word, index) => (index > 0 && SMALL_WORDS.has(word) ? word : capitalise(word)))
    .join(' ');
}

/** A stem with every title it can make, worked out once: index 0 for small qualifications, then SCQF levels 1-12. */
interface StemTitles {
  title: string;
  topic: string;
  titlesByLevel: Weighted<string>[];
  suitsLevel: boolean[];
}

const LEVEL_SLOTS = 13;

function titlesFor(subject: SubjectVocabulary, stem: string): StemTitles {
  const { title, topic } = splitStem(stem);
  // Subject patterns suit any level, except that "for Beginners" does not suit postgraduate study.
  const subjectPatterns: TitlePattern[] = subject.titlePatterns.flatMap((candidate) => {
    const {
      text,
      only,
      minLevel = 1,
      maxLevel = 12,
    } = typeof candidate === 'string' ? { text: candidate } : candidate;
    if (only && !only.test(title)) return [];
    const pattern: TitlePattern = {
      text,
      minLevel,
      maxLevel: /Beginners/.test(text) ? Math.min(maxLevel, 7) : maxLevel,
      small: true,
      fits: 'open',
      weight: 1,
      needsNoun: false,
    };
    return [pattern];
  });
  // "{X} for Managers" reads well for "Risk Management" but not for "Traditional Music".
  const forManagers = subject.forManagers?.test(title) ?? false;
  const patterns = [...TITLE_PATTERNS, ...subjectPatterns].filter(
    (candidate) => stemFits(title, candidate) && (forManagers || !candidate.text.endsWith('for Managers')),
  );
  const titlesByLevel: Weighted<string>[] = [];
  const suitsLevel: boolean[] = [];
  for (let slot = 0; slot < LEVEL_SLOTS; slot += 1) {
    const level = slot === 0 ? null : slot;
    titlesByLevel.push(
      patterns
        .filter((candidate) =>
          level === null ? candidate.small : level >= candidate.minLevel && level <= candidate.maxLevel,
        )
        .map((candidate) => [candidate.text.replace('{X}', title), candidate.weight] as const),
    );
    suitsLevel.push(stemSuitsLevel(title, level));
  }
  return { title, topic, titlesByLevel, suitsLevel };
}

const STEM_TITLES = new Map<string, StemTitles[]>(
  SUBJECT_VOCABULARIES.map((subject) => [
    subject.slug,
    subject.stems.map((stem) => titlesFor(subject, stem)),
  ]),
);

/** A title that suits the course's level (or that it is a small qualification), and its topic phrase. */
export function chooseTitle(
  rng: Random,
  subject: SubjectVocabulary,
  scqfLevel: number | null,
): { title: string; topic: string } {
  const stems = STEM_TITLES.get(subject.slug) ?? subject.stems.map((stem) => titlesFor(subject, stem));
  const slot = scqfLevel === null ? 0 : Math.min(Math.max(scqfLevel, 1), LEVEL_SLOTS - 1);
  let stem = rng.pick(stems);
  // A few tries find a stem that suits the level; every subject has plenty that suit any level.
  for (let attempt = 0; attempt < 8 && !stem.suitsLevel[slot]; attempt += 1) stem = rng.pick(stems);
  const titles = stem.titlesByLevel[slot] ?? [];
  // "{X}" fits every stem at every level, so the list is never empty; the fallback is for safety.
  return { title: titles.length > 0 ? rng.weighted(titles) : stem.title, topic: stem.topic };
}

function creditPhrase(words: CourseWords): string {
  if (words.scqfCredits === null || words.scqfLevel === null) return 'a certificate of attendance';
  return `${words.scqfCredits} SCQF ${words.scqfCredits === 1 ? 'credit' : 'credits'} at level ${words.scqfLevel}`;
}

// Templates suited to each level (0 for no credit) and stage of learner, worked out once.
const templatesBySlot: (string[] | undefined)[] = [];
const STAGES: readonly LearnerStage[] = ['early', 'middle', 'experienced'];

function summaryTemplates(level: number | null, stage: LearnerStage): string[] {
  const slot = (level ?? 0) * STAGES.length + STAGES.indexOf(stage);
  let templates = templatesBySlot[slot];
  if (!templates) {
    const suits = (template: SummaryTemplate) =>
      (level === null ? template.small : level >= template.minLevel && level <= template.maxLevel) &&
      (template.suits === 'any' ||
        template.suits === stage ||
        (template.suits === 'early' && stage === 'middle') ||
        (template.suits === 'experienced' && stage === 'middle'));
    templates = SUMMARY_TEMPLATES.filter(suits).map((template) => template.text);
    templatesBySlot[slot] = templates;
  }
  return templates;
}

/** Who the course is for and what they gain, in 20 to 400 characters. */
export function summarise(rng: Random, words: CourseWords): string {
  const topic2 = words.topics[0] ?? words.topic;
  const summary = fill(rng.pick(summaryTemplates(words.scqfLevel, words.stage)), {
    audience: words.audience,
    Audience: capitalise(words.audience),
    goal: words.goal,
    topic: words.topic,
    // "covering infection prevention and control and patient safety" loses track of its "and"s.
    topics:
      words.topic.includes(' and ') || topic2.includes(' and ')
        ? `${words.topic}, as well as ${topic2}`
        : `${words.topic} and ${topic2}`,
    setting: words.setting,
    award: creditPhrase(words),
    A_size:
      words.scqfCredits === null
        ? 'A short'
        : `${startsWithVowelSound(words.scqfCredits) ? 'An' : 'A'} ${words.scqfCredits}-credit`,
  });
  return summary.length <= MAX_SUMMARY
    ? summary
    : `For ${words.audience}: a course to help you ${words.goal}.`.slice(0, MAX_SUMMARY);
}

/** Two to four sentences: what it covers, its size, and sometimes how it is taught and who it is run with. */
export function describeCourse(rng: Random, words: CourseWords): string {
  const [topic1 = words.topic, topic2 = words.topic, topic3 = words.topic] = words.topics;
  const sentences = [fill(rng.pick(COVERS_TEMPLATES), { topic1, topic2, topic3, setting: words.setting })];
  if (rng.chance(0.6)) sentences.push(fill(rng.pick(APPROACH_TEMPLATES), { setting: words.otherSetting }));
  sentences.push(
    words.scqfLevel === null || words.scqfCredits === null
      ? 'It is not credit-rated: you receive a certificate of attendance when you complete it.'
      : `It is set at SCQF level ${words.scqfLevel} and carries ${creditPhrase(words).replace(/ at level \d+$/, '')} (${words.notionalHours} hours of learning).`,
  );
  if (words.partner && rng.chance(0.7))
    sentences.push(fill(rng.pick(PARTNER_SENTENCES), { partner: words.partner }));
  else if (words.award && rng.chance(0.7))
    sentences.push(fill(rng.pick(STACK_SENTENCES), { award: words.award }));
  return sentences.join(' ');
}

/** One or two awards of the right level and kind of provider; a generic award where the subject has none. */
export function stackableAwards(
  rng: Random,
  subject: SubjectVocabulary,
  level: number,
  kind: 'college' | 'university',
): string[] {
  const matching = subject.awards
    .filter(
      (candidate) =>
        level >= candidate.minLevel &&
        level <= candidate.maxLevel &&
        (candidate.by === 'any' || candidate.by === kind),
    )
    .map((candidate) => candidate.name);
  if (matching.length === 0) return [genericAward(subject, level, kind)];
  return rng.sample(matching, rng.chance(0.25) ? 2 : 1);
}

function genericAward(subject: SubjectVocabulary, level: number, kind: 'college' | 'university'): string {
  const name = titleCase(subject.name);
  if (kind === 'college') {
    if (level <= 6) return `National Progression Award in ${name}`;
    if (level === 7) return `HNC ${name}`;
    if (level === 8) return `HND ${name}`;
    return `Professional Development Award in ${name} at SCQF level ${level}`;
  }
  if (level <= 8)
    return `Certificate of Higher Education in ${name} (120 credits, at least 90 at SCQF level 7)`;
  if (level <= 10) return `Graduate Certificate in ${name}`;
  return `PgCert ${name}`;
}
