import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli, sandbox } from '../helpers/cli.ts';
import { serverDb } from '../helpers/db.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { PER_PAGE, startPagedSite, writePagedSource } from '../crawl/paged-site.ts';
import type { FixtureSite } from '../fixtures/http-site.ts';
import { doubledUrls, startService, type Service } from '../faults/service.ts';
import { rssMb } from './measure.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Sources crawled per round: 8 by default, LOAD_SOURCES for more (vitest.load.config.ts). */
    loadSources: number;
  }
}

const PAGES = 2;

/**
 * One, two and four worker processes (`indwatch start --no-web`) on one Redis and one PostgreSQL
 * crawl the same number of sources: throughput, queue latency, memory over time, and no crawl
 * or article done twice.
 */
describe('worker processes sharing one Redis and PostgreSQL', { timeout: 3_600_000 }, () => {
  const sites: FixtureSite[] = [];
  const rows: string[] = [];
  afterAll(async () => {
    for (const s of sites) await s.close();
    if (rows.length) process.stderr.write(`load: processes | sources | articles | seconds | articles/s | queue latency p50/max s | RSS max MB per process\n${rows.join('\n')}\n`);
  });

  for (const processes of [1, 2, 4]) {
    it(`${processes} process(es): every source crawled once, every article stored once`, async () => {
      const sourceCount = inject('loadSources') ?? 4;
      while (sites.length < sourceCount) sites.push(await startPagedSite());
      const box = await sandbox();
      const pg = await serverDb();
      const services: Service[] = [];
      try {
        const env: NodeJS.ProcessEnv = { ...box.env, DATABASE_URL: pg.url, LOG_LEVEL: 'info' };
        for (let i = 0; i < sourceCount; i++) await writePagedSource(env.INDWATCH_SELECTORS_DIR!, `s${i}`, sites[i].url, undefined, PAGES);
        for (let p = 0; p < processes; p++) services.push(startService(env));
        await waitFor(async () => (services.every((s) => s.logs().includes('schedules installed')) ? true : undefined), 300_000);
        const rss: number[] = services.map(() => 0);
        const sampler = setInterval(() => services.forEach((s, i) => (rss[i] = Math.max(rss[i], s.child.pid ? rssMb(s.child.pid) : 0))), 1000);
        const queued = new Date();
        const started = Date.now();
        for (let i = 0; i < sourceCount; i++) expect((await runCli(['crawl', `s${i}`], { env, timeoutMs: 60_000 })).code).toBe(0);
        const runs = await waitFor(async () => {
          const r = await pg.db.selectFrom('crawl_runs').select(['source_id', 'status', 'started_at']).execute();
          return r.filter((x) => x.status !== 'running').length >= sourceCount ? r : undefined;
        }, 3_000_000);
        const seconds = (Date.now() - started) / 1000;
        clearInterval(sampler);
        const articles = Number((await pg.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
        const latencies = runs.map((r) => (new Date(r.started_at).getTime() - queued.getTime()) / 1000).sort((a, b) => a - b);
        rows.push(`${processes} | ${sourceCount} | ${articles} | ${seconds.toFixed(1)} | ${(articles / seconds).toFixed(1)} | ${latencies[Math.floor(latencies.length / 2)].toFixed(1)}/${latencies.at(-1)!.toFixed(1)} | ${rss.map((x) => x.toFixed(0)).join(', ')}`);
        expect(runs).toHaveLength(sourceCount);
        expect(new Set(runs.map((r) => r.source_id)).size).toBe(sourceCount);
        expect(articles).toBe(sourceCount * PAGES * PER_PAGE);
        expect(await doubledUrls(pg)).toEqual([]);
      } finally {
        for (const s of services) await s.kill();
        await pg.close();
        await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
        await box.cleanup();
      }
    });
  }
});
