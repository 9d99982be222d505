/**
 * The demo catalogue: Scotland's 45 publicly funded institutions and a deterministic set of
 * example courses shaped by the 2021-22 sector survey. The same options always give the same
 * catalogue, so the demo, its screenshots and the search benchmark are repeatable. Pure: the only
 * input besides the options is the JSON bundled beside this file.
 */
import { slugify, type MicroCredentialInput, type OfferingInput } from '../catalogue-model.ts';
import { buildVersion } from './demo-course.ts';
import { dayNumber } from './demo-dates.ts';
import { profileFor, type DemoInstitution, type InstitutionContext } from './demo-institutions.ts';
import { buildOfferings } from './demo-offerings.ts';
import { chooseSubject, shapeCourse } from './demo-shape.ts';
import {
  COLLEGE_PLATFORMS,
  COLLEGE_QA_COMMITTEES,
  UNIVERSITY_PLATFORMS,
  UNIVERSITY_QA_COMMITTEES,
} from './demo-phrases.ts';
import { createRandom, mixSeed, type Random } from './demo-random.ts';
import { SUBJECT_WEIGHTS, THIRD_PARTY_PLATFORM_SHARE } from './demo-survey.ts';
import { SUBJECT_VOCABULARIES, type SubjectVocabulary } from './demo-vocabulary.ts';
import { chooseTitle } from './demo-words.ts';
import data from './scottish-institutions.json' with { type: 'json' };

export { DEMO_SUBJECTS } from './demo-vocabulary.ts';
export type { DemoInstitution } from './demo-institutions.ts';

export interface DemoMicroCredential {
  slug: string;
  institutionSlug: string;
  version: MicroCredentialInput;
  offerings: OfferingInput[];
}

export interface DemoCatalogueOptions {
  count: number;
  seed: number;
  /** ISO date the catalogue is generated for: offerings start around it, approvals precede it. */
  today: string;
}

/** The survey's publication month, as a number: any fixed seed would do. */
export const DEMO_SEED = 20220801;
/** Enough for every institution to have several courses and every facet to have choices. */
export const DEMO_COUNT = 320;

function toInstitution(raw: (typeof data.institutions)[number]): DemoInstitution {
  // The JSON types kind as any string; a typo there must not become a third kind of institution.
  if (raw.kind !== 'university' && raw.kind !== 'college')
    throw new Error(`Demo institution ${raw.slug} has unknown kind "${raw.kind}"`);
  return {
    slug: raw.slug,
    name: raw.name,
    kind: raw.kind,
    region: raw.region,
    website: raw.website || null,
    summary: raw.summary,
    codePrefix: raw.codePrefix,
  };
}

export const DEMO_INSTITUTIONS: DemoInstitution[] = data.institutions.map(toInstitution);

const SUBJECTS_BY_SLUG = new Map(SUBJECT_VOCABULARIES.map((subject) => [subject.slug, subject]));

// Stream numbers for per-institution choices sit far above any course index, so they never overlap.
const INSTITUTION_STREAM_BASE = 0x40000000;

export function generateDemoCatalogue(options: DemoCatalogueOptions): DemoMicroCredential[] {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`count must be a whole number of 0 or more, not ${count}`);
  const today = dayNumber(options.today);
  const contexts = DEMO_INSTITUTIONS.map((institution, index) =>
    institutionContext(createRandom(mixSeed(seed, INSTITUTION_STREAM_BASE + index)), institution),
  );
  const bySize = contexts.map((context, position) => [position, context.profile.size] as const);
  const slugs = new UniqueSlugs();
  // Titles are shared strings from the vocabulary, so checking them is cheaper than building slugs.
  const titlesByInstitution = contexts.map(() => new Set<string>());
  const items: DemoMicroCredential[] = [];

  for (let index = 0; index < count; index += 1) {
    // Each course has its own stream, so course n is the same whatever the count.
    const rng = createRandom(mixSeed(seed, index));
    // The first pass gives every institution a course; after that larger providers get more.
    const position = index < contexts.length ? index : rng.weighted(bySize);
    const context = contexts[position];
    if (!context) throw new Error('There are no demo institutions to give courses to');
    const subject = chooseSubject(rng, context);
    const shape = shapeCourse(rng, context, subject);
    const titlesUsed = titlesByInstitution[position] ?? new Set<string>();
    let title = chooseTitle(rng, subject, shape.scqfLevel);
    // Prefer a fresh title to a numbered slug, as a real provider would not repeat a course name.
    for (let attempt = 0; attempt < 3 && titlesUsed.has(title.title); attempt += 1)
      title = chooseTitle(rng, subject, shape.scqfLevel);
    titlesUsed.add(title.title);
    const version = buildVersion(rng, context, shape, title, today);
    items.push({
      slug: slugs.claim(`${titleSlug(title.title)}-${context.institution.codePrefix.toLowerCase()}`),
      institutionSlug: context.institution.slug,
      version,
      offerings: buildOfferings(rng, context, version, today),
    });
  }
  return items;
}

