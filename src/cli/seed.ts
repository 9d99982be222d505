import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseInUseError, openDatabase } from '../platform/db/database.ts';
import { seedDemoData } from '../seed.ts';

/** `npm run seed`: loads the demo data into the configured database if it is empty. */
try {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDataDir: config.dataDir });
  try {
    const seeded = await seedDemoData(database, new Date());
    if (seeded.institutions === 0 && seeded.glossaryTerms === 0) {
      console.log(
        'The database already has data; nothing was loaded. Point DATA_DIR or DATABASE_URL at an empty database to load the demo.',
      );
    } else {
      console.log(
        `Loaded ${seeded.institutions} institutions, ${seeded.microCredentials} micro-credentials and ${seeded.glossaryTerms} glossary terms.`,
      );
    }
  } finally {
    await database.close();
  }
} catch (error) {
  // Problems a person can fix are said plainly; anything else keeps its stack for a bug report.
  console.error(error instanceof ConfigError || error instanceof DatabaseInUseError ? error.message : error);
  process.exitCode = 1;
}
