import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { nextCrawls } from '../../queue/schedulers.ts';
import { crawlStates } from '../../store/sources.ts';
import { HttpError } from '../errors.ts';
import { parseQuery } from '../query.ts';

/** States in which a manual crawl has not finished yet: another one would only repeat it. */
const PENDING = new Set(['waiting', 'delayed', 'prioritized', 'active', 'waiting-children']);

const SourceParams = z.strictObject({ id: z.string().regex(/^[\w.-]{1,100}$/, 'not a source id') });

/** One id per source: BullMQ keeps one job per id, so two requests racing still queue one crawl. */
export function manualCrawlJobId(sourceId: string): string {
  return `manual-${sourceId}`;
}

/**
 * Runs `task` after every earlier task of the same key has settled. The check-then-add of a
 * manual crawl is not atomic; in this process it is serialised so a burst gets one 202 and
 * 409s. Across processes the fixed job id still keeps it to one job.
 */
function serialised() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => {});
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

export function registerSourceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const perSource = serialised();

  app.get('/api/sources', async (req) => {
    parseQuery(z.strictObject({}), req.query);
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

  app.post('/api/sources/:id/crawl', { config: { access: 'operator' } }, async (req, reply) => {
    const { id } = parseQuery(SourceParams, req.params);
    if (!ctx.sources.get(id)) throw new HttpError(404, `no source "${id}"`);
    const jobId = manualCrawlJobId(id);
    const job = await perSource(id, async () => {
      const previous = await ctx.queues.crawl.getJob(jobId);
      if (previous) {
        const state = await previous.getState();
        if (PENDING.has(state)) {
          throw new HttpError(409, `a manual crawl of "${id}" is already ${state === 'active' ? 'active' : 'waiting'} (job ${jobId}); ask again once it has finished`);
        }
        // Finished: its record makes way for the new request (BullMQ would otherwise hand it back as the "new" job).
        await previous.remove();
      }
      return ctx.queues.crawl.add('crawl', { sourceId: id }, { jobId });
    });
    req.log.info({ reqId: req.id, sourceId: id, jobId: job.id }, 'manual crawl queued');
    return reply.code(202).send({ jobId: job.id });
  });
}