// Titles repeat across a large catalogue; slugify normalises Unicode, so remember each result.
const titleSlugs = new Map<string, string>();

function titleSlug(title: string): string {
  let slug = titleSlugs.get(title);
  if (slug === undefined) {
    slug = slugify(title);
    titleSlugs.set(title, slug);
  }
  return slug;
}

/** Hands out slugs, numbering repeats (-2, -3, ...) without rescanning from 2 each time. */
class UniqueSlugs {
  private readonly used = new Set<string>();
  private readonly nextNumber = new Map<string, number>();

  claim(base: string): string {
    if (!this.used.has(base)) {
      this.used.add(base);
      return base;
    }
    let number = this.nextNumber.get(base) ?? 2;
    let slug = `${base}-${number}`;
    while (this.used.has(slug)) {
      number += 1;
      slug = `${base}-${number}`;
    }
    this.nextNumber.set(base, number + 1);
    this.used.add(slug);
    return slug;
  }
}

function institutionContext(rng: Random, institution: DemoInstitution): InstitutionContext {
  const profile = profileFor(institution.slug, institution.region);
  const isCollege = institution.kind === 'college';
  const committees = isCollege ? COLLEGE_QA_COMMITTEES : UNIVERSITY_QA_COMMITTEES;
  const platforms = isCollege ? COLLEGE_PLATFORMS : UNIVERSITY_PLATFORMS;
  const others = DEMO_INSTITUTIONS.filter((other) => other.slug !== institution.slug);
  return {
    institution,
    profile,
    qaBody: `${institution.name} ${rng.pick(committees)}`,
    subjects: SUBJECT_VOCABULARIES.map(
      (subject) =>
        [subject, (SUBJECT_WEIGHTS.get(subject.slug) ?? 0) * leaning(subject, institution)] as const,
    ),
    specialisms: profile.specialisms.flatMap((slug, rank) => {
      const subject = SUBJECTS_BY_SLUG.get(slug);
      // Earlier specialisms are the ones an institution is best known for.
      return subject ? [[subject, 4 - Math.min(rank, 3)] as const] : [];
    }),
    platform: rng.chance(THIRD_PARTY_PLATFORM_SHARE[institution.kind]) ? rng.pick(platforms) : null,
    partnerColleges: nearestFirst(
      rng,
      institution,
      others.filter((other) => other.kind === 'college'),
    ),
    partnerUniversities: nearestFirst(
      rng,
      institution,
      others.filter((other) => other.kind === 'university'),
    ),
  };
}

/** Colleges teach more of the practical subjects and universities more of the postgraduate ones. */
function leaning(subject: SubjectVocabulary, institution: DemoInstitution): number {
  if (subject.leaning === null) return 1;
  return subject.leaning === institution.kind ? 2 : 0.5;
}

/** Institutions in the same region first (partners are usually local), each group in random order. */
function nearestFirst(
  rng: Random,
  institution: DemoInstitution,
  candidates: DemoInstitution[],
): DemoInstitution[] {
  const shuffled = rng.shuffle(candidates);
  return [
    ...shuffled.filter((other) => other.region === institution.region),
    ...shuffled.filter((other) => other.region !== institution.region),
  ];
}
