import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOptions } from '../../src/queue/redis.ts';
import { freePort, runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { dropPrefix, REDIS_URL } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';

/** A column whose pages answer slowly, so a crawl is still running when the service is stopped. */
async function slowSite(delayMs: number) {
  const server = http.createServer((req, res) => {
    const send = (body: string) =>
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      }, delayMs);
    if (req.url === '/list.html') {
      send(`<ul class="list">${[1, 2, 3].map((n) => `<li><a href="/a${n}.html">报告${n}</a><span>2026-11-0${n}</span></li>`).join('')}</ul>`);
    } else {
      const n = req.url?.match(/\d+/)?.[0] ?? '0';
      send(`<h1>报告${n}</h1><div id="zoom"><p>今年前${n}个月，某市规模以上工业增加值同比增长${n}.5%，工业投资增长${n}.2%。</p></div>`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(r)) };
}

// Generous limits: a loaded machine took over 2 minutes to start the service; nothing here is timed.
describe('indwatch start', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let site: Awaited<ReturnType<typeof slowSite>>;

  beforeAll(async () => {
    box = await sandbox();
    site = await slowSite(1500);
    await fs.writeFile(
      path.join(box.dir, 'selectors', 'slow.yaml'),
      `id: slow\nname: 慢站\nregion: 某市\nlist:\n  urls: ["${site.url}list.html"]\n  item: ul.list li\n  date: span\narticle:\n  body: "#zoom"\nschedule:\n  cron: "0 3 * * *"\n`,
    );
  });

  afterAll(async () => {
    await site?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
  });

  it('serves /healthz, runs workers and schedules, and on Ctrl-C hands the running crawl back to the queue', async () => {
    const port = await freePort();
    const child = spawnCli(['start'], { ...box.env, PORT: String(port), LOG_LEVEL: 'info' });
    let logs = '';
    child.stdout.on('data', (d) => (logs += d));
    child.stderr.on('data', (d) => (logs += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const health = await waitFor(async () => {
        const r = await fetch(`http://127.0.0.1:${port}/healthz`);
        return r.ok ? r.json() : undefined;
      });
      expect(health).toEqual({ ok: true, db: true, redis: true });

      const sources = (await (await fetch(`http://127.0.0.1:${port}/api/sources`)).json()) as { id: string; nextCrawlAt: string }[];
      expect(sources).toEqual([expect.objectContaining({ id: 'slow', region: '某市' })]);
      expect(new Date(sources[0].nextCrawlAt).getTime()).toBeGreaterThan(Date.now());

      const waited = await runCli(['crawl', 'slow', '--wait'], { env: box.env, timeoutMs: 400_000 });
      expect(waited.code).toBe(0);
      expect(waited.stdout).toMatch(/^slow: OK — 1 list page and 3 article pages fetched$/m);
      expect(waited.stdout).toMatch(/new articles: 3/);
      expect(waited.stderr).toMatch(/crawling: \d+ list pages?, \d+ articles fetched/);

      // Generated into the data folder on first start (see src/web/operator-token.ts).
      const token = (await fs.readFile(path.join(box.env.INDWATCH_DATA_DIR!, 'secrets', 'operator-token'), 'utf8')).trim();
      const queued = await fetch(`http://127.0.0.1:${port}/api/sources/slow/crawl`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      expect(queued.status).toBe(202);
      const { jobId } = (await queued.json()) as { jobId: string };

      const queue = new Queue('crawl', { connection: redisOptions(REDIS_URL), prefix: box.env.INDWATCH_QUEUE_PREFIX });
      try {
        await waitFor(async () => ((await queue.getJobState(jobId)) === 'active' ? true : undefined));
        child.kill('SIGINT');
        expect(await exited).toBe(0);
        expect(logs).toContain('shutting down: crawls stop taking pages and go back to the queue');
        expect(logs).toContain('"msg":"stopped"');
        // The crawl that was running when the service was stopped is back in the queue (or had finished), not dropped.
        const state = await queue.getJobState(jobId);
        expect(['delayed', 'waiting', 'completed', 'waiting-children']).toContain(state);
      } finally {
        await queue.close();
      }
    } finally {
      child.kill('SIGKILL');
    }

    const list = await runCli(['sources', 'list', '--json'], { env: box.env, timeoutMs: 400_000 });
    expect(['ok', 'interrupted']).toContain(JSON.parse(list.stdout).lastCrawlStatus);
  });
});
