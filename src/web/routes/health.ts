import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** A check that has not answered by then counts as failed: an unreachable Redis queues commands instead of failing them. */
const CHECK_TIMEOUT_MS = 2000;

function within(check: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  return Promise.race([check.then(() => true, () => false), late]).finally(() => clearTimeout(timer));
}

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Container health checks poll this: never rate-limited.
  app.get('/healthz', { config: { rateLimit: false }, schema: { tags: ['operations'], summary: 'Whether the database and Redis answer (503 when either does not)' } }, async (_req, reply) => {
    const [db, redis] = await Promise.all([
      within(ctx.db.selectFrom('sources').select('id').limit(1).execute()),
      within(ctx.queues.crawl.getJobCounts('active')),
    ]);
    const ok = db && redis;
    return reply.code(ok ? 200 : 503).send({ ok, db, redis });
  });
}
