import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { log } from '../log.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('run the service in one process: HTTP server, workers and the schedules of every source')
    .option('--port <port>', 'HTTP port (default: PORT or 8080)')
    .option('--no-web', 'run workers and schedulers only (for extra worker machines)')
    .option('--no-schedule', 'do not (re)install the crawl schedules (workers only)')
    .action(async (opts: { port?: string; web: boolean; schedule: boolean }) => {
      // A service's output is read by log collectors: even its last words are one JSON line each.
      process.on('uncaughtException', (err) => exitWith(err, 'uncaught exception'));
      process.on('unhandledRejection', (err) => exitWith(err, 'unhandled promise rejection'));
      try {
        await run(opts);
      } catch (err) {
        log.fatal({ err }, `indwatch could not start: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });
}

function exitWith(err: unknown, msg: string): void {
  log.fatal({ err }, msg);
  process.exit(1);
}

async function run(opts: { port?: string; web: boolean; schedule: boolean }): Promise<void> {
  const { openApp } = await import('../app.ts');
  const { syncSchedulers } = await import('../queue/schedulers.ts');
  const { startWorkers } = await import('../queue/workers.ts');
  const { processors } = await import('../../jobs/index.ts');
  const { buildServer } = await import('../web/server.ts');
  const { loadOperatorToken } = await import('../web/operator-token.ts');
  const config = loadConfig();
  if (opts.port) config.http.port = Number(opts.port);
  const app = await openApp(config, { owner: true });
  for (const e of app.sources.errors) log.error({ problems: e.problems }, 'selectors file skipped');
  const workers = startWorkers(app.queues, processors(app));
  if (opts.schedule) {
    const s = await syncSchedulers(app);
    log.info({ sources: s.crawl, removed: s.removed, digestCron: config.digestCron }, 'schedules installed');
  }
  let server: Awaited<ReturnType<typeof buildServer>> | null = null;
  if (opts.web) {
    const token = await loadOperatorToken(config);
    if (token.created) {
      // Shown this once; afterwards it is only in the file (mode 0600) or the configuration.
      log.warn(
        { operatorToken: token.value, file: token.file },
        'operator token generated: send it as "Authorization: Bearer <token>" to queue crawls and preview digests; it is not shown again',
      );
    }
    server = await buildServer(app, { operatorToken: token.value });
    const address = await server.listen({ host: config.http.host, port: config.http.port });
    log.info({ address, database: config.databaseUrl ? 'postgresql' : `pglite ${config.dataDir}/db` }, 'indwatch is running; Ctrl-C stops it');
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: finishing running jobs');
    await server?.close();
    await workers.close();
    await app.close();
    log.info('stopped');
  };
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
  });
}
