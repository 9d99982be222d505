import type { Database } from './platform/db/database.ts';
import { createCatalogueService } from './modules/catalogue/index.ts';
import { seedDemoCatalogue } from './modules/catalogue/catalogue-seed.ts';
import { createFrameworkService } from './modules/framework/index.ts';

/** Fills an empty database with the glossary and the demo catalogue; leaves a used one alone. */
export async function seedDemoData(database: Database, now: Date) {
  const framework = createFrameworkService(database);
  const glossaryTerms = await framework.seedGlossaryIfEmpty();
  const catalogue = createCatalogueService({ database, framework, clock: () => now });
  const catalogueCounts = await seedDemoCatalogue(catalogue, now);
  return { glossaryTerms, ...catalogueCounts };
}
