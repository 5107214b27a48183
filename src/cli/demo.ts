import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { CrawlResult } from '../crawl/crawl-result.ts';
import { crawlProgress, formatCrawlResult } from './crawl-report.ts';
import { ProgressLine } from './progress.ts';

const DEMO_SUBSCRIBER = 'analyst@example.com';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('crawl a bundled local demo site through the real queues and write a digest e-mail to the outbox')
    .option('--port <port>', 'port of the demo site (fixed, so a second run sees the same URLs)', '8737')
    .action(async (opts: { port: string }) => {
      const { openApp } = await import('../app.ts');
      const { waitForJob } = await import('../queue/wait.ts');
      const { startWorkers } = await import('../queue/workers.ts');
      const { processors } = await import('../../jobs/index.ts');
      const { startDemoSite } = await import('../demo/site.ts');
      const { sendDigestsNow } = await import('../digest/send.ts');
      const { digestSecret, subscriberLinks, SUBSCRIPTION_PATHS } = await import('../digest/links.ts');
      const { upsertSubscriber } = await import('../store/subscribers.ts');
      const { demoSource } = await import('../demo/source.ts');
      const { SourceRegistry } = await import('../sources/registry.ts');
      const configured = loadConfig();
      // The demo site runs on loopback, which crawls refuse unless the allow-list names it.
      const config = { ...configured, allowAddresses: [...configured.allowAddresses, '127.0.0.1'] };
      const site = await startDemoSite(Number(opts.port)).catch((err: NodeJS.ErrnoException) => {
        throw new Error(err.code === 'EADDRINUSE' ? `port ${opts.port} is taken: run the demo with --port <another>` : err.message);
      });
      const source = demoSource(site.url);
      const say = (s: string) => process.stdout.write(`${s}\n`);
      say(`demo site: ${site.url} (source ${source.id})`);
      const app = await openApp(config, { sources: new SourceRegistry([source]) }).catch(async (err) => {
        await site.close();
        throw err;
      });
      const workers = startWorkers(app.queues, processors(app));
      try {
        say(`database: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `${config.dataDir}/db (embedded)`}; queues on ${config.redisUrl}`);
        const subscriber = await upsertSubscriber(app.db, { email: DEMO_SUBSCRIBER, name: 'Demo analyst', confirmed: true });
        const job = await app.queues.crawl.add('crawl', { sourceId: source.id }, { jobId: `demo-${Date.now()}` });
        const progress = new ProgressLine();
        const result = await waitForJob<CrawlResult>(app.queues.crawl, job.id!, (p) => {
          const crawl = (p.progress ?? {}) as { listPages?: number; articlePages?: number };
          progress.update(crawlProgress({ ...crawl, processed: p.children?.processed }));
        });
        progress.done();
        say(formatCrawlResult(result));
        const secret = await digestSecret(config);
        const deps = { db: app.db, mailer: app.mailer, secret, publicUrl: config.linkBaseUrl, mailFrom: config.mailFrom, emptyNote: config.digest.emptyNote };
        const [outcome] = await sendDigestsNow(deps, { email: DEMO_SUBSCRIBER });
        const links = subscriberLinks(config.linkBaseUrl, secret, { subscriberId: subscriber.id, email: subscriber.email });
        say(`subscribe:   POST ${config.linkBaseUrl}${SUBSCRIPTION_PATHS.subscribe} (email=…&regions=…&frequency=daily|weekly), or \`npx indwatch subscribe EMAIL\``);
        say(`preferences: ${links.manage}`);
        say(`unsubscribe: ${links.unsubscribe} (one-click POST; served by \`npx indwatch start\`)`);
        if (outcome?.status === 'sent') {
          say(`digest for ${DEMO_SUBSCRIBER}: ${outcome.reports} report(s)`);
          say(`  e-mail:  ${outcome.location}`);
          if (outcome.preview) say(`  preview: ${outcome.preview}`);
        } else if (outcome?.status === 'failed') {
          throw new Error(`the digest could not be sent: ${outcome.error}`);
        } else {
          say(`no new reports since the last digest to ${DEMO_SUBSCRIBER}: no e-mail written`);
        }
      } finally {
        await workers.close();
        await app.close();
        await site.close();
      }
    });
}
