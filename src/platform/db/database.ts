import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
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

export class DatabaseInUseError extends Error {}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded database is a folder that only one process may open: a second writer corrupts it.
 * A lock file naming the owner's process id keeps a second hub process (or a command) out.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = resolve(dataDir, 'hub.lock');
  const owner = Number.parseInt(await readFile(lockFile, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(owner) && owner !== process.pid && isRunning(owner)) {
    throw new DatabaseInUseError(
      `The embedded database in ${dataDir} is open in another hub process (pid ${owner}). Stop that process first, or use a PostgreSQL server through DATABASE_URL.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

async function openPglite(dataDir: string): Promise<Database> {
  const isMemory = dataDir.startsWith('memory://');
  let unlock = async () => {};
  if (!isMemory) {
    await mkdir(resolve(dataDir), { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  const client = await PGlite.create(isMemory ? dataDir : resolve(dataDir, 'pglite'), {
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    rows: async <Row>(query: SQL) => (await db.execute(query)).rows as Row[],
    close: async () => {
      await client.close();
      await unlock();
    },
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
