import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';

/** The query builder both drivers share; modules depend on this, never on a driver. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL built with drizzle's `sql` tag and returns plain rows on either driver. */
  rows<Row>(query: SQL): Promise<Row[]>;
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database; `memory://` keeps it in memory (tests). */
  pgliteDataDir?: string;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.pgliteDataDir ?? 'memory://');
}

async function openPglite(dataDir: string): Promise<Database> {
  const isMemory = dataDir.startsWith('memory://');
  if (!isMemory) await mkdir(resolve(dataDir), { recursive: true });
  const client = await PGlite.create(isMemory ? dataDir : resolve(dataDir), { extensions: { pg_trgm } });
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    rows: async <Row>(query: SQL) => (await db.execute(query)).rows as Row[],
    close: () => client.close(),
  };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  pool.on('error', () => {
    // An idle client losing its connection is reported by the next query; nothing to do here.
  });
  const db = drizzleNodePg(pool);
  await migrateNodePg(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    rows: async <Row>(query: SQL) => (await db.execute(query)).rows as Row[],
    close: () => pool.end(),
  };
}
