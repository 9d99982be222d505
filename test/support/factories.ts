import type { Database } from '../../src/platform/db/database.ts';
import type { MicroCredentialInput, OfferingInput } from '../../src/modules/catalogue/catalogue-model.ts';
import { slugify } from '../../src/modules/catalogue/catalogue-model.ts';
import { anOffering } from './builders.ts';
import { createCatalogueService, type CatalogueService } from '../../src/modules/catalogue/index.ts';
import { createFrameworkService } from '../../src/modules/framework/index.ts';
import type { Institution, NewInstitution } from '../../src/modules/catalogue/catalogue-repository.ts';
import { TEST_TODAY } from './test-app.ts';

export interface CatalogueFixture {
  catalogue: CatalogueService;
  institutions: Map<string, Institution>;
}

export const TEST_SUBJECTS = [
  { slug: 'computing', name: 'Computing and digital' },
  { slug: 'care', name: 'Care' },
  { slug: 'business', name: 'Business and management' },
];

/** Creates institutions and publishes the given courses through the same service the hub uses. */
export async function publishCatalogue(
  database: Database,
  institutions: NewInstitution[],
  courses: { institution: string; input: MicroCredentialInput; offerings?: OfferingInput[]; slug?: string }[],
): Promise<CatalogueFixture> {
  const framework = createFrameworkService(database);
  await framework.seedGlossaryIfEmpty();
  const catalogue = createCatalogueService({ database, framework, clock: () => TEST_TODAY });
  await catalogue.addSubjects(TEST_SUBJECTS);
  const created = await catalogue.addInstitutions(institutions);
  const bySlug = new Map(created.map((institution) => [institution.slug, institution]));
  await catalogue.publishMany(
    courses.map((course, index) => {
      const institution = bySlug.get(course.institution);
      if (!institution) throw new Error(`No institution ${course.institution} in the fixture`);
      return {
        institution,
        slug: course.slug ?? `${slugify(course.input.title)}-${index}`,
        input: course.input,
        offerings: course.offerings ?? [anOffering()],
        publishedAt: new Date(TEST_TODAY.getTime() - index * 86_400_000),
        isDemo: false,
      };
    }),
  );
  return { catalogue, institutions: bySlug };
}
