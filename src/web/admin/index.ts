import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { manualCrawls } from '../../queue/manual-crawl.ts';
import { registerAddSourcePages } from './add-source.ts';
import { registerLoginRoutes } from './login.ts';
import { registerQueuesBoard } from './queues-board.ts';
import { registerSourcePages } from './sources-pages.ts';
import { registerSubscribersPage } from './subscribers-page.ts';

/** Everything behind the operator's login: the login itself, the sources, adding one, subscribers, bull-board. */
export async function registerAdmin(app: FastifyInstance, ctx: AppContext, options: { operatorToken: string; crawls: ReturnType<typeof manualCrawls> }): Promise<void> {
  registerLoginRoutes(app, { config: ctx.config, operatorToken: options.operatorToken });
  registerSourcePages(app, ctx, options.crawls);
  registerAddSourcePages(app, ctx);
  registerSubscribersPage(app, ctx);
  await registerQueuesBoard(app, ctx.queues);
}
