import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { freePort, runCli, sandbox } from '../helpers/cli.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { demoSourceYaml } from '../fixtures/demo-source.ts';

// Each case starts the CLI as its own process, as a user would: slow on two busy cores.
describe('the indwatch command line', { timeout: 120_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let site: DemoSite;

  beforeAll(async () => {
    box = await sandbox();
    site = await startDemoSite();
    await fs.writeFile(path.join(box.dir, 'selectors', 'binhai.yaml'), demoSourceYaml('binhai', site.url));
  });

  afterAll(async () => {
    await site?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
  });

  it('--help lists the commands', async () => {
    const r = await runCli(['--help'], { env: box.env });
    expect(r.code).toBe(0);
    for (const cmd of ['demo', 'start', 'sources', 'crawl', 'digest', 'subscribers']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCli(['fly'], { env: box.env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'fly'");
  });

  it('sources validate names the file, line and field of each mistake', async () => {
    const bad = path.join(box.dir, 'bad.yaml');
    await fs.writeFile(bad, 'id: bad\nname: x\nregion: 滨海市\nlist:\n  urls: ["not a url"]\n  item: li\n  pages: 3\nrendering: headless\n');
    const r = await runCli(['sources', 'validate', bad], { env: box.env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:5: list.urls.0: expected an http(s) URL`);
    expect(r.stdout).toContain(`${bad}:7: list.pages: unknown field "pages"`);
    expect(r.stdout).toMatch(new RegExp(`${bad}:8: rendering: .*"static"`));
    const good = await runCli(['sources', 'validate'], { env: box.env });
    expect(good.code).toBe(0);
    expect(good.stdout).toMatch(/^ok {4}.*binhai\.yaml \(binhai, 滨海市\)$/m);
  });

  it('says in one line where it looked for Redis and how to start one', async () => {
    const env = { ...box.env, REDIS_URL: `redis://127.0.0.1:${await freePort()}` };
    const r = await runCli(['crawl', 'binhai'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Redis is not reachable at redis:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. Start one with `redis-server/);
  });

  it('queues a crawl and says so when no worker is running', async () => {
    const r = await runCli(['crawl', 'binhai', '--wait'], { env: box.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/queued crawl manual-binhai-\d+, but no worker is running: start one with `npx indwatch start`, or crawl here with `npx indwatch crawl binhai --inline`/);
  });

  it('names the known sources when asked for an unknown one', async () => {
    const r = await runCli(['crawl', 'nowhere', '--inline'], { env: box.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no source "nowhere" in .*selectors \(known: binhai\)/);
  });

  it('crawls inline, then lists the source with its last crawl and previews the digest', async () => {
    const crawl = await runCli(['crawl', 'binhai', '--inline'], { env: box.env });
    expect(crawl.code).toBe(0);
    expect(crawl.stdout).toMatch(/^binhai: OK — 2 list pages and 5 article pages fetched$/m);
    expect(crawl.stdout).toMatch(/new articles: 5/);

    const again = await runCli(['crawl', 'binhai', '--inline', '--json'], { env: box.env });
    expect(JSON.parse(again.stdout)).toMatchObject({ sourceId: 'binhai', stored: 0, newArticles: 0, status: 'ok' });

    const list = await runCli(['sources', 'list'], { env: box.env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^binhai\s+滨海市\s+15 \*\/4 \* \* \* \(Asia\/Shanghai\)\s+no\s+\d{4}-\d\d-\d\d \d\d:\d\dZ ok$/m);
    const json = await runCli(['sources', 'list', '--json'], { env: box.env });
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'binhai', lastCrawlStatus: 'ok' });

    const preview = await runCli(['digest', 'preview', '--since', '30d'], { env: box.env });
    expect(preview.code).toBe(0);
    // The tourism story is crawled and kept, but it is not an industrial report.
    expect(preview.stdout).toMatch(/^Subject: 滨海市 · 4篇工业报告 · \d+月\d+日—\d+月\d+日$/m);
    expect(preview.stdout).toContain('前三季度全市工业经济稳中有进');
    expect(preview.stdout).not.toContain('金秋时节滨海湾景区迎来赏景高峰');
    const bad = await runCli(['digest', 'preview', '--since', 'last tuesday'], { env: box.env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--since: expected a duration such as 7d');
  });

  it('runs the demo twice: a digest the first time, nothing new the second', async () => {
    const demo = await sandbox();
    try {
      const port = String(await freePort());
      const first = await runCli(['demo', '--port', port], { env: demo.env });
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/new articles: 5/);
      expect(first.stdout).toMatch(/digest for analyst@example\.com: \d+ report/);
      const eml = first.stdout.match(/e-mail: +(\S+\.eml)/)?.[1];
      expect(eml && (await fs.readFile(eml, 'utf8'))).toContain('Subject: =?UTF-8?');
      const second = await runCli(['demo', '--port', port], { env: demo.env });
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/nothing new since the last crawl/);
      expect(second.stdout).toMatch(/no new reports since the last digest/);
      const outbox = await fs.readdir(path.join(demo.dir, 'data', 'outbox'));
      expect(outbox.filter((f) => f.endsWith('.eml'))).toHaveLength(1);
    } finally {
      await dropPrefix(demo.env.INDWATCH_QUEUE_PREFIX!);
      await demo.cleanup();
    }
  });
});
