import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { recentDeliveries } from '../../store/deliveries.ts';
import { subscriberCounts, subscriberOverview } from '../../store/subscriber-overview.ts';

const SubscribersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  deliveries: z.coerce.number().int().min(0).max(20).default(3),
});

/** The operator's view of the subscriptions: counts by status, and each subscriber with their last deliveries. */
export function registerSubscriberRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/subscribers',
    { config: { access: 'operator' }, schema: { tags: ['subscriptions'], summary: 'Subscriber counts by status, and each subscriber with their last deliveries', querystring: SubscribersQuery } },
    async (req) => {
      const [counts, subscribers] = await Promise.all([subscriberCounts(ctx.db), subscriberOverview(ctx.db, req.query.limit)]);
      const withDeliveries = [];
      for (const s of subscribers) {
        const deliveries = req.query.deliveries ? await recentDeliveries(ctx.db, s.id, req.query.deliveries) : [];
        withDeliveries.push({
          ...s,
          deliveries: deliveries.map((d) => ({ status: d.status, periodStart: d.period_start, periodEnd: d.period_end, articles: d.article_count, sentAt: d.sent_at, error: d.error })),
        });
      }
      return { counts, subscribers: withDeliveries };
    },
  );
}
