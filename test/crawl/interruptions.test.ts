import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlResult } from '../../src/crawl/crawl-result.ts';
import { runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { ARTICLES, listHtml, listPath, startPagedSite, writePagedSource } from './paged-site.ts';
import { waitFor } from '../helpers/wait.ts';

const stored = async (t: TestDb) => Number((await t.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('a crawl that did not finish is resumed, not trusted', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;

  beforeAll(async () => {
    box = await sandbox();
    pg = await serverDb();
  }, 120_000);
  afterAll(async () => {
    await pg?.close();
    await box?.cleanup();
  });

  it('stores all 250 articles after a crawl killed with SIGKILL once the first list page was stored', async () => {
    // List page 2 hangs until the crawl has been killed, so the kill falls after page 1's articles.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const site = await startPagedSite({
      [listPath(2)]: async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listHtml(2));
      },
    });
    const env = { ...box.env, DATABASE_URL: pg.url };
    try {
      await writePagedSource(box.env.INDWATCH_SELECTORS_DIR!, 'killed', `${site.url}`);
      const child = spawnCli(['crawl', 'killed', '--inline', '--json'], env);
      const exited = new Promise((resolve) => child.on('close', resolve));
      await waitFor(async () => ((await stored(pg)) >= 25 ? true : undefined));
      child.kill('SIGKILL');
      await exited;
      release();
      expect(await stored(pg)).toBe(25);

      const again = await runCli(['crawl', 'killed', '--inline', '--json'], { env, timeoutMs: 300_000 });
      const result = JSON.parse(again.stdout) as CrawlResult;
      expect(await stored(pg)).toBe(ARTICLES);
      expect(result).toMatchObject({ status: 'ok', stored: ARTICLES - 25, interruptedRuns: 1 });
      const runs = await pg.db.selectFrom('crawl_runs').select('status').orderBy('id').execute();
      expect(runs.map((r) => r.status)).toEqual(['interrupted', 'ok']);

      const human = await runCli(['crawl', 'killed', '--inline'], { env, timeoutMs: 300_000 });
      expect(human.stdout).toMatch(/killed: OK/);
      expect(await stored(pg)).toBe(ARTICLES);
    } finally {
      release();
      await site.close();
    }
  });

  it('fetches every article on the next crawl after list page 3 answered HTTP 500 three times', async () => {
    const site = await startPagedSite({
      [listPath(3)]: (_req, res, hit) => {
        if (hit <= 3) return void res.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listHtml(3));
      },
    });
    // Its own PGlite folder: this crawl shares nothing with the one above.
    const own = await sandbox();
    try {
      await writePagedSource(own.env.INDWATCH_SELECTORS_DIR!, 'flaky', site.url);
      const first = JSON.parse((await runCli(['crawl', 'flaky', '--inline', '--json'], { env: own.env, timeoutMs: 300_000 })).stdout) as CrawlResult;
      expect(first.stored).toBe(50);
      expect(first.errors.map((e) => e.message).join('\n')).toMatch(/HTTP 500/);
      const second = JSON.parse((await runCli(['crawl', 'flaky', '--inline', '--json'], { env: own.env, timeoutMs: 300_000 })).stdout) as CrawlResult;
      expect(second).toMatchObject({ status: 'ok', stored: ARTICLES - 50 });
      const third = JSON.parse((await runCli(['crawl', 'flaky', '--inline', '--json'], { env: own.env, timeoutMs: 300_000 })).stdout) as CrawlResult;
      expect(third).toMatchObject({ status: 'ok', stored: 0, listPages: 1 });
    } finally {
      await site.close();
      await own.cleanup();
    }
  });
});
