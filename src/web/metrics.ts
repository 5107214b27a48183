import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { AppContext } from '../context.ts';
import { crawlTotals, deliveryTotals, smtpFailures } from '../store/metrics.ts';

/**
 * Prometheus metrics, read from the database and the queues at each scrape, so every process of
 * an installation reports the same totals whichever of them ran the crawls and sent the mail.
 */
export function metricsRegistry(ctx: Pick<AppContext, 'db' | 'queues'>): { registry: Registry; refresh: () => Promise<void> } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'indwatch_process_' });
  // Totals kept in the database: set from it at each scrape (they only grow, as counters do).
  const setTotal = (c: Counter<string>, labels: Record<string, string>, value: number) => c.inc(labels, value);

  const crawls = new Counter({ name: 'indwatch_crawls_total', help: 'Crawl runs by source and final status', labelNames: ['source', 'status'], registers: [registry] });
  const pages = new Counter({ name: 'indwatch_crawl_pages_total', help: 'List and article pages fetched by crawls, by source', labelNames: ['source'], registers: [registry] });
  const errors = new Counter({ name: 'indwatch_crawl_errors_total', help: 'Errors reported by crawls, by source', labelNames: ['source'], registers: [registry] });
  const digests = new Counter({ name: 'indwatch_digests_total', help: 'Digest deliveries by status (sent, empty, failed, rejected, pending, sending)', labelNames: ['status'], registers: [registry] });
  const smtp = new Counter({ name: 'indwatch_smtp_failures_total', help: 'Delivery attempts that did not reach the SMTP server or were refused by it', registers: [registry] });
  const depth = new Gauge({ name: 'indwatch_queue_jobs', help: 'Jobs in each queue by state', labelNames: ['queue', 'state'], registers: [registry] });

  // One refresh before each scrape (concurrent scrapes share it): the metrics share their queries.
  let pending: Promise<void> | null = null;
  const refresh = () =>
    (pending ??= (async () => {
      const [totals, deliveries, failures] = await Promise.all([crawlTotals(ctx.db), deliveryTotals(ctx.db), smtpFailures(ctx.db)]);
      for (const c of [crawls, pages, errors, digests, smtp]) c.reset();
      for (const t of totals) {
        for (const [status, n] of Object.entries(t.byStatus)) setTotal(crawls, { source: t.sourceId, status }, n);
        setTotal(pages, { source: t.sourceId }, t.pages);
        setTotal(errors, { source: t.sourceId }, t.errors);
      }
      for (const status of ['sent', 'empty', 'failed', 'rejected']) setTotal(digests, { status }, deliveries[status] ?? 0);
      setTotal(smtp, {}, failures);
      depth.reset();
      for (const q of [ctx.queues.crawl, ctx.queues.article, ctx.queues.digest]) {
        const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed', 'waiting-children', 'prioritized');
        for (const [state, n] of Object.entries(counts)) depth.set({ queue: q.name, state }, n);
      }
    })().finally(() => (pending = null)));
  return { registry, refresh };
}

export function registerMetricsRoute(app: FastifyInstance, ctx: Pick<AppContext, 'db' | 'queues'>): void {
  const { registry, refresh } = metricsRegistry(ctx);
  // Scraped by Prometheus on the private network; its totals name sources, not subscribers.
  app.get('/metrics', { config: { rateLimit: false }, schema: { tags: ['operations'], summary: 'Prometheus metrics: crawls, pages, errors by source, queue depths, digests sent, SMTP failures' } }, async (_req, reply) => {
    await refresh();
    const body = await registry.metrics();
    return reply.type(registry.contentType).send(body);
  });
}
