import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { collectDigest } from '../../digest/collect.ts';
import { renderDigest } from '../../digest/render.ts';
import { List, parseQuery, Since } from '../query.ts';

const PreviewQuery = z.strictObject({
  since: Since.default(() => new Date(Date.now() - 7 * 86_400_000)),
  region: List.optional(),
  keyword: List.optional(),
});

export function registerDigestRoutes(app: FastifyInstance, ctx: AppContext): void {
  // What subscribers are sent: for the operator only.
  app.get('/digest/preview', { config: { access: 'operator' } }, async (req, reply) => {
    const q = parseQuery(PreviewQuery, req.query);
    const digest = await collectDigest(ctx.db, { since: q.since, until: new Date(), regions: q.region, keywords: q.keyword });
    return reply.type('text/html; charset=utf-8').send(renderDigest(digest, ctx.config.timezone).html);
  });
}
