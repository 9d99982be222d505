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

const SUFFIXES = [
  'ship',
  'ations',
  'ation',
  'ments',
  'ment',
  'ings',
  'ing',
  'ers',
  'er',
  'ies',
  'ity',
  'ty',
  'es',
  's',
];

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
      if (word.length < 2 || STOP_WORDS.has(word) || (ignorePatternWords && PATTERN_WORDS.has(word)))
        continue;
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

/** What suits a title at any level: its kind, its fresh topics and goals, and who it names. */
interface TitleInfo {
  subject: SubjectVocabulary;
  title: string;
  kind: TitleKind;
  /** The audiences the title names ("... for Nurses"), or all of the subject's. */
  pool: readonly DemoAudience[];
  named: boolean;
  /** Whether each audience in the pool suits the title's words (its only and not). */
  poolSuitsTitle: boolean[];
  goals: GoalPool;
  topics: TopicPool;
  byLevel: (TitleFit | undefined)[];
}

/**
 * Goals that do not repeat a title, with whether each suits the title's words. Titles of one stem
 * usually share a pool, so the goals for each audience are worked out once for all of them.
 */
interface GoalPool {
  goals: readonly DemoGoal[];
  suitsTitle: boolean[];
  byAudience: Map<DemoAudience, GoalChoice>;
}

/** Topics that can sit beside a title's own, shared like goal pools, and those that suit each goal. */
interface TopicPool {
  topics: string[];
  byGoal: Map<DemoGoal, string[]>;
}

/** The goals that suit an audience on a title, with how many rules were loosened to find them. */
export interface GoalChoice {
  goals: Weighted<DemoGoal>;
  slack: number;
}

/** What suits one title at one level: who it is for, and for each of them what they gain. */
export interface TitleFit {
  info: TitleInfo;
  level: number | null;
  /** Whether the title is introductory ("Introduction to", "Essentials"). */
  intro: boolean;
  audiences: Weighted<DemoAudience>;
  /** How many rules had to be loosened to find an audience: 0 when the vocabulary covers the title. */
  audienceSlack: number;
}

// By subject, then title: titles are the vocabulary's own strings, so lookups build no new keys.
const infos = new Map<SubjectVocabulary, Map<string, TitleInfo>>();
const goalPools = new Map<string, GoalPool>();
const topicPools = new Map<string, TopicPool>();

function goalPool(subject: SubjectVocabulary, goals: readonly DemoGoal[], suitsTitle: boolean[]): GoalPool {
  const key = `${subject.slug}:${goals.map((candidate, index) => `${subject.goals.indexOf(candidate)}${suitsTitle[index] ? '+' : '-'}`).join(',')}`;
  let pool = goalPools.get(key);
  if (!pool) {
    pool = { goals, suitsTitle, byAudience: new Map() };
    goalPools.set(key, pool);
  }
  return pool;
}

function topicPool(subject: SubjectVocabulary, topics: string[]): TopicPool {
  const key = `${subject.slug}:${topics.join('|')}`;
  let pool = topicPools.get(key);
  if (!pool) {
    pool = { topics, byGoal: new Map() };
    topicPools.set(key, pool);
  }
  return pool;
}

/** What suits a title of the subject at a level (null for a course without credit). */
export function fitFor(
  subject: SubjectVocabulary,
  title: string,
  topic: string,
  level: number | null,
): TitleFit {
  let byTitle = infos.get(subject);
  if (!byTitle) {
    byTitle = new Map();
    infos.set(subject, byTitle);
  }
  let info = byTitle.get(title);
  if (!info) {
    info = titleInfo(subject, title, topic);
    byTitle.set(title, info);
  }
  const slot = level ?? 0;
  let fit = info.byLevel[slot];
  if (!fit) {
    fit = levelFit(info, level);
    info.byLevel[slot] = fit;
  }
  return fit;
}

function titleInfo(subject: SubjectVocabulary, title: string, topic: string): TitleInfo {
  const kind: TitleKind = {
    intro: INTRO_TITLE.test(title),
    senior: SENIOR_TITLE.test(title),
    sequel: SEQUEL_TITLE.test(title),
    lead: LEAD_TITLE.test(title),
  };
  const named = subject.audiences.filter((candidate) => candidate.named?.test(title));
  const pool = named.length > 0 ? named : subject.audiences;
  const topicKeys = phraseKeys(topic);
  const titleKeys = [...phraseKeys(title, true), ...topicKeys];
  // A goal that repeats the title ("Person-centred Care ... give person-centred care") says nothing new.
  let goals = subject.goals.filter((candidate) => !sharesWord(phraseKeys(candidate.text), titleKeys));
  if (goals.length === 0) goals = subject.goals;
  // Three topics are needed: first those that repeat nothing in the title, then those that at least
  // do not repeat its topic ("in Practice" may rule out "reflective practice" in a small subject).
  let fresh = subject.topics.filter((other) => !sharesWord(phraseKeys(other), titleKeys));
  if (fresh.length < 3) fresh = subject.topics.filter((other) => !sharesWord(phraseKeys(other), topicKeys));
  // Topics written for some courses only ("network security") go with those.
  const suited = fresh.filter((other) => subject.topicsOnly?.[other]?.test(title) ?? true);
  const otherTopics = suited.length >= 3 ? suited : fresh;
  return {
    subject,
    title,
    kind,
    pool,
    named: named.length > 0,
    poolSuitsTitle: pool.map((candidate) => titleSuits(candidate, title)),
    goals: goalPool(
      subject,
      goals,
      // Shaping an organisation's direction is not what an introductory course promises.
      goals.map((candidate) => titleSuits(candidate, title) && !(kind.intro && candidate.minLevel >= 9)),
    ),
    // A subject whose topics all echo this title still needs three to describe it.
    topics: topicPool(
      subject,
      otherTopics.length >= 3 ? otherTopics : subject.topics.filter((other) => other !== topic),
    ),
    byLevel: [],
  };
}

