import type { Command } from 'commander';
import { loadConfig } from '../config.ts';

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
      const { log } = await import('../log.ts');
      const config = loadConfig();
      if (opts.port) config.http.port = Number(opts.port);
      const app = await openApp(config, { owner: true });
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
        log.info({ signal }, 'shutting down: finishing running jobs');
        await server?.close();
        await workers.close();
        await app.close();
        log.info('stopped');
      };
      await new Promise<void>((resolve) => {
        for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
      });
    });
}
