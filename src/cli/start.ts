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
  if (!config.databaseUrl) {
    // The embedded database has one owner, this process: every run still `running` was cut off.
    const { markInterruptedRuns } = await import('../store/crawl-progress.ts');
    const interrupted = await markInterruptedRuns(app.db, null, new Date());
    if (interrupted) log.warn({ interrupted }, 'crawl runs cut off by an earlier stop marked interrupted; their sources resume at their next crawl');
  }
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
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down: crawls stop taking pages and go back to the queue');
    await server?.close();
    const finished = await workers.close(config.shutdownGraceMs);
    if (!finished) log.warn({ graceMs: config.shutdownGraceMs }, 'jobs still running after the grace period: they return to the queue when their lock expires');
    await app.close();
    log.info('stopped');
  };
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
  });
  // Requests abandoned by stopped crawls may still be waiting on a slow site: do not wait for them.
  process.exit(0);
}
