import { sql } from 'kysely';
import { simpleParser } from 'mailparser';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { doubledUrls, startService, type Service } from '../faults/service.ts';
import { sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL } from '../helpers/redis.ts';
import { waitFor } from '../helpers/wait.ts';
import { sourceId, startGrowingSites, writeGrowingSource, type GrowingSites } from './growing-sites.ts';
import { percentile, Sampler, steadiness } from './measure.ts';
import { seedDatabase } from './seed.ts';
import { cronEvery, type LoadSize } from './sizes.ts';
import { startSmtpCounter, type SmtpCounter } from './smtp-counter.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The full-size suite's size: SHORT in `npm test`, FULL with `LOAD_FULL=1 npm run test:load` (test/load/sizes.ts). */
    loadSize: LoadSize;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const count = async (t: TestDb, table: 'articles' | 'crawl_runs') => Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(item);
  }
  return groups;
}

/** The time a scheduler's job was due, from its id (`repeat:<scheduler>:<millis>`). */
function dueAt(jobId: string | undefined): number | null {
  const m = /:(\d{13})$/.exec(jobId ?? '');
  return m ? Number(m[1]) : null;
}

/**
 * Issue 14's load at size: sources on local sites that grow between crawls, crawled on schedule
 * by several `indwatch start` processes over a database already holding months of articles,
 * then a digest to every subscriber. Prints a table of queue latency, memory, database size and
 * delivery time; fails if a scheduled crawl did not run or ran twice, an article or a digest was
 * doubled or missed, or (at full size) a process's memory kept growing.
 */
