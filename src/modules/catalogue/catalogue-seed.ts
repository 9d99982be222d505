import type { CatalogueService } from './catalogue-service.ts';
import {
  DEMO_COUNT,
  DEMO_INSTITUTIONS,
  DEMO_SEED,
  DEMO_SUBJECTS,
  generateDemoCatalogue,
} from './demo/demo-catalogue.ts';

/**
 * Loads the demo catalogue: the 45 publicly funded institutions and a deterministic, survey-shaped
 * set of example courses, all marked as demo data. Does nothing if institutions already exist.
 */
export async function seedDemoCatalogue(
  catalogue: CatalogueService,
  today: Date,
): Promise<{ institutions: number; microCredentials: number }> {
  if ((await catalogue.listInstitutions()).length > 0) return { institutions: 0, microCredentials: 0 };
  await catalogue.addSubjects(DEMO_SUBJECTS);
  const institutions = await catalogue.addInstitutions(
    DEMO_INSTITUTIONS.map((institution) => ({
      ...institution,
      website: institution.website ?? null,
      isDemo: true,
    })),
  );
  const bySlug = new Map(institutions.map((institution) => [institution.slug, institution]));
  const items = generateDemoCatalogue({
    count: DEMO_COUNT,
    seed: DEMO_SEED,
    today: today.toISOString().slice(0, 10),
  });
  // Spread publication dates over the past year so "newest first" has something to sort.
  const dayMs = 86_400_000;
  await catalogue.publishMany(
    items.map((item, index) => {
      const institution = bySlug.get(item.institutionSlug);
      if (!institution)
        throw new Error(`Demo course ${item.slug} names unknown institution ${item.institutionSlug}`);
      return {
        institution,
        slug: item.slug,
        input: item.version,
        offerings: item.offerings,
        publishedAt: new Date(today.getTime() - ((index * 37) % 365) * dayMs),
        isDemo: true,
      };
    }),
  );
  return { institutions: institutions.length, microCredentials: items.length };
}
