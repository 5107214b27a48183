import type { AppContext } from '../context.ts';

const CRAWL_PREFIX = 'crawl:';
const DIGEST_PREFIX = 'digest';

// BullMQ 6 declares a scheduler's id with the queue's job-name type, but ids are free strings.
const schedulerId = <N extends string>(id: string) => id as N;

/**
 * Scheduler ids carry the installation that made them (`crawl:<source>@<installation>`), so a
 * service only ever removes its own, even when another installation shares its queue prefix.
 */
function crawlSchedulerId(sourceId: string, installationId: string): string {
  return `${CRAWL_PREFIX}${sourceId}@${installationId}`;
}

/** The source and installation of a crawl scheduler id; ids made before installations were named have none. */
function parseCrawlSchedulerId(key: string): { sourceId: string; installationId?: string } | null {
  if (!key.startsWith(CRAWL_PREFIX)) return null;
  const rest = key.slice(CRAWL_PREFIX.length);
  const at = rest.lastIndexOf('@');
  return at < 0 ? { sourceId: rest } : { sourceId: rest.slice(0, at), installationId: rest.slice(at + 1) };
}

/**
 * One BullMQ job scheduler per source, from its cron, plus the digest's. This installation's
 * schedulers of sources that no longer exist are removed, so deleting a selectors file stops its
 * crawls; schedulers another installation made are never touched. An untagged scheduler left by
 * an earlier version is replaced only when it is for one of this installation's sources.
 */
export async function syncSchedulers(ctx: Pick<AppContext, 'config' | 'queues' | 'sources'>): Promise<{ crawl: number; removed: number }> {
  const me = ctx.config.installationId;
  const mine = new Set(ctx.sources.all().map((s) => s.id));
  for (const source of ctx.sources.all()) {
    await ctx.queues.crawl.upsertJobScheduler(
      schedulerId<'crawl'>(crawlSchedulerId(source.id, me)),
      { pattern: source.schedule.cron, tz: source.schedule.timezone },
      { name: 'crawl', data: { sourceId: source.id } },
    );
  }
  let removed = 0;
  for (const s of await ctx.queues.crawl.getJobSchedulers(0, -1)) {
    const id = parseCrawlSchedulerId(s.key);
    if (!id) continue;
    const stale = id.installationId === me ? !mine.has(id.sourceId) : id.installationId === undefined && mine.has(id.sourceId);
    if (stale) {
      await ctx.queues.crawl.removeJobScheduler(s.key);
      removed++;
    }
  }
  await syncDigestScheduler(ctx);
  return { crawl: mine.size, removed };
}

/**
 * The digest's tick (each run queues the digests now due, per subscriber and period) and the
 * messages-per-minute limit, kept in Redis so it holds across every worker process.
 */
export async function syncDigestScheduler(ctx: Pick<AppContext, 'queues' | 'config'>): Promise<void> {
  await ctx.queues.digest.upsertJobScheduler(
    schedulerId<'digest'>(`${DIGEST_PREFIX}@${ctx.config.installationId}`),
    { pattern: ctx.config.digestCron, tz: ctx.config.timezone },
    { name: 'digest', data: { kind: 'tick' } },
  );
  await ctx.queues.digest.setGlobalRateLimit(ctx.config.digest.perMinute, 60_000);
}

/** When each of this installation's sources is next due to be crawled, by source id. */
export async function nextCrawls(ctx: Pick<AppContext, 'queues' | 'config'>): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const s of await ctx.queues.crawl.getJobSchedulers(0, -1)) {
    const id = parseCrawlSchedulerId(s.key);
    if (id && s.next && (id.installationId ?? ctx.config.installationId) === ctx.config.installationId) out.set(id.sourceId, new Date(s.next));
  }
  return out;
}
