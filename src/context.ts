import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Mailer } from './digest/mailer.ts';
import type { Queues } from './queue/queues.ts';
import type { SourceRegistry } from './sources/registry.ts';

/** What jobs are wired to: everything is opened once per process and closed by its owner. */
export interface AppContext {
  config: Config;
  db: Db;
  queues: Queues;
  sources: SourceRegistry;
  mailer: Mailer;
}
