import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedThread, openDb, type Db } from '../../src/db/connect.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { saveArticle, type ArticleRecord } from '../../src/store/articles.ts';
import { syncSources } from '../../src/store/sources.ts';
import { killTestArticle, SOURCE } from '../storage/save-articles.ts';

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

const record = (a: ReturnType<typeof killTestArticle>): ArticleRecord => ({
  ...a,
  publishedAt: new Date(a.publishedAt),
  fetchedAt: new Date(a.fetchedAt),
  cleanText: a.text,
  contentHash: `content-${a.title}`,
  relevance: { relevant: true, score: 1, reasons: [] },
});

describe('articles stored by the database thread itself', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({});
    await syncSources(db, [SOURCE]);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('waits for a transaction the owning thread has open, then stores the article once', async () => {
    expect(embeddedThread(db)).toBeDefined();
    let stored: Promise<unknown> | undefined;
    await db.transaction().execute(async (trx) => {
      await sql`create table t_open (k int)`.execute(trx);
      // The thread's write needs the session this transaction holds: were it queued behind the
      // owning thread's statements, this transaction's next statement would never run.
      stored = saveArticle(db, record(killTestArticle(0)), []);
      await new Promise((r) => setTimeout(r, 200));
      await sql`insert into t_open values (1)`.execute(trx);
    });
    expect(await stored).toMatchObject({ status: 'new' });
    const copy = await saveArticle(db, record(killTestArticle(1)), []);
    expect(copy.duplicateOf).toBe(((await stored) as { articleId: number }).articleId);
    const rows = await db.selectFrom('articles').select(['url', 'story_id']).orderBy('id').execute();
    expect(rows.map((r) => r.url)).toEqual([killTestArticle(0).url, killTestArticle(1).url]);
    expect(rows[0].story_id).toBe(rows[1].story_id);
  });

  it("gives a failed write's PostgreSQL error to the caller", async () => {
    const err = await processArticle(db, { ...killTestArticle(2), title: null as unknown as string }).then(() => undefined, (e: Error) => e);
    expect(err).toMatchObject({ code: '23502', message: expect.stringContaining('"title"') });
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
