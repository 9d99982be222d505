/**
 * Matches a course's words to each other, so a summary reads as one thought: the audiences that
 * suit its title and level, the goals that suit that audience and topic, and the other topics that
 * can sit beside the title's own without repeating it. Worked out once per title and level, then
 * reused, because the benchmark builds 100,000 courses from a few thousand titles.
 */
import type { Random, Weighted } from './demo-random.ts';
import type { DemoAudience, DemoGoal, SubjectVocabulary } from './demo-vocabulary-types.ts';

/** Words too common to count as repeating a topic: "care" in a care course, "data" in a data course. */
const STOP_WORDS = new Set([
  'a',
  'about',
  'across',
  'all',
  'an',
  'and',
  'animal',
  'animals',
  'as',
  'at',
  'better',
  'by',
  'care',
  'data',
  'every',
  'for',
  'from',
  'health',
  'healthcare',
  'healthier',
  'healthy',
  'help',
  'how',
  'in',
  'into',
  'it',
  'learn',
  'learner',
  'learners',
  'learning',
  'manage',
  'management',
  'manager',
  'managers',
  'managing',
  'more',
  'new',
  'of',
  'on',
  'own',
  'people',
  'skills',
  'support',
  'supporting',
  'the',
  'their',
  'to',
  'use',
  'using',
  'well',
  'who',
  'with',
  'work',
  'you',
  'your',
]);

/** Words the title patterns add ("Introduction to", "Professional Certificate in"), not the subject's. */
const PATTERN_WORDS = new Set([
  'introduction',
  'essentials',
  'fundamentals',
  'advanced',
  'applied',
  'strategic',
  'professional',
  'certificate',
  'refresher',
  'next',
  'steps',
]);

const SUFFIXES = ['ship', 'ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ers', 'er', 'ies', 'ity', 'ty', 'es', 's'];

/** A rough stem: "leadership" and "lead" give "lead", "writing" and "writer" give "writ". */
function wordKey(word: string): string {
  let key = word;
  for (let pass = 0; pass < 2; pass += 1) {
    const suffix = SUFFIXES.find((ending) => key.endsWith(ending) && key.length - ending.length >= 3);
    if (!suffix) break;
    key = key.slice(0, -suffix.length);
  }
  return key.slice(0, 5);
}

const keysByPhrase = new Map<string, string[]>();

/** The stems of a phrase's meaningful words, leaving out the pattern words when asked. */
export function phraseKeys(phrase: string, ignorePatternWords = false): string[] {
  const cacheKey = ignorePatternWords ? `\u0000${phrase}` : phrase;
  let keys = keysByPhrase.get(cacheKey);
  if (!keys) {
    keys = [];
    for (const word of phrase.toLowerCase().split(/[^a-z0-9]+/)) {
      if (word.length < 2 || STOP_WORDS.has(word) || (ignorePatternWords && PATTERN_WORDS.has(word))) continue;
      keys.push(wordKey(word));
    }
    keysByPhrase.set(cacheKey, keys);
  }
  return keys;
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.startsWith(short);
}

/** Whether two phrases share a meaningful word, so that putting them side by side would repeat it. */
export function sharesWord(a: readonly string[], b: readonly string[]): boolean {
  return a.some((key) => b.some((other) => sameWord(key, other)));
}

/** Titles for people new to a subject, which are not for experts. */
const INTRO_TITLE = /^Introduction to |\b(Essentials|Awareness|Fundamentals|Beginners)\b/;
/** Titles that build on earlier study or experience, which are not for newcomers. */
const SENIOR_TITLE = /^(Advanced|Strategic|Applied|Professional Certificate)\b|\bRefresher\b/;
/** A second course follows a first, so it is not for complete beginners, though it may be for newcomers. */
const SEQUEL_TITLE = /\bNext Steps\b/;
const BEGINNERS = /\bbeginners\b/;
/** Titles about leading or supervising others, which are for leaders and would-be leaders. */
const LEAD_TITLE =
  /\b(Leadership|Leading|Supervision|Managers|Managing (People|Remote Teams|Safely)|(Care Home|Practice|Cattery|Operations|Human Resource|Farm Business|Arts) Management)\b/;