describe('full-size load: sources on schedule, a stored archive, every subscriber mailed', { timeout: 3_600_000 }, () => {
  const table: string[] = [];
  afterAll(() => {
    if (table.length) process.stderr.write(`\nload (full-size suite):\n${table.join('\n')}\n\n`);
  });

  it('crawls every source on schedule once per round and mails each subscriber one digest', async () => {
    const size = inject('loadSize');
    const intervalMs = size.intervalSecs * 1000;
    const wallStart = Date.now();
    const pg = await serverDb();
    const box = await sandbox();
    const services: Service[] = [];
    let sites: GrowingSites | undefined;
    let smtp: SmtpCounter | undefined;
    let queues: Queues | undefined;
    const dbSize = async () => Number((await sql<{ bytes: string }>`select pg_database_size(current_database()) as bytes`.execute(pg.db)).rows[0].bytes);
    try {
      const emptyBytes = await dbSize();
      await seedDatabase(pg.db, size);
      const seedSecs = (Date.now() - wallStart) / 1000;
      const seeded = await count(pg, 'articles');
      expect(seeded).toBe(size.articles);

      sites = await startGrowingSites(size.sources, size.growSecs);
      for (const site of sites.sites) await writeGrowingSource(box.env.INDWATCH_SELECTORS_DIR!, site, cronEvery(size.intervalSecs));
      smtp = await startSmtpCounter();
      const env: NodeJS.ProcessEnv = {
        ...box.env,
        DATABASE_URL: pg.url,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'info',
        // The test fires the digest's tick itself, once the crawl rounds are done.
        INDWATCH_DIGEST_CRON: '0 3 1 1 *',
        // The default 600 a minute would make 10,000 digests last 17 minutes by design: lifted to measure the service.
        INDWATCH_DIGEST_PER_MINUTE: '100000',
        // Subscribers of a region with nothing new that day still get their one message.
        INDWATCH_DIGEST_EMPTY_NOTE: 'true',
      };
      queues = createQueues(redisOptions(REDIS_URL), box.env.INDWATCH_QUEUE_PREFIX!);
      for (let p = 0; p < size.processes; p++) services.push(startService(env));
      await waitFor(async () => (services.every((s) => s.logs().includes('schedules installed')) ? true : undefined), 300_000);
      const sampler = new Sampler(
        services.map((s) => s.child.pid!),
        Math.max(1000, intervalMs / 24),
      );

      // Crawl phase: every source crawled `rounds` times by its schedule.
      const crawlStart = Date.now();
      await waitFor(async () => {
        await sleep(1000);
        const rows = await pg.db
          .selectFrom('crawl_runs')
          .select(['source_id', (eb) => eb.fn.countAll<string>().as('n')])
          .where('status', '!=', 'running')
          .groupBy('source_id')
          .execute();
        return rows.length === size.sources && rows.every((r) => Number(r.n) >= size.rounds) ? true : undefined;
      }, (size.rounds + 3) * intervalMs * 3 + 300_000);
      const crawlSecs = (Date.now() - crawlStart) / 1000;

      // Stop scheduling and let the crawls and articles in flight finish. Finished crawl jobs are
      // kept up to a count (DEFAULT_JOB_OPTIONS): crawling on through the digest would push the
      // first rounds' out before they are read.
      for (const s of await queues.crawl.getJobSchedulers(0, -1)) await queues.crawl.removeJobScheduler(s.key);
      await waitFor(async () => {
        await sleep(500);
        const [crawl, article] = await Promise.all([queues!.crawl.getJobCounts('active', 'waiting', 'prioritized', 'delayed'), queues!.article.getJobCounts('active', 'waiting', 'prioritized', 'delayed')]);
        return [...Object.values(crawl), ...Object.values(article)].every((n) => n === 0) ? true : undefined;
      }, 600_000);
      const crawlSamples = sampler.times.length;

      // Digest phase: the scheduler's tick, fired by the test, queues one digest per subscriber.
      const digestStart = Date.now();
      await queues.digest.add('digest', { kind: 'tick' });
      await waitFor(async () => {
        await sleep(500);
        return smtp!.acceptedAt.length >= size.subscribers ? true : undefined;
      }, size.subscribers * 300 + 300_000);
      const deliverySecs = (smtp.acceptedAt.at(-1)! - digestStart) / 1000;
      const firstMailSecs = (smtp.acceptedAt[0] - digestStart) / 1000;
      // Time for a digest sent twice to arrive before the counts are read.
      await sleep(3000);
      sampler.stop();
      for (const s of services) await s.kill();

      // Queue latency: from when a crawl was due to when a worker took it.
      const jobs = await queues.crawl.getJobs(['completed', 'failed']);
      const failedJobs = jobs.filter((j) => j.failedReason).map((j) => `${j.id}: ${j.failedReason}`);
      const due = jobs.map((j) => ({ source: j.data.sourceId, due: dueAt(j.id), took: j.processedOn ?? 0 })).filter((j) => j.due !== null) as { source: string; due: number; took: number }[];
      const latencies = due.map((j) => (j.took - j.due) / 1000);
      // Behind schedule: a crawl taken after its next one was due, or a due time with no crawl at all.
      let behind = latencies.filter((l) => l * 1000 >= intervalMs).length;
      const bySource = groupBy(due, (j) => j.source);
      for (const list of bySource.values()) {
        const times = list.map((j) => j.due).sort((a, b) => a - b);
        for (let i = 1; i < times.length; i++) behind += Math.round((times[i] - times[i - 1]) / intervalMs) - 1;
      }
      const runs = await pg.db.selectFrom('crawl_runs').select(['source_id', 'status']).execute();
      const runStatuses = Object.fromEntries([...groupBy(runs, (r) => r.status)].map(([k, v]) => [k, v.length]));

      const articles = await count(pg, 'articles');
      const crawled = articles - seeded;
      const stored = await pg.db.selectFrom('articles').select(['source_id', (eb) => eb.fn.countAll<string>().as('n')]).where('id', '>', size.articles).groupBy('source_id').execute();
      const storedBySource = new Map(stored.map((r) => [r.source_id, Number(r.n)]));
      const missedArticles = sites.sites.filter((s) => (storedBySource.get(sourceId(s.n)) ?? 0) !== s.listed).map((s) => `${sourceId(s.n)}: listed ${s.listed}, stored ${storedBySource.get(sourceId(s.n)) ?? 0}`);

      const deliveries = await pg.db.selectFrom('deliveries').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('status').execute();
      // Subscribers of every region (even ids) are all sent the same reports: the period's.
      const reports = await pg.db
        .selectFrom('deliveries')
        .innerJoin('subscribers', 'subscribers.id', 'deliveries.subscriber_id')
        .select([sql<boolean>`subscribers.regions = '[]'::jsonb`.as('everywhere'), (eb) => eb.fn.avg<string>('article_count').as('mean'), (eb) => eb.fn.min('article_count').as('min')])
        .groupBy(sql`subscribers.regions = '[]'::jsonb`)
        .execute();
      const everywhere = reports.find((r) => r.everywhere);
      const oneRegion = reports.find((r) => !r.everywhere);
      const notOnce = [...smtp.perRecipient].filter(([, n]) => n !== 1);
      const sample = await simpleParser(smtp.sample!);

      const dbBytes = await dbSize();

      // Flat once steady is judged over the scheduled crawling; the digest is a burst of its own.
      const samples = sampler.series.map((s) => s.slice(0, crawlSamples));
      const digestSamples = sampler.series.map((s) => s.slice(crawlSamples));
      const memory = samples.map((s) => (size.memoryTolerance === null || s.length < 3 ? null : steadiness(s, size.memoryTolerance)));
      const fmt = (x: number, d = 0) => x.toFixed(d);
      table.push(
        `| measure | value |`,
        `|---|---|`,
        `| size | ${size.sources} sources, ${size.articles} seeded articles, ${size.subscribers} subscribers, ${size.processes} processes, crawl every ${size.intervalSecs} s |`,
        `| seeding | ${fmt(seedSecs, 1)} s |`,
        `| crawl phase | ${fmt(crawlSecs, 1)} s until every source had ${size.rounds} rounds |`,
        `| crawl runs | ${runs.length} (${Object.entries(runStatuses).map(([k, v]) => `${k} ${v}`).join(', ')}), ${failedJobs.length} failed jobs, ${behind} behind schedule |`,
        `| queue latency p50 / p95 / max | ${fmt(percentile(latencies, 0.5), 2)} / ${fmt(percentile(latencies, 0.95), 2)} / ${fmt(Math.max(...latencies), 2)} s |`,
        `| articles | ${articles} (${crawled} crawled), doubled URLs ${(await doubledUrls(pg)).length} |`,
        `| digests | ${smtp.acceptedAt.length} mails to ${smtp.perRecipient.size} addresses; deliveries ${deliveries.map((d) => `${d.status} ${d.n}`).join(', ')} |`,
        `| reports per digest | ${fmt(Number(everywhere?.mean), 1)} (every region), ${fmt(Number(oneRegion?.mean), 1)} (one region) |`,
        `| digest delivery | first after ${fmt(firstMailSecs, 1)} s, all ${size.subscribers} after ${fmt(deliverySecs, 1)} s (${fmt(size.subscribers / deliverySecs, 1)}/s) |`,
        `| database | ${fmt(dbBytes / 1e6)} MB (${fmt(emptyBytes / 1e6)} MB empty), ${fmt((dbBytes - emptyBytes) / articles / 1000, 1)} KB per article with its story, figures and the rest |`,
        ...samples.map(
          (s, i) =>
            `| process ${i + 1} RSS | crawling: p50 ${fmt(percentile(s, 0.5))} MB, max ${fmt(Math.max(...s))} MB, ${s.length} samples${memory[i] ? `, floor middle third ${fmt(memory[i]!.middle)} → last third ${fmt(memory[i]!.last)} MB (${fmt(memory[i]!.growth * 100, 1)}%)` : ''}; digest: max ${fmt(Math.max(...digestSamples[i]))} MB |`,
        ),
        `| wall time | ${fmt((Date.now() - wallStart) / 1000)} s |`,
      );

      expect(failedJobs).toEqual([]);
      expect(runStatuses).toEqual({ ok: runs.length });
      expect(runs.length).toBe(due.length);
      for (const list of bySource.values()) expect(new Set(list.map((j) => j.due)).size).toBe(list.length);
      expect(bySource.size).toBe(size.sources);
      expect(behind).toBe(0);
      expect(missedArticles).toEqual([]);
      expect(await doubledUrls(pg)).toEqual([]);
      expect(notOnce).toEqual([]);
      expect(smtp.perRecipient.size).toBe(size.subscribers);
      expect(deliveries.map((d) => d.status).sort()).toEqual(['sent']);
      expect(sample.subject).toBeTruthy();
      expect(Number(everywhere?.min)).toBeGreaterThan(0);
      for (const m of memory) if (m) expect(m.growth, `memory grew ${(m.growth * 100).toFixed(1)}% once steady`).toBeLessThanOrEqual(size.memoryTolerance!);
    } finally {
      for (const s of services) await s.kill();
      await queues?.close();
      await sites?.close();
      await smtp?.close();
      await pg.close();
      await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
      await box.cleanup();
    }
  });
});
