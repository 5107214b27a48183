import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { CrawlResult } from '../crawl/crawl-result.ts';
import { crawlProgress, formatCrawlResult } from './crawl-report.ts';
import { UserError } from './errors.ts';
import { ProgressLine } from './progress.ts';

interface CrawlOptions {
  wait?: boolean;
  inline?: boolean;
  json?: boolean;
}

export function registerCrawl(program: Command): void {
  program
    .command('crawl')
    .description('crawl a source now: queue the job for the workers, or run it here with --inline')
    .argument('<source>', 'source id (the selectors file name without .yaml)')
    .option('--wait', 'show progress and end with a summary')
    .option('--inline', 'crawl in this process instead of queueing (no worker needed)')
    .option('--json', 'print the summary as JSON')
    .action(async (sourceId: string, opts: CrawlOptions) => {
      const { SourceRegistry } = await import('../sources/registry.ts');
      const config = loadConfig();
      const registry = await SourceRegistry.fromDir(config.selectorsDir);
      const source = registry.get(sourceId);
      if (!source) {
        const known = registry.all().map((s) => s.id).join(', ') || 'none';
        throw new UserError(`no source "${sourceId}" in ${config.selectorsDir} (known: ${known})`);
      }
      const progress = new ProgressLine(!opts.json);
      let result: CrawlResult;
      if (opts.inline) {
        const { crawlSourceInline } = await import('../crawl/crawl-source.ts');
        const { openConfiguredDb } = await import('../db/connect.ts');
        const db = await openConfiguredDb(config);
        // Ctrl-C or a stop signal ends the crawl at the pages in flight; the next crawl resumes it.
        const stopping = new AbortController();
        const stop = () => stopping.abort();
        process.once('SIGINT', stop).once('SIGTERM', stop);
        try {
          result = await crawlSourceInline(db, source, {
            userAgent: config.userAgent,
            allowAddresses: config.allowAddresses,
            pageRetryDays: config.pageRetryDays,
            signal: stopping.signal,
            onProcessed: (p) => progress.update(crawlProgress(p)),
          });
        } finally {
          process.off('SIGINT', stop).off('SIGTERM', stop);
          await db.destroy();
        }
      } else {
        const { openApp } = await import('../app.ts');
        const { waitForJob } = await import('../queue/wait.ts');
        const app = await openApp(config, { sources: registry });
        try {
          const job = await app.queues.crawl.add('crawl', { sourceId }, { jobId: `manual-${sourceId}-${Date.now()}` });
          const workers = await app.queues.crawl.getWorkersCount();
          if (!workers) {
            process.stderr.write(
              `queued crawl ${job.id}, but no worker is running: start one with \`npx indwatch start\`, or crawl here with \`npx indwatch crawl ${sourceId} --inline\`\n`,
            );
            if (opts.wait) process.exitCode = 1;
            return;
          }
          if (!opts.wait) {
            process.stdout.write(opts.json ? `${JSON.stringify({ jobId: job.id, queued: true })}\n` : `queued crawl ${job.id} (${workers} worker${workers === 1 ? '' : 's'} running)\n`);
            return;
          }
          result = await waitForJob<CrawlResult>(app.queues.crawl, job.id!, (p) => {
            const crawl = (p.progress ?? {}) as { listPages?: number; articlePages?: number };
            progress.update(p.children ? crawlProgress({ ...crawl, processed: p.children.processed }) : p.state === 'active' ? crawlProgress(crawl) : `crawl ${p.state}…`);
          });
        } finally {
          await app.close();
        }
      }
      progress.done();
      process.stdout.write(opts.json ? `${JSON.stringify(result)}\n` : `${formatCrawlResult(result)}\n`);
      if (result.status === 'error') process.exitCode = 1;
    });
}