interface TitleKind {
  intro: boolean;
  senior: boolean;
  sequel: boolean;
  lead: boolean;
}

function roleSuits(candidate: DemoAudience, kind: TitleKind): boolean {
  const { role } = candidate;
  if (kind.lead && role !== 'lead') return false;
  if (kind.intro && role === 'expert') return false;
  if (kind.senior && role === 'new') return false;
  if (kind.sequel && BEGINNERS.test(candidate.text)) return false;
  return true;
}

function levelSuits(item: { minLevel: number; maxLevel: number }, level: number | null, slack = 0): boolean {
  return level === null || (level >= item.minLevel - slack && level <= item.maxLevel + slack);
}

function titleSuits(item: { only: RegExp | null; not: RegExp | null }, title: string): boolean {
  return (item.only === null || item.only.test(title)) && (item.not === null || !item.not.test(title));
}

/** The first non-empty list, loosening the rules one at a time; the last rule is always met. */
function firstNonEmpty<T>(items: readonly T[], rules: readonly ((item: T) => boolean)[]): T[] {
  for (const rule of rules) {
    const kept = items.filter(rule);
    if (kept.length > 0) return kept;
  }
  return items.slice();
}

/** What suits one title at one level: who it is for, and for each of them what they gain. */
export interface TitleFit {
  title: string;
  /** Whether the title is introductory ("Introduction to", "Essentials"). */
  intro: boolean;
  topic: string;
  level: number | null;
  audiences: Weighted<DemoAudience>;
  /** How many rules had to be loosened to find an audience: 0 when the vocabulary covers the title. */
  audienceSlack: number;
  subject: SubjectVocabulary;
  titleKeys: string[];
  otherTopics: string[];
  goals: Map<DemoAudience, { goals: Weighted<DemoGoal>; slack: number }>;
  topicsBeside: Map<DemoGoal, string[]>;
}

const fits = new Map<string, TitleFit>();

/** What suits a title of the subject at a level (null for a course without credit). */
export function fitFor(subject: SubjectVocabulary, title: string, topic: string, level: number | null): TitleFit {
  const key = `${subject.slug}\u0000${level ?? 0}\u0000${title}`;
  let fit = fits.get(key);
  if (!fit) {
    fit = buildFit(subject, title, topic, level);
    fits.set(key, fit);
  }
  return fit;
}

function buildFit(subject: SubjectVocabulary, title: string, topic: string, level: number | null): TitleFit {
  const kind: TitleKind = {
    intro: INTRO_TITLE.test(title),
    senior: SENIOR_TITLE.test(title),
    sequel: SEQUEL_TITLE.test(title),
    lead: LEAD_TITLE.test(title),
  };
  const named = subject.audiences.filter((candidate) => candidate.named?.test(title));
  const pool = named.length > 0 ? named : subject.audiences;
  const rules: ((candidate: DemoAudience) => boolean)[] = [
    (candidate) => levelSuits(candidate, level) && roleSuits(candidate, kind) && titleSuits(candidate, title),
    (candidate) =>
      levelSuits(candidate, level, 1) && roleSuits(candidate, kind) && titleSuits(candidate, title),
    (candidate) => levelSuits(candidate, level) && titleSuits(candidate, title),
    (candidate) => roleSuits(candidate, kind) && titleSuits(candidate, title),
    (candidate) => titleSuits(candidate, title),
  ];
  let audienceSlack = rules.findIndex((rule) => pool.some(rule));
  if (audienceSlack < 0) audienceSlack = rules.length;
  const audiences = firstNonEmpty(pool, rules).map((candidate) => {
    // An audience written for this kind of course fits it better than one that suits any course.
    let weight = candidate.only !== null || named.length > 0 ? 2 : 1;
    if (kind.intro && candidate.role === 'new') weight *= 2;
    return [candidate, weight] as const;
  });
  const titleKeys = [...phraseKeys(title, true), ...phraseKeys(topic, true)];
  const fresh = subject.topics.filter((other) => !sharesWord(phraseKeys(other), titleKeys));
  // Topics written for some courses only ("network security") go with those; three are needed.
  const suited = fresh.filter((other) => subject.topicsOnly?.[other]?.test(title) ?? true);
  const otherTopics = suited.length >= 3 ? suited : fresh;
  return {
    title,
    intro: kind.intro,
    topic,
    level,
    audiences,
    audienceSlack,
    subject,
    titleKeys,
    // A subject whose topics all echo this title still needs three to describe it.
    otherTopics: otherTopics.length >= 3 ? otherTopics : subject.topics.filter((other) => other !== topic),
    goals: new Map(),
    topicsBeside: new Map(),
  };
}

