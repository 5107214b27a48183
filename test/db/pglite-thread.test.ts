import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.ts';

const run = promisify(execFile);

describe('the embedded database in its own thread', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({});
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('keeps the event loop answering while a costly statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = performance.now();
    // A few hundred milliseconds of PostgreSQL's CPU: in-process this froze every timer.
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from generate_series(1, 3000000) g where g % 7 = 0`.execute(db);
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(rows[0].n).toBe('428571');
    expect(ms).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(ms / 10 / 4));
  });

  it("gives PostgreSQL's error code and message to the caller", async () => {
    await sql`create table t_unique (k int primary key)`.execute(db);
    await sql`insert into t_unique values (1)`.execute(db);
    const err = await sql`insert into t_unique values (1)`.execute(db).then(() => undefined, (e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', message: expect.stringContaining('duplicate key') });
  });

  it('rolls a failed transaction back and serves the next query', async () => {
    await sql`create table t_tx (k int)`.execute(db);
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t_tx values (1)`.execute(trx);
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toThrow(/division by zero/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t_tx`.execute(db);
    expect(rows[0].n).toBe(0);
  });
});

describe('a process using the embedded database', () => {
  it('ends by itself when it forgets to close the database, but not while a query is running', async () => {
    const script = `
      import { openDb } from ${JSON.stringify(path.resolve('src/db/connect.ts'))};
      const db = await openDb({});
      const row = await db.selectNoFrom((eb) => eb.lit(42).as('n')).executeTakeFirstOrThrow();
      console.log(row.n);`;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-thread-'));
    try {
      await fs.writeFile(path.join(dir, 'forgets.mjs'), script);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(dir, 'forgets.mjs')], { timeout: 60_000 });
      expect(stdout.trim()).toBe('42');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
