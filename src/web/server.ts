import { randomUUID } from 'node:crypto';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { STATIC_DIR } from './assets.ts';
import { log } from '../log.ts';
import { installErrorHandler } from './errors.ts';
import { registerAdmin } from './admin/index.ts';
import { loadCookieSecret } from './admin/session.ts';
import { registerMetricsRoute } from './metrics.ts';
import { installOpenApi } from './openapi.ts';
import { loadOperatorToken } from './operator-token.ts';
import { manualCrawls } from '../queue/manual-crawl.ts';
import { registerArticleRoutes } from './routes/articles.ts';
import { registerDigestRoutes } from './routes/digest.ts';
import { registerFigureRoutes } from './routes/figures.ts';
import { registerStoryRoutes } from './routes/stories.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerSourceRoutes } from './routes/sources.ts';
import { registerSubscriberRoutes } from './routes/subscribers.ts';
import { subscriptionRoutes } from './routes/subscriptions.ts';
import { installSecurity } from './security.ts';

export interface ServerOptions {
  /** Bearer token for operator routes; when absent, the configured or generated one (see operator-token.ts). */
  operatorToken?: string;
  /** Key that signs the operator's session cookie; when absent, the one generated into the data folder. */
  cookieSecret?: string;
}

/**
 * The HTTP API. Everything scraped goes out as JSON or through the digest's escaping renderer.
 * Every route is behind security.ts: mark each new route's `config.access` there.
 */
export async function buildServer(ctx: AppContext, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log.child({ component: 'web' }) as FastifyBaseLogger,
    // Refusals, failures and manual crawls are logged where they happen; one line per request would drown them.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
  });
  installErrorHandler(app);
  const operatorToken = options.operatorToken ?? (await loadOperatorToken(ctx.config)).value;
  const cookieSecret = options.cookieSecret ?? (await loadCookieSecret(ctx.config)).value;
  await installSecurity(app, { config: ctx.config, operatorToken, cookieSecret });
  await installOpenApi(app);
  const crawls = manualCrawls(ctx.queues);

  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '1h' });
  registerHealthRoutes(app, ctx);
  registerSourceRoutes(app, ctx, crawls);
  registerArticleRoutes(app, ctx);
  registerDigestRoutes(app, ctx);
  registerStoryRoutes(app, ctx);
  registerFigureRoutes(app, ctx);
  await app.register(subscriptionRoutes(ctx));
  registerSubscriberRoutes(app, ctx);
  registerMetricsRoute(app, ctx);
  await registerAdmin(app, ctx, { operatorToken, crawls });
  return app;
}
