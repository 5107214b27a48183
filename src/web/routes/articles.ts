import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { browseArticles, browseStories } from '../../store/browse.ts';
import { HttpError } from '../errors.ts';
import { parseQuery } from '../query.ts';
import { filterOf, ListingQuery, pageBody } from './listing.ts';

const ArticleParams = z.strictObject({ id: z.string().regex(/^\d{1,15}$/, 'article id must be a number').transform(Number) });

export function registerArticleRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/api/stories', { config: { docs: { querystring: ListingQuery } } }, async (req, reply) => {
    const q = parseQuery(ListingQuery, req.query);
    const body = pageBody(req, await browseStories(ctx.db, filterOf(q), { limit: q.limit, after: q.cursor }));
    if (body.next) reply.header('link', `<${body.next}>; rel="next"`);
    return body;
  });

  app.get('/api/articles', { config: { docs: { querystring: ListingQuery } } }, async (req, reply) => {
    const q = parseQuery(ListingQuery, req.query);
    const body = pageBody(req, await browseArticles(ctx.db, filterOf(q), { limit: q.limit, after: q.cursor }));
    if (body.next) reply.header('link', `<${body.next}>; rel="next"`);
    return body;
  });

  app.get('/api/articles/:id', { config: { docs: { params: ArticleParams } } }, async (req) => {
    parseQuery(z.strictObject({}), req.query);
    const { id } = parseQuery(ArticleParams, req.params);
    const article = await ctx.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
    if (!article) throw new HttpError(404, `no article ${id}`);
    const figures = await ctx.db.selectFrom('figures').selectAll().where('article_id', '=', id).orderBy('id').execute();
    return { ...article, figures };
  });
}
