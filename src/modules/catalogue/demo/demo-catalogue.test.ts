import { describe, expect, it } from 'vitest';
import { validateMicroCredential, validateOffering } from '../catalogue-model.ts';
import {
  DEMO_COUNT,
  DEMO_INSTITUTIONS,
  DEMO_SEED,
  DEMO_SUBJECTS,
  generateDemoCatalogue,
  type DemoMicroCredential,
} from './demo-catalogue.ts';
import { INSTITUTION_PROFILES } from './demo-institutions.ts';
import survey from './survey-baseline-2022.json' with { type: 'json' };

const TODAY = '2026-11-23';
const DAY_MS = 86_400_000;
// Shares are checked on a large catalogue so sampling noise stays well inside the bands.
const LARGE_COUNT = 20_000;
const BAND = 0.06;

const demo = generateDemoCatalogue({ count: DEMO_COUNT, seed: DEMO_SEED, today: TODAY });
const large = generateDemoCatalogue({ count: LARGE_COUNT, seed: DEMO_SEED, today: TODAY });
const kindOf = new Map(DEMO_INSTITUTIONS.map((institution) => [institution.slug, institution.kind]));

function share<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.filter(test).length / items.length;
}

function daysFromToday(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${TODAY}T00:00:00Z`)) / DAY_MS;
}

/** Every validation failure as "slug field: message", so a failing test names what to fix. */
function validationFailures(items: readonly DemoMicroCredential[]): string[] {
  return items.flatMap((item) => [
    ...validateMicroCredential(item.version).map((error) => `${item.slug} ${error.field}: ${error.message}`),
    ...item.offerings.flatMap((offering, index) =>
      validateOffering(offering).map(
        (error) => `${item.slug} offerings[${index}].${error.field}: ${error.message}`,
      ),
    ),
  ]);
}

describe('demo institutions and subjects', () => {
  it('are the 19 universities and 26 colleges of the survey, each with unique slug and code prefix', () => {
    expect(DEMO_INSTITUTIONS).toHaveLength(45);
    expect(new Set(DEMO_INSTITUTIONS.map((institution) => institution.slug)).size).toBe(45);
    expect(new Set(DEMO_INSTITUTIONS.map((institution) => institution.codePrefix)).size).toBe(45);
    expect(DEMO_INSTITUTIONS.filter((institution) => institution.kind === 'university')).toHaveLength(19);
    expect(DEMO_INSTITUTIONS.filter((institution) => institution.kind === 'college')).toHaveLength(26);
  });

  it('has a profile (campuses, size, specialisms) for every institution', () => {
    const missing = DEMO_INSTITUTIONS.filter((institution) => !INSTITUTION_PROFILES[institution.slug]).map(
      (institution) => institution.slug,
    );
    expect(missing).toEqual([]);
    expect(Object.keys(INSTITUTION_PROFILES).filter((slug) => !kindOf.has(slug))).toEqual([]);
  });

  it('has unique subject slugs, including the ones other parts of the hub link to', () => {
    const slugs = DEMO_SUBJECTS.map((subject) => subject.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'business-and-management',
        'computing-and-digital',
        'data-and-ai',
        'care',
        'languages',
      ]),
    );
  });
});

describe('generateDemoCatalogue', () => {
  it('gives the same catalogue for the same options and a different one for another seed', () => {
    const again = generateDemoCatalogue({ count: DEMO_COUNT, seed: DEMO_SEED, today: TODAY });
    expect(again).toEqual(demo);
    const other = generateDemoCatalogue({ count: DEMO_COUNT, seed: DEMO_SEED + 1, today: TODAY });
    expect(other.map((item) => item.slug)).not.toEqual(demo.map((item) => item.slug));
  });

  it('gives the same first courses whatever the count, so small and large catalogues agree', () => {
    expect(generateDemoCatalogue({ count: 50, seed: DEMO_SEED, today: TODAY })).toEqual(demo.slice(0, 50));
  });

  it('rejects a date that is not real', () => {
    expect(() => generateDemoCatalogue({ count: 1, seed: 1, today: '2026-02-30' })).toThrow(
      /not a real date/,
    );
  });

  it('makes a demo big enough to browse, with every institution and every subject in it', () => {
    expect(DEMO_COUNT).toBeGreaterThanOrEqual(300);
    expect(demo).toHaveLength(DEMO_COUNT);
    const institutionsWithCourses = new Set(demo.map((item) => item.institutionSlug));
    expect(
      DEMO_INSTITUTIONS.filter((institution) => !institutionsWithCourses.has(institution.slug)).map(
        (institution) => institution.slug,
      ),
    ).toEqual([]);
    const subjectsWithCourses = new Set(demo.map((item) => item.version.subjectSlug));
    expect(
      DEMO_SUBJECTS.filter((subject) => !subjectsWithCourses.has(subject.slug)).map(
        (subject) => subject.slug,
      ),
    ).toEqual([]);
  });

  it('produces only courses and offerings that pass the catalogue rules', () => {
    expect(validationFailures(demo).slice(0, 10)).toEqual([]);
    expect(validationFailures(large).slice(0, 10)).toEqual([]);
  });

  it('gives every course a unique, URL-safe slug even in a large catalogue', () => {
    const slugs = large.map((item) => item.slug);
    expect(new Set(slugs).size).toBe(LARGE_COUNT);
    expect(slugs.filter((slug) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)).slice(0, 5)).toEqual([]);
  });

  it('keeps sizes, dates, places and prices within the ranges the brief sets', () => {
    const problems: string[] = [];
    for (const { slug, version, offerings } of large) {
      if (version.kind === 'small-qualification' && (version.notionalHours < 3 || version.notionalHours > 40))
        problems.push(`${slug} notional hours ${version.notionalHours}`);
      if (offerings.length < 1 || offerings.length > 3)
        problems.push(`${slug} has ${offerings.length} offerings`);
      for (const offering of offerings) {
        if (offering.startsOn !== null) {
          const start = daysFromToday(offering.startsOn);
          if (start < -14 || start > 270) problems.push(`${slug} starts ${start} days from today`);
        } else if (offering.endsOn !== null || offering.enrolBy !== null)
          problems.push(`${slug} own-pace offering has dates`);
        if (offering.places !== null && (offering.places < 12 || offering.places > 200))
          problems.push(`${slug} places ${offering.places}`);
        if (offering.pricePence > 150_000) problems.push(`${slug} price ${offering.pricePence}`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('teaches levels 4-9 at colleges and 7-11 at universities', () => {
    const levels = (kind: string) =>
      new Set(
        large
          .filter((item) => kindOf.get(item.institutionSlug) === kind && item.version.scqfLevel !== null)
          .map((item) => item.version.scqfLevel),
      );
    expect([...levels('college')].sort((a, b) => Number(a) - Number(b))).toEqual([4, 5, 6, 7, 8, 9]);
    expect([...levels('university')].sort((a, b) => Number(a) - Number(b))).toEqual([7, 8, 9, 10, 11]);
  });

  it('teaches wholly in Gaelic only at Sabhal Mòr Ostaig', () => {
    const gaelic = large.filter((item) => item.version.language === 'Gaelic (Gàidhlig)');
    expect(gaelic.length).toBeGreaterThan(0);
    expect(new Set(gaelic.map((item) => item.institutionSlug))).toEqual(new Set(['sabhal-mor-ostaig']));
  });

  it('writes descriptions of two to four sentences', () => {
    const counts = large.map((item) => item.version.description.split(/(?<=\.)\s+/).length);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
  });
});

describe('the large demo catalogue follows the 2021-22 survey', () => {
  const microCredentials = large.filter((item) => item.version.kind === 'micro-credential');
  const offeringsOf = (kind: string) =>
    large.filter((item) => kindOf.get(item.institutionSlug) === kind).flatMap((item) => item.offerings);

  it('delivers HE courses online and hybrid in the survey proportions', () => {
    const offerings = offeringsOf('university');
    expect(
      Math.abs(
        share(offerings, (offering) => offering.deliveryMode === 'online') -
          survey.delivery_method_share.online,
      ),
    ).toBeLessThan(BAND);
    expect(
      offerings.every((offering) => offering.deliveryMode === 'online' || offering.deliveryMode === 'hybrid'),
    ).toBe(true);
  });

  it('has colleges teaching in person and at the workplace too', () => {
    const offerings = offeringsOf('college');
    expect(share(offerings, (offering) => offering.deliveryMode === 'in-person')).toBeGreaterThan(0.15);
    expect(share(offerings, (offering) => offering.deliveryMode === 'workplace')).toBeGreaterThan(0.08);
  });

  it('lets about the survey share of micro-credentials stack, each naming an award', () => {
    expect(
      Math.abs(
        share(microCredentials, (item) => item.version.stackability !== 'none') -
          survey.stackability.share_stackable,
      ),
    ).toBeLessThan(BAND);
    expect(
      large
        .filter((item) => item.version.stackability !== 'none')
        .every((item) => item.version.countsTowards.length > 0),
    ).toBe(true);
  });

  it('makes about the survey share transferable between institutions, and some not at all', () => {
    expect(
      Math.abs(
        share(large, (item) => item.version.transferability === 'internal-and-external') -
          survey.transferability.share_internal_and_external,
      ),
    ).toBeLessThan(BAND);
    const none = share(large, (item) => item.version.transferability === 'none');
    expect(none).toBeGreaterThan(0.1);
    expect(none).toBeLessThan(0.25);
  });

  it('approves about the survey share by the streamlined route', () => {
    expect(
      Math.abs(
        share(large, (item) => item.version.qaRoute === 'streamlined') -
          survey.approval_process.share_streamlined,
      ),
    ).toBeLessThan(BAND);
  });

  it('has about a quarter small qualifications, a third or more partnered and some accredited', () => {
    const small = share(large, (item) => item.version.kind === 'small-qualification');
    expect(small).toBeGreaterThan(0.18);
    expect(small).toBeLessThan(0.32);
    const partnered = share(large, (item) => item.version.partners.length > 0);
    expect(partnered).toBeGreaterThan(0.3);
    expect(partnered).toBeLessThan(0.45);
    const accredited = share(large, (item) => item.version.accreditation !== null);
    expect(accredited).toBeGreaterThan(0.1);
    expect(accredited).toBeLessThan(0.2);
  });

  it('has partners of every kind, employers the most common as in the survey', () => {
    const kinds = large.flatMap((item) => item.version.partners.map((partner) => partner.kind));
    const counts = new Map<string, number>();
    for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['college', 'consortium', 'employer', 'psrb', 'university']);
    expect(Math.max(...counts.values())).toBe(counts.get('employer'));
  });

  it('offers about one in ten intakes at your own pace', () => {
    const ownPace = share(
      large.flatMap((item) => item.offerings),
      (offering) => offering.startsOn === null,
    );
    expect(ownPace).toBeGreaterThan(0.05);
    expect(ownPace).toBeLessThan(0.15);
  });

  it('uses the words people search with: "data" and "care" are common', () => {
    const text = (item: DemoMicroCredential) =>
      `${item.version.title} ${item.version.summary} ${item.version.keywords.join(' ')}`;
    expect(share(large, (item) => /\bdata\b/i.test(text(item)))).toBeGreaterThanOrEqual(0.03);
    expect(share(large, (item) => /\bcare\b/i.test(text(item)))).toBeGreaterThanOrEqual(0.03);
  });
});