export function chooseAudience(rng: Random, fit: TitleFit): DemoAudience {
  return rng.weighted(fit.audiences);
}

/** The goals that suit an audience on this course, with how many rules were loosened to find them. */
export function goalsFor(fit: TitleFit, who: DemoAudience): { goals: Weighted<DemoGoal>; slack: number } {
  let entry = fit.goals.get(who);
  if (!entry) {
    const { subject, title, level, titleKeys } = fit;
    // A goal that repeats the title ("Person-centred Care ... give person-centred care") says nothing new.
    const fresh = subject.goals.filter((candidate) => !sharesWord(phraseKeys(candidate.text), titleKeys));
    const suitsWho = (candidate: DemoGoal) =>
      (candidate.roles === null || candidate.roles.includes(who.role)) &&
      (candidate.who === null || candidate.who.test(who.text));
    const rules: ((candidate: DemoGoal) => boolean)[] = [
      (candidate) => suitsWho(candidate) && levelSuits(candidate, level) && titleSuits(candidate, title),
      (candidate) => suitsWho(candidate) && titleSuits(candidate, title),
      (candidate) => titleSuits(candidate, title),
      (candidate) => candidate.only === null && suitsWho(candidate),
      (candidate) => candidate.only === null,
    ];
    let slack = rules.findIndex((rule) => fresh.some(rule));
    if (slack < 0) slack = rules.length;
    const chosen = fresh.length > 0 ? firstNonEmpty(fresh, rules) : subject.goals.slice();
    entry = {
      // Goals written for the topic or the audience say more than the subject's general ones.
      goals: chosen.map((candidate) => [candidate, candidate.only !== null || candidate.who !== null ? 4 : 1] as const),
      slack,
    };
    fit.goals.set(who, entry);
  }
  return entry;
}

export function chooseGoal(rng: Random, fit: TitleFit, who: DemoAudience): DemoGoal {
  return rng.weighted(goalsFor(fit, who).goals);
}

/** Topics that neither repeat the title nor the goal, to list beside the title's own topic. */
export function topicsBeside(fit: TitleFit, aim: DemoGoal): string[] {
  let topics = fit.topicsBeside.get(aim);
  if (!topics) {
    const goalKeys = phraseKeys(aim.text);
    const kept = fit.otherTopics.filter((other) => !sharesWord(phraseKeys(other), goalKeys));
    topics = kept.length >= 3 ? kept : fit.otherTopics;
    fit.topicsBeside.set(aim, topics);
  }
  return topics;
}

const settingsByGoal = new Map<DemoGoal, Map<readonly string[], string[]>>();

/** Settings that do not repeat the goal ("lead improvement across your school ... from your school"). */
export function settingsBeside(settings: readonly string[], aim: DemoGoal): string[] {
  let byList = settingsByGoal.get(aim);
  if (!byList) {
    byList = new Map();
    settingsByGoal.set(aim, byList);
  }
  let kept = byList.get(settings);
  if (!kept) {
    const goalKeys = phraseKeys(aim.text);
    kept = settings.filter((setting) => !sharesWord(phraseKeys(setting), goalKeys));
    if (kept.length === 0) kept = settings.slice();
    byList.set(settings, kept);
  }
  return kept;
}
