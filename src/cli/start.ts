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
      const { openApp } = await import('../app.ts');
      const { syncSchedulers } = await import('../queue/schedulers.ts');
      const { startWorkers } = await import('../queue/workers.ts');
      const { processors } = await import('../../jobs/index.ts');
      const { buildServer } = await import('../web/server.ts');
      const config = loadConfig();
      if (opts.port) config.http.port = Number(opts.port);
      const app = await openApp(config);
      for (const e of app.sources.errors) log.error({ problems: e.problems }, 'selectors file skipped');
      const workers = startWorkers(app.queues, processors(app));
      if (opts.schedule) {
        const s = await syncSchedulers(app);
        log.info({ sources: s.crawl, removed: s.removed, digestCron: config.digestCron }, 'schedules installed');
      }
      const server = opts.web ? await buildServer(app) : null;
      if (server) {
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
    });
}
