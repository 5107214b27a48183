import type { ChildProcess } from 'node:child_process';
import { spawnCli } from '../helpers/cli.ts';
import type { TestDb } from '../helpers/db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** How long the database stays unreachable: 15 s inside `npm test`, a minute under `npm run test:faults`. */
    faultOutageMs: number;
  }
}

export interface Service {
  child: ChildProcess;
  logs(): string;
  exited: Promise<number | null>;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** `indwatch start --no-web` in its own process, with its output kept for the assertions and failures. */
export function startService(env: NodeJS.ProcessEnv): Service {
  const child = spawnCli(['start', '--no-web'], env);
  let logs = '';
  child.stdout!.on('data', (d) => (logs += d));
  child.stderr!.on('data', (d) => (logs += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    logs: () => logs,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export const countRows = async (t: TestDb, table: 'articles' | 'figures' | 'deliveries' | 'crawl_runs') =>
  Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Articles stored more than once under one URL (there must be none). */
export async function doubledUrls(t: TestDb): Promise<string[]> {
  const rows = await t.db.selectFrom('articles').select(['url', (eb) => eb.fn.countAll().as('n')]).groupBy('url').having((eb) => eb.fn.countAll(), '>', 1).execute();
  return rows.map((r) => r.url);
}

/** The last finished run of each source, by source id. */
export async function lastRuns(t: TestDb): Promise<Map<string, { status: string; summary: unknown }>> {
  const rows = await t.db.selectFrom('crawl_runs').select(['source_id', 'status', 'summary']).orderBy('id').execute();
  return new Map(rows.filter((r) => r.status !== 'running').map((r) => [r.source_id, { status: r.status, summary: r.summary }]));
}