function levelFit(info: TitleInfo, level: number | null): TitleFit {
  const { pool, poolSuitsTitle, kind } = info;
  const rules: ((candidate: DemoAudience, index: number) => boolean)[] = [
    (candidate, index) =>
      levelSuits(candidate, level) && roleSuits(candidate, kind) && poolSuitsTitle[index] === true,
    (candidate, index) =>
      levelSuits(candidate, level, 1) && roleSuits(candidate, kind) && poolSuitsTitle[index] === true,
    (candidate, index) => levelSuits(candidate, level) && poolSuitsTitle[index] === true,
    (candidate, index) => roleSuits(candidate, kind) && poolSuitsTitle[index] === true,
    (_candidate, index) => poolSuitsTitle[index] === true,
    () => true,
  ];
  let audienceSlack = 0;
  let chosen: DemoAudience[] = [];
  for (; audienceSlack < rules.length; audienceSlack += 1) {
    chosen = pool.filter(rules[audienceSlack] as (candidate: DemoAudience, index: number) => boolean);
    if (chosen.length > 0) break;
  }
  const audiences = chosen.map((candidate) => {
    // An audience written for this kind of course fits it better than one that suits any course.
    let weight = candidate.only !== null || info.named ? 2 : 1;
    if (kind.intro && candidate.role === 'new') weight *= 2;
    return [candidate, weight] as const;
  });
  return { info, level, intro: kind.intro, audiences, audienceSlack };
}

export function chooseAudience(rng: Random, fit: TitleFit): DemoAudience {
  return rng.weighted(fit.audiences);
}

/**
 * The goals that suit an audience on this title, at any level: the few goals tied to levels are
 * checked when one is chosen, so the list is worked out once per title rather than per level.
 */
export function goalsFor(fit: TitleFit, who: DemoAudience): GoalChoice {
  const pool = fit.info.goals;
  let entry = pool.byAudience.get(who);
  if (!entry) {
    const { goals, suitsTitle: goalSuitsTitle } = pool;
    const suitsWho = (candidate: DemoGoal) =>
      (candidate.roles === null || candidate.roles.includes(who.role)) &&
      (candidate.who === null || candidate.who.test(who.text));
    const rules: ((candidate: DemoGoal, index: number) => boolean)[] = [
      (candidate, index) => goalSuitsTitle[index] === true && suitsWho(candidate),
      (_candidate, index) => goalSuitsTitle[index] === true,
      (candidate) => candidate.only === null && suitsWho(candidate),
      (candidate) => candidate.only === null,
      () => true,
    ];
    let slack = 0;
    let chosen: DemoGoal[] = [];
    for (; slack < rules.length; slack += 1) {
      chosen = goals.filter(rules[slack] as (candidate: DemoGoal, index: number) => boolean);
      if (chosen.length > 0) break;
    }
    entry = {
      // Goals written for the topic, then for the audience, say more than the subject's general ones.
      goals: chosen.map(
        (candidate) => [candidate, candidate.only !== null ? 6 : candidate.who !== null ? 3 : 1] as const,
      ),
      slack,
    };
    pool.byAudience.set(who, entry);
  }
  return entry;
}

/** A goal for the audience, one that suits the course's level if a few tries find one. */
export function chooseGoal(rng: Random, fit: TitleFit, who: DemoAudience): DemoGoal {
  const { goals } = goalsFor(fit, who);
  let aim = rng.weighted(goals);
  for (let attempt = 0; attempt < 4 && !levelSuits(aim, fit.level); attempt += 1) aim = rng.weighted(goals);
  if (levelSuits(aim, fit.level)) return aim;
  return goals.find(([candidate]) => levelSuits(candidate, fit.level))?.[0] ?? aim;
}

/** Topics that neither repeat the title nor the goal, to list beside the title's own topic. */
export function topicsBeside(fit: TitleFit, aim: DemoGoal): string[] {
  const pool = fit.info.topics;
  let topics = pool.byGoal.get(aim);
  if (!topics) {
    const goalKeys = phraseKeys(aim.text);
    const kept = pool.topics.filter((other) => !sharesWord(phraseKeys(other), goalKeys));
    topics = kept.length >= 3 ? kept : pool.topics;
    pool.byGoal.set(aim, topics);
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
