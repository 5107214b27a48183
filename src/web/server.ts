import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { collectDigest } from '../digest/collect.ts';
import { renderDigest } from '../digest/render.ts';
import { InvalidSinceError, parseSince } from '../digest/since.ts';
import { nextCrawls } from '../queue/schedulers.ts';
import { crawlStates } from '../store/sources.ts';
import { listStories } from '../store/stories.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';

const ArticlesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  region: z.string().optional(),
});
const DigestQuery = z.object({ since: z.string().default('7d') });

/** The HTTP API. Everything scraped goes out as JSON or through the digest's escaping renderer. */
export async function buildServer(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });

  app.get('/healthz', async (_req, reply) => {
    const checks = { db: false, redis: false };
    await ctx.db.selectFrom('sources').select('id').limit(1).execute().then(() => (checks.db = true), () => {});
    await ctx.queues.crawl.getJobCounts('active').then(() => (checks.redis = true), () => {});
    const ok = checks.db && checks.redis;
    return reply.code(ok ? 200 : 503).send({ ok, ...checks });
  });

  app.get('/api/sources', async () => {
    const [states, next] = await Promise.all([crawlStates(ctx.db), nextCrawls(ctx)]);
    return ctx.sources.all().map((s) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      schedule: s.schedule,
      verified: s.verified,
      nextCrawlAt: next.get(s.id)?.toISOString() ?? null,
      lastCrawl: states.get(s.id) ?? null,
    }));
  });

  app.post<{ Params: { id: string } }>('/api/sources/:id/crawl', async (req, reply) => {
    if (!ctx.sources.get(req.params.id)) return reply.code(404).send({ error: `no source "${req.params.id}"` });
    const job = await ctx.queues.crawl.add('crawl', { sourceId: req.params.id }, { jobId: `manual-${req.params.id}-${Date.now()}` });
    return reply.code(202).send({ jobId: job.id });
  });

  app.get('/api/stories', async (req) => {
    const q = ArticlesQuery.parse(req.query);
    return listStories(ctx.db, { limit: q.limit, region: q.region });
  });

  app.get('/api/articles', async (req) => {
    const q = ArticlesQuery.parse(req.query);
    let query = ctx.db
      .selectFrom('articles')
      .select(['id', 'source_id', 'url', 'title', 'published_at', 'region', 'relevant', 'story_id', 'fetched_at'])
      .orderBy('fetched_at', 'desc')
      .limit(q.limit);
    if (q.region) query = query.where('region', '=', q.region);
    return query.execute();
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', async (req, reply) => {
    const id = Number(req.params.id);
    if (!Number.isInteger(id)) return reply.code(400).send({ error: 'article id must be a number' });
    const article = await ctx.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!article) return reply.code(404).send({ error: `no article ${id}` });
    const figures = await ctx.db.selectFrom('figures').selectAll().where('article_id', '=', id).orderBy('id').execute();
    return { ...article, figures };
  });

  app.get('/digest/preview', async (req, reply) => {
    const { since } = DigestQuery.parse(req.query);
    const digest = await collectDigest(ctx.db, { since: parseSince(since), until: new Date() });
    return reply.type('text/html; charset=utf-8').send(renderDigest(digest, ctx.config.timezone).html);
  });

  await app.register(subscriptionRoutes(ctx));

  app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
    const status = err instanceof z.ZodError || err instanceof InvalidSinceError ? 400 : (err.statusCode ?? 500);
    reply.code(status).send({ error: err.message });
  });
  return app;
}
