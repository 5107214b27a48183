import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Container health checks poll this: never rate-limited.
  app.get('/healthz', { config: { rateLimit: false } }, async (_req, reply) => {
    const checks = { db: false, redis: false };
    await ctx.db.selectFrom('sources').select('id').limit(1).execute().then(() => (checks.db = true), () => {});
    await ctx.queues.crawl.getJobCounts('active').then(() => (checks.redis = true), () => {});
    const ok = checks.db && checks.redis;
    return reply.code(ok ? 200 : 503).send({ ok, ...checks });
  });
}
