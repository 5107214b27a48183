import path from 'node:path';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';
import { openConfiguredDb } from './db/connect.ts';
import { createMailer } from './digest/mailer.ts';
import { createQueues } from './queue/queues.ts';
import { assertRedisReachable, redisOptions } from './queue/redis.ts';
import { SourceRegistry } from './sources/registry.ts';
import { syncSources } from './store/sources.ts';

export interface App extends AppContext {
  close(): Promise<void>;
}

/** Opens everything a process needs (Redis first: without it nothing works, so say so at once). */
export async function openApp(config: Config, options: { sources?: SourceRegistry; owner?: boolean } = {}): Promise<App> {
  await assertRedisReachable(config.redisUrl);
  const sources = options.sources ?? (await SourceRegistry.fromDir(config.selectorsDir));
  // The service owns (and serves) the embedded database; any other process goes through it.
  const db = await openConfiguredDb(config, { role: options.owner ? 'service' : 'command' });
  await syncSources(db, sources.all());
  const queues = createQueues(redisOptions(config.redisUrl), config.queuePrefix);
  const mailer = createMailer({ from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') });
  return {
    config,
    db,
    queues,
    sources,
    mailer,
    async close() {
      mailer.close();
      await queues.close();
      await db.destroy();
    },
  };
}
