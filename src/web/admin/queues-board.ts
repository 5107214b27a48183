import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { Queues } from '../../queue/queues.ts';
import { CSP_DIRECTIVES } from '../security.ts';

export const QUEUES_PATH = '/admin/queues';

/**
 * bull-board at /admin/queues, behind the operator's login like every page under /admin. Read
 * only: its buttons (retry, clean, remove) post without our CSRF token, and the operator's
 * crawl buttons are on the sources page.
 */
export async function registerQueuesBoard(app: FastifyInstance, queues: Pick<Queues, 'crawl' | 'article' | 'digest'>): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: [queues.crawl, queues.article, queues.digest].map((q) => new BullMQAdapter(q, { readOnlyMode: true })),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'indwatch' } },
  });
  await app.register(async (scope) => {
    // Every route the board adds (page, API, its static files) is the operator's, and not part of our API document.
    scope.addHook('onRoute', (route) => {
      // Its page finds its scripts through <base href="/admin/queues/">: allowed here only.
      const helmet = { contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES, baseUri: ["'self'"] } } };
      route.config = { ...route.config, access: 'operator', helmet } as typeof route.config;
      route.schema = { ...route.schema, hide: true };
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
  });
}
