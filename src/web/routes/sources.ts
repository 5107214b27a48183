import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatCrawlResult } from '../../cli/crawl-report.ts';
import { UserError } from '../../cli/errors.ts';
import type { AppContext } from '../../context.ts';
import { CrawlPendingError, crawlJobStatus, manualCrawls } from '../../queue/manual-crawl.ts';
import { nextCrawls } from '../../queue/schedulers.ts';
import { draftAndTest, testDraft } from '../../sources/draft-check.ts';
import { installSource, parseDraft } from '../../sources/install.ts';
import { SourceFileError } from '../../sources/load.ts';
import { runsOf, recentArticlesOf } from '../../store/crawl-runs.ts';
import { crawlStates } from '../../store/sources.ts';
import { HttpError } from '../errors.ts';

export { manualCrawlJobId } from '../../queue/manual-crawl.ts';

/** Schemas of the sources API: validated here and listed in /api/openapi.json from the same declarations. */
export const SourceParams = z.strictObject({ id: z.string().regex(/^[\w.-]{1,100}$/, 'not a source id') });
export const JobParams = z.strictObject({ jobId: z.string().regex(/^[\w.:@-]{1,200}$/, 'not a job id') });
export const DraftRequest = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: 'url: expected the http(s) address of a list page' }),
  region: z.string().trim().min(1, 'region: name the city or province the site reports on, e.g. 大连市').max(100),
});
export const YamlRequest = z.strictObject({ yaml: z.string().min(1, 'yaml: the selectors file is empty').max(100_000) });
export const SaveRequest = YamlRequest.extend({ overwrite: z.boolean().default(false) });

const TAGS = ['sources'];

/** A selectors file that does not validate, or a site that could not be drafted: a 422 naming what is wrong. */
export function draftFailure(err: unknown): never {
  if (err instanceof SourceFileError) {
    const problems = err.problems.map(({ line, field, message }) => ({ line, field, message }));
    throw new HttpError(422, problems.map((p) => `${p.line ? `line ${p.line}: ` : ''}${p.field || '(file)'}: ${p.message}`).join('; '), { cause: err, details: { problems } });
  }
  if (err instanceof UserError) throw new HttpError(422, err.message, { cause: err });
  throw err;
}

export function registerSourceRoutes(app: FastifyInstance, ctx: AppContext, crawls = manualCrawls(ctx.queues)): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/sources', { schema: { tags: TAGS, summary: 'Every source with its schedule, next and last crawl', querystring: z.strictObject({}) } }, async () => {
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

  api.get('/api/sources/:id', { schema: { tags: TAGS, summary: "A source, its latest crawls' summaries and its recent articles", params: SourceParams } }, async (req) => {
    const source = ctx.sources.get(req.params.id);
    if (!source) throw new HttpError(404, `no source "${req.params.id}"`);
    const [runs, articles] = await Promise.all([runsOf(ctx.db, source.id, 10), recentArticlesOf(ctx.db, source.id, 20)]);
    return { source, runs, articles };
  });

  api.post('/api/sources/:id/crawl', { config: { access: 'operator' }, schema: { tags: TAGS, summary: 'Queue a crawl of the source now (one pending at a time: 409)', params: SourceParams } }, async (req, reply) => {
    const { id } = req.params;
    if (!ctx.sources.get(id)) throw new HttpError(404, `no source "${id}"`);
    const job = await crawls.queue(id).catch(pendingAs409);
    req.log.info({ reqId: req.id, sourceId: id, jobId: job.id }, 'manual crawl queued');
    return reply.code(202).send({ jobId: job.id });
  });

  api.post('/api/sources/crawl', { config: { access: 'operator' }, schema: { tags: TAGS, summary: 'Queue a crawl of every source; those already pending are listed as such' } }, async (req, reply) => {
    const queued: { sourceId: string; jobId: string }[] = [];
    const pending: { sourceId: string; jobId: string }[] = [];
    for (const s of ctx.sources.all()) {
      try {
        queued.push({ sourceId: s.id, jobId: (await crawls.queue(s.id)).id! });
      } catch (err) {
        if (!(err instanceof CrawlPendingError)) throw err;
        pending.push({ sourceId: s.id, jobId: err.jobId });
      }
    }
    req.log.info({ reqId: req.id, queued: queued.length, pending: pending.length }, 'manual crawl of every source queued');
    return reply.code(202).send({ queued, pending });
  });

  api.get('/api/crawl-jobs/:jobId', { config: { access: 'operator' }, schema: { tags: TAGS, summary: "A crawl job's state, progress and, once done, its summary", params: JobParams } }, async (req) => {
    const status = await crawlJobStatus(ctx.queues, req.params.jobId);
    if (!status) throw new HttpError(404, `no crawl job "${req.params.jobId}"`);
    return { ...status, summaryText: status.result ? formatCrawlResult(status.result) : null };
  });

  api.post('/api/drafts', { config: { access: 'operator' }, schema: { tags: TAGS, summary: 'Draft a selectors file from a list page and test it (as `sources new --test`); stores nothing', body: DraftRequest } }, async (req) => {
    const { draft, test } = await draftAndTest(ctx.config, req.body.url, req.body.region).catch(draftFailure);
    return { id: draft.id, yaml: draft.yaml, notes: draft.notes, test };
  });

  api.post('/api/drafts/test', { config: { access: 'operator' }, schema: { tags: TAGS, summary: 'Validate a selectors file and test it live (as `sources test`); stores nothing', body: YamlRequest } }, async (req) => {
    let source;
    try {
      source = parseDraft(req.body.yaml);
    } catch (err) {
      draftFailure(err);
    }
    return { id: source.id, test: await testDraft(ctx.config, source).catch(draftFailure) };
  });

  api.post('/api/sources', { config: { access: 'operator' }, schema: { tags: TAGS, summary: 'Save a selectors file into the selectors folder and schedule it', body: SaveRequest } }, async (req, reply) => {
    const source = await installSource(ctx, req.body.yaml, { overwrite: req.body.overwrite }).catch(draftFailure);
    req.log.info({ reqId: req.id, sourceId: source.id }, 'source added and scheduled');
    return reply.code(201).send({ id: source.id });
  });
}

function pendingAs409(err: unknown): never {
  if (err instanceof CrawlPendingError) throw new HttpError(409, err.message, { cause: err, details: { jobId: err.jobId } });
  throw err;
}
