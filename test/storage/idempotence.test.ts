import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.ts';
import { LSH_BANDS } from '../../src/dedup/thresholds.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { syncSources } from '../../src/store/sources.ts';
import { BACKENDS, serverDb, type TestDb } from '../helpers/db.ts';
import { killTestArticle, SOURCE } from './save-articles.ts';

const CHILD = path.join(import.meta.dirname, 'save-articles.ts');
const COUNT = 12;

/** What a user would count: rows per URL, the stories, and how many places each story has. */
async function census(db: Db) {
  const articles = await db.selectFrom('articles').select(['url', 'story_id']).execute();
  const perStory = await db.selectFrom('articles').select(['story_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('story_id').execute();
  const stories = await db.selectFrom('stories').select(['id', 'primary_article_id']).execute();
  const bands = await db.selectFrom('article_bands').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const figures = await db.selectFrom('figures').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return {
    rows: articles.length,
    urls: new Set(articles.map((a) => a.url)).size,
    stories: stories.length,
    placesPerStory: [...new Set(perStory.map((s) => Number(s.n)))],
    storiesWithoutPrimary: stories.filter((s) => s.primary_article_id === null).length,
    bands: Number(bands.n),
    figures: Number(figures.n),
  };
}

/** Runs the child that stores COUNT articles; with `killAfter`, kills it with SIGKILL once it has stored that many. */
function storeInChild(target: string, killAfter?: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(COUNT)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stored = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      stored = Math.max(stored, ...[...d.toString().matchAll(/stored (\d+)/g)].map((m) => Number(m[1])));
      if (killAfter !== undefined && stored >= killAfter) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve(stored);
      else reject(new Error(`child exited ${code}: ${stderr}`));
    });
  });
}

describe.each(BACKENDS)('storing the same article twice on %s', (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
    await syncSources(t.db, [SOURCE]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps one row and one story place per URL when a page and its copy are stored again, one after the other or at once', async () => {
    const first = [await processArticle(t.db, killTestArticle(0)), await processArticle(t.db, killTestArticle(1))];
    expect(first.map((r) => r.status)).toEqual(['new', 'duplicate']);
    const once = await census(t.db);
    expect(once).toMatchObject({ rows: 2, urls: 2, stories: 1, placesPerStory: [2], storiesWithoutPrimary: 0 });

    expect(once.bands).toBe(2 * LSH_BANDS);
    expect(once.figures).toBe(first[0].figures + first[1].figures);

    const again = [await processArticle(t.db, killTestArticle(0)), await processArticle(t.db, killTestArticle(1))];
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'unchanged']);
    // Two workers handed the same jobs at the same moment.
    const racing = await Promise.all([0, 1, 0, 1, 2, 3, 2, 3].map((i) => processArticle(t.db, killTestArticle(i))));
    expect(racing.filter((r) => r.status === 'unchanged')).toHaveLength(6);
    const firstOfNext = racing.slice(4).filter((r) => r.status !== 'unchanged');
    expect(firstOfNext.map((r) => r.status).sort()).toEqual(['duplicate', 'new']);
    expect(await census(t.db)).toEqual({
      ...once,
      rows: 4,
      urls: 4,
      stories: 2,
      bands: 4 * LSH_BANDS,
      figures: once.figures + firstOfNext.reduce((n, r) => n + r.figures, 0),
    });
  });
});

describe('a store killed mid-crawl and run again', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-kill-'));
  });
  afterAll(async () => {
    await fs.rm(scratch, { recursive: true, force: true });
  });

  /** The same counts as a store that was never interrupted: nothing lost, nothing twice. */
  const expectAllOnce = async (db: Db) => {
    const c = await census(db);
    expect(c).toMatchObject({ rows: COUNT, urls: COUNT, stories: COUNT / 2, placesPerStory: [2], storiesWithoutPrimary: 0, bands: COUNT * LSH_BANDS });
    const uninterrupted = await openDb({});
    try {
      await syncSources(uninterrupted, [SOURCE]);
      for (let i = 0; i < COUNT; i++) await processArticle(uninterrupted, killTestArticle(i));
      expect(c).toEqual(await census(uninterrupted));
    } finally {
      await uninterrupted.destroy();
    }
  };

  it('on PostgreSQL: stores every article once with one place in its story', async () => {
    const t = await serverDb();
    try {
      const killedAt = await storeInChild(t.url!, COUNT / 3);
      expect(killedAt).toBeLessThan(COUNT);
      expect(await storeInChild(t.url!)).toBe(COUNT);
      await expectAllOnce(t.db);
    } finally {
      await t.close();
    }
  }, 300_000);

  it('on PGlite: stores every article once with one place in its story', async () => {
    const dir = path.join(scratch, 'db');
    const killedAt = await storeInChild(dir, COUNT / 3);
    expect(killedAt).toBeLessThan(COUNT);
    expect(await storeInChild(dir)).toBe(COUNT);
    const db = await openDb({ dataDir: dir });
    try {
      await expectAllOnce(db);
    } finally {
      await db.destroy();
    }
  }, 300_000);
});
