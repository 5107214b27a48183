import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { browseStories } from '../../store/browse.ts';
import { storyDetail, storyFigures } from '../../store/story-detail.ts';
import { HttpError } from '../errors.ts';
import { langOf, rememberLang, sendPage } from '../pages/layout.ts';
import { pageErrorHandler } from '../pages/page-errors.ts';
import { pagePath, withoutEmpty } from '../pages/public-nav.ts';
import { archivePage, storyPage } from '../pages/stories.ts';
import { parseQuery } from '../query.ts';
import { regionChoices, regionFilterNames } from '../region-choices.ts';
import { encodeCursor, filterOf, ListingQuery } from './listing.ts';

const StoryParams = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, 'story id must be a number').transform(Number) });

/** The archive page's query: the listing API's filters, one region, source and keyword as a form sends them, 20 a page. */
const ArchiveQuery = ListingQuery.extend({
  limit: ListingQuery.shape.limit.removeDefault().default(20),
  lang: z.enum(['zh', 'en']).optional(),
});

const one = (v: string[] | undefined) => v?.[0] ?? '';

const Place = z.object({ url: z.string(), sourceName: z.string() });
const Figure = z.object({
  tier: z.number(),
  indicator: z.string(),
  kind: z.string(),
  value: z.number(),
  unit: z.string(),
  period: z.string().nullable(),
  region: z.string().nullable(),
  basis: z.string().nullable(),
  target: z.boolean(),
  quote: z.string(),
  articleId: z.number(),
  url: z.string(),
  sourceName: z.string(),
});

/** What `GET /api/stories/:id` answers: the story's primary article, every place, its figures (each fact once) and the facts its places disagree on. */
export const StoryResponse = z.object({
  storyId: z.number(),
  articleId: z.number(),
  title: z.string(),
  url: z.string(),
  sourceName: z.string(),
  region: z.string().nullable(),
  publishedAt: z.date().nullable(),
  firstSeenAt: z.date(),
  revisedAt: z.date().nullable(),
  alsoAt: z.array(Place),
  places: z.array(Place.extend({ articleId: z.number(), title: z.string(), sourceId: z.string(), primary: z.boolean(), revised: z.boolean() })),
  text: z.string(),
  figures: z.array(Figure),
  conflicts: z.array(
    z.object({
      indicator: z.string(),
      kind: z.string(),
      period: z.string().nullable(),
      region: z.string().nullable(),
      target: z.boolean(),
      values: z.array(z.object({ value: z.number(), unit: z.string(), places: z.array(Place) })),
    }),
  ),
});

/** The story archive (`/stories`), a page per story (`/stories/:id`) and the story as JSON. */
export function registerStoryRoutes(app: FastifyInstance, ctx: AppContext): void {
  // The front page is the archive: what a visitor comes for.
  app.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/stories'));

  app.get('/stories', { config: { access: 'public' }, schema: { hide: true }, errorHandler: pageErrorHandler }, async (req, reply) => {
    const q = parseQuery(ArchiveQuery, withoutEmpty(req.query));
    rememberLang(req, reply);
    const filter = filterOf(q);
    if (filter.regions?.length) filter.regions = filter.regions.flatMap(regionFilterNames);
    const result = await browseStories(ctx.db, filter, { limit: q.limit, after: q.cursor });
    const figures = await storyFigures(ctx.db, result.items.map((s) => s.storyId));
    const markup = archivePage({
      lang: langOf(req),
      path: pagePath(req.url),
      regions: regionChoices(ctx.sources),
      sources: ctx.sources.all().map((s) => ({ id: s.id, name: s.name })),
      chosen: { region: one(q.region), since: String((req.query as Record<string, unknown>).since ?? ''), source: one(q.source), keyword: one(q.keyword) },
      stories: result.items.map((s) => ({ ...s, ...(figures.get(s.storyId) ?? { figures: [], conflicts: [] }) })),
      next: result.next ? archiveLink(req.query, encodeCursor(result.next)) : null,
      first: q.cursor !== undefined ? archiveLink(req.query) : null,
    });
    return sendPage(reply, markup);
  });

  app.get('/stories/:id', { config: { access: 'public' }, schema: { hide: true }, errorHandler: pageErrorHandler }, async (req, reply) => {
    parseQuery(z.strictObject({ lang: z.enum(['zh', 'en']).optional() }), req.query);
    const { id } = parseQuery(StoryParams, req.params);
    rememberLang(req, reply);
    const story = await storyDetail(ctx.db, id);
    if (!story) throw new HttpError(404, `no story ${id}`);
    return sendPage(reply, storyPage(langOf(req), pagePath(req.url), story));
  });

  app.withTypeProvider<ZodTypeProvider>().get('/api/stories/:id', { config: { access: 'public' }, schema: { tags: ['stories'], summary: 'A story: every place it appeared, its figures, the figures its places disagree on', params: StoryParams, querystring: z.strictObject({}), response: { 200: StoryResponse } } }, async (req) => {
    const { id } = req.params;
    const story = await storyDetail(ctx.db, id);
    if (!story) throw new HttpError(404, `no story ${id}`);
    return story;
  });
}

/** The archive with the same filters (as chosen, empty ones left out), from `cursor` or from the newest. */
function archiveLink(query: unknown, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(withoutEmpty(query))) {
    if (key === 'cursor' || key === 'lang') continue;
    for (const v of [value].flat()) params.append(key, String(v));
  }
  if (cursor) params.set('cursor', cursor);
  const q = params.toString();
  return q ? `/stories?${q}` : '/stories';
}
