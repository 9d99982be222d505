import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

/**
 * The databases the integration suite runs on: always the embedded PGlite, and a PostgreSQL server
 * too when TEST_DATABASE_URL names one (CI sets it).
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

function serverUrl(): string {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = new URL(url).pathname.slice(1);
  // A typo here must never point the suite at a database someone cares about.
  if (!name.includes('test'))
    throw new Error(`Refusing to use database '${name}': test databases must have 'test' in their name`);
  return url;
}

export interface TestDatabase {
  database: Database;
  drop(): Promise<void>;
}

/** A fresh, migrated, empty database: in memory for PGlite, a new uniquely named one on the server. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ pgliteDataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const adminUrl = serverUrl();
  const name = `test_hub_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    database,
    async drop() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
