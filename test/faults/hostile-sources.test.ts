import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { ARTICLES, PER_PAGE, startPagedSite, writePagedSource } from '../crawl/paged-site.ts';
import { startSite, type FixtureSite } from '../fixtures/http-site.ts';
import { doubledUrls, lastRuns, startService, type Service } from './service.ts';

/** A source whose whole site is the one list page the handler answers. */
async function writeHostileSource(dir: string, id: string, url: string): Promise<void> {
  await fs.writeFile(
    path.join(dir, `${id}.yaml`),
    [`id: ${id}`, 'name: 故障站点', 'region: 示例市', 'list:', `  urls: ["${url}"]`, '  item: ul.list li', 'article:', '  body: "#zoom"', 'schedule:', '  cron: "0 3 1 1 *"', 'politeness:', '  perMinute: 6000', '  timeoutSecs: 2', '  retries: 1', '  backoffSecs: 0.05', ''].join('\n'),
  );
}

/**
 * Five sources crawled at once by one running service: one healthy column and four sites that
 * go wrong in the ways real ones do. Each bad one ends with an error or warning that says what
 * happened; the healthy one stores every article once, as if the others did not exist.
 */
describe('sources that hang, reset, serve garbage, loop or change layout', { timeout: 600_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let pg: TestDb;
  let good: FixtureSite;
  let bad: FixtureSite;
  let service: Service | undefined;
  const hanging: import('node:http').ServerResponse[] = [];

  beforeAll(async () => {
    box = await sandbox();
    pg = await serverDb();
    good = await startPagedSite();
    bad = await startSite({
      '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
      '/hang/list.html': (_req, res) => void hanging.push(res),
      '/reset/list.html': (req) => void req.socket.destroy(),
      '/garbage/list.html': { body: Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) & 0xff)), type: 'text/html' },
      '/loop/list.html': { body: '', status: 302, headers: { location: '/loop/again.html' } },
      '/loop/again.html': { body: '', status: 302, headers: { location: '/loop/list.html' } },
      '/moved/list.html': { body: '<!DOCTYPE html><html><body><div class="newsList"><a href="/moved/1.html">改版后的新闻</a></div></body></html>' },
    });
  }, 120_000);
  afterAll(async () => {
    await service?.kill();
    for (const res of hanging) res.destroy();
    await good?.close();
    await bad?.close();
    await pg?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
  });

  it('ends each bad crawl with a clear error or warning and stores the healthy column whole', async () => {
    const env: NodeJS.ProcessEnv = { ...box.env, DATABASE_URL: pg.url, LOG_LEVEL: 'info' };
    const dir = env.INDWATCH_SELECTORS_DIR!;
    const pages = 2;
    await writePagedSource(dir, 'healthy', good.url, undefined, pages);
    const kinds = ['hang', 'reset', 'garbage', 'loop', 'moved'];
    for (const k of kinds) await writeHostileSource(dir, k, `${bad.url}/${k}/list.html`);

    service = startService(env);
    await waitFor(async () => (service!.logs().includes('schedules installed') ? true : undefined), 180_000);
    for (const id of [...kinds, 'healthy']) expect((await runCli(['crawl', id], { env, timeoutMs: 60_000 })).code).toBe(0);

    const runs = await waitFor(async () => {
      const r = await lastRuns(pg);
      return [...kinds, 'healthy'].every((id) => r.has(id)) ? r : undefined;
    }, 300_000).catch((err: Error) => {
      throw new Error(`${err.message}; the service logged:\n${service!.logs().slice(-3000)}`);
    });

    const said = (id: string) => JSON.stringify(runs.get(id)!.summary);
    expect(runs.get('healthy')!.status).toBe('ok');
    expect(runs.get('healthy')!.summary).toMatchObject({ stored: pages * PER_PAGE });
    expect(await doubledUrls(pg)).toEqual([]);
    expect(pages * PER_PAGE).toBeLessThan(ARTICLES);

    for (const id of ['hang', 'reset', 'loop']) expect(runs.get(id)!.status, said(id)).toBe('error');
    expect(said('hang')).toMatch(/time(d)? ?out/i);
    expect(said('reset')).toMatch(/ECONNRESET|socket hang up|reset|closed/i);
    expect(said('loop')).toMatch(/redirect/i);
    // A page of noise and a page whose list moved look alike to the crawler: no items where the
    // selectors said, which it reports as a possible change of the site.
    for (const id of ['garbage', 'moved']) {
      expect(runs.get(id)!.status, said(id)).toMatch(/warning|error/);
      expect(said(id)).toMatch(/has the site changed\?/);
    }
    process.stderr.write(`hostile sources: ${kinds.map((k) => `${k}=${runs.get(k)!.status}`).join(', ')}; healthy stored ${pages * PER_PAGE}\n`);
  });
});
