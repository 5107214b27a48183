import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../../src/db/connect.ts';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  db: Db;
  /** The server database's URL, for code under test that opens its own connection. */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, migrated embedded database in memory. */
export async function pgliteDb(): Promise<TestDb> {
  const db = await openDb({});
  return { db, close: () => db.destroy() };
}

/** A fresh, migrated database on the PostgreSQL server, dropped on close. */
export async function serverDb(): Promise<TestDb> {
  const name = `indwatch_test_${randomBytes(6).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    async close() {
      await db.destroy();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Both storage backends, for `describe.each`: every storage test runs on PGlite and on PostgreSQL. */
export const BACKENDS: [string, () => Promise<TestDb>][] = [
  ['PGlite', pgliteDb],
  ['PostgreSQL', serverDb],
];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
