import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { Config } from '../config.ts';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** PostgreSQL server URL. Without it, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; `memory://` for a throwaway one. */
  dataDir?: string;
}

/** The database the configuration names: the PostgreSQL server, else the embedded one under the data folder. */
export function openConfiguredDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  return openDb({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'db') });
}

/** Opens the database and brings its schema up to date. */
export async function openDb(options: DbOptions): Promise<Db> {
  const db = options.databaseUrl ? openServer(options.databaseUrl) : await openEmbedded(options.dataDir ?? 'memory://');
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

function openServer(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function openEmbedded(dir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dir.startsWith('memory://')) await fs.mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const pglite = await PGlite.create(dir);
  return new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? error}`);
  }
}
