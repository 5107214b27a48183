import type { AppContext } from '../context.ts';

const CRAWL_PREFIX = 'crawl:';

// BullMQ 6 declares a scheduler's id with the queue's job-name type, but ids are free strings.
const schedulerId = <N extends string>(id: string) => id as N;
const DIGEST_SCHEDULER = 'digest';

/**
 * One BullMQ job scheduler per source, from its cron, plus the digest's. Schedulers of sources
 * that no longer exist are removed, so deleting a selectors file stops its crawls.
 */
export async function syncSchedulers(ctx: AppContext): Promise<{ crawl: number; removed: number }> {
  const wanted = new Set<string>();
  for (const source of ctx.sources.all()) {
    const id = `${CRAWL_PREFIX}${source.id}`;
    wanted.add(id);
    await ctx.queues.crawl.upsertJobScheduler(
      schedulerId<'crawl'>(id),
      { pattern: source.schedule.cron, tz: source.schedule.timezone },
      { name: 'crawl', data: { sourceId: source.id } },
    );
  }
  let removed = 0;
  for (const s of await ctx.queues.crawl.getJobSchedulers(0, -1)) {
    if (s.key.startsWith(CRAWL_PREFIX) && !wanted.has(s.key)) {
      await ctx.queues.crawl.removeJobScheduler(s.key);
      removed++;
    }
  }
  await syncDigestScheduler(ctx);
  return { crawl: wanted.size, removed };
}

/**
 * The digest's tick (each run queues the digests now due, per subscriber and period) and the
 * messages-per-minute limit, kept in Redis so it holds across every worker process.
 */
export async function syncDigestScheduler(ctx: Pick<AppContext, 'queues' | 'config'>): Promise<void> {
  await ctx.queues.digest.upsertJobScheduler(
    schedulerId<'digest'>(DIGEST_SCHEDULER),
    { pattern: ctx.config.digestCron, tz: ctx.config.timezone },
    { name: 'digest', data: { kind: 'tick' } },
  );
  await ctx.queues.digest.setGlobalRateLimit(ctx.config.digest.perMinute, 60_000);
}

/** When each source's next scheduled crawl is due, by source id. */
export async function nextCrawls(ctx: Pick<AppContext, 'queues'>): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const s of await ctx.queues.crawl.getJobSchedulers(0, -1)) {
    if (s.key.startsWith(CRAWL_PREFIX) && s.next) out.set(s.key.slice(CRAWL_PREFIX.length), new Date(s.next));
  }
  return out;
}
