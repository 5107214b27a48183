import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { figureChoices, figureSeries } from '../../store/figures.ts';
import { explorerSeries } from '../figure-series.ts';
import { figuresPage } from '../pages/figures.ts';
import { langOf, rememberLang, sendPage } from '../pages/layout.ts';
import { pageErrorHandler } from '../pages/page-errors.ts';
import { pagePath, withoutEmpty } from '../pages/public-nav.ts';
import { List, parseQuery } from '../query.ts';

const text = z.string({ error: 'give it once' }).trim().max(200, 'at most 200 characters');

/** `GET /api/figures`: one measure in one or two regions. */
export const FiguresQuery = z.strictObject({
  region: List.pipe(z.array(z.string().max(100)).min(1, 'name a region').max(2, 'at most two regions')),
  indicator: text.pipe(z.string().min(1, 'name an indicator')),
  kind: z.enum(['growth', 'amount', 'share', 'gap', 'rank'], { message: 'expected growth, amount, share, gap or rank' }),
});

/** The explorer page's query: like the API's, but every field may be empty (nothing chosen yet). */
const FiguresPageQuery = z.strictObject({
  region: List.optional(),
  indicator: text.optional(),
  kind: text.optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

const Report = z.object({ articleId: z.number(), storyId: z.number().nullable(), url: z.string(), title: z.string(), sourceName: z.string(), publishedAt: z.date().nullable() });

/** What `GET /api/figures` answers: per region, each stated value once with its reports, conflicts marked. */
export const FiguresResponse = z.object({
  indicator: z.string(),
  kind: z.string(),
  series: z.array(
    z.object({
      region: z.string(),
      values: z.array(z.object({ period: z.string(), value: z.number(), unit: z.string(), basis: z.string().nullable(), conflict: z.boolean(), reports: z.array(Report) })),
    }),
  ),
});

/** What `GET /api/figures/choices` answers: regions and measures there are figures for. */
export const FigureChoicesResponse = z.object({
  regions: z.array(z.string()),
  measures: z.array(z.object({ indicator: z.string(), kind: z.string(), count: z.number() })),
});

/** The figures explorer (`/figures`) and its JSON API. */
export function registerFigureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/figures/choices',
    { config: { access: 'public' }, schema: { tags: ['figures'], summary: 'Regions and measures (indicator and kind) there are figures for', querystring: z.strictObject({}), response: { 200: FigureChoicesResponse } } },
    async () => figureChoices(ctx.db),
  );

  api.get('/api/figures', { config: { access: 'public' }, schema: { tags: ['figures'], summary: 'One measure in one or two regions over periods, each value with its reports, conflicts marked', querystring: FiguresQuery, response: { 200: FiguresResponse } } }, async (req) => {
    const q = req.query;
    const series = explorerSeries(q.region, await figureSeries(ctx.db, { regions: q.region, indicator: q.indicator, kind: q.kind }));
    return { indicator: q.indicator, kind: q.kind, series: series.map((s) => ({ region: s.region, values: s.values.map(({ region: _, ...v }) => v) })) };
  });

  app.get('/figures', { config: { access: 'public' }, schema: { hide: true }, errorHandler: pageErrorHandler }, async (req, reply) => {
    const q = parseQuery(FiguresPageQuery, withoutEmpty(req.query));
    rememberLang(req, reply);
    const lang = langOf(req);
    const choices = await figureChoices(ctx.db);
    const regions = [...new Set(q.region ?? [])].slice(0, 2);
    const indicator = q.indicator ?? choices.measures[0]?.indicator ?? '';
    const kind = q.kind ?? choices.measures.find((m) => m.indicator === indicator)?.kind ?? '';
    if (!regions.length && choices.regions.length && !q.indicator) regions.push(choices.regions[0]);
    const points = regions.length && indicator && kind ? await figureSeries(ctx.db, { regions, indicator, kind }) : [];
    const markup = figuresPage({ lang, path: pagePath(req.url), choices, chosen: { regions, indicator, kind }, series: explorerSeries(regions, points) });
    return sendPage(reply, markup);
  });
}
