import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { DigestOutcome } from '../digest/send.ts';
import { InvalidSinceError, parseSince } from '../digest/since.ts';
import { UserError } from './errors.ts';

interface PreviewOptions {
  since: string;
  region?: string[];
  keyword?: string[];
  html?: boolean;
  out?: string;
}

export function registerDigest(program: Command): void {
  const digest = program.command('digest').description('preview or send the digest e-mail');

  digest
    .command('preview')
    .description('print the digest that would go out (text; --html for the e-mail body), or write it to a file')
    .option('--since <when>', 'period start: 7d, 24h, 90m or a date', '7d')
    .option('--region <region...>', 'only these regions')
    .option('--keyword <word...>', 'only reports containing one of these')
    .option('--html', 'print the HTML body instead of the text part')
    .option('-o, --out <file>', 'write to this file (.html gets HTML, anything else text)')
    .action(async (opts: PreviewOptions) => {
      const { openConfiguredDb } = await import('../db/connect.ts');
      const { collectDigest } = await import('../digest/collect.ts');
      const { renderDigest } = await import('../digest/render.ts');
      const config = loadConfig();
      let since: Date;
      try {
        since = parseSince(opts.since);
      } catch (err) {
        throw err instanceof InvalidSinceError ? new UserError(err.message, 2) : err;
      }
      const db = await openConfiguredDb(config);
      const data = await collectDigest(db, { since, until: new Date(), regions: opts.region, keywords: opts.keyword }).finally(() => db.destroy());
      const rendered = renderDigest(data, config.timezone);
      if (opts.out) {
        const html = opts.out.endsWith('.html') || opts.out.endsWith('.htm');
        await fs.writeFile(opts.out, html ? rendered.html : rendered.text);
        process.stderr.write(`wrote ${opts.out}: ${rendered.subject}\n`);
      } else {
        process.stdout.write(opts.html ? rendered.html : `Subject: ${rendered.subject}\n\n${rendered.text}`);
      }
    });

  digest
    .command('send')
    .description('mail the digest now to every subscriber (or one) through the workers')
    .option('--email <address>', 'only this subscriber')
    .option('--json', 'print the outcome as JSON')
    .action(async (opts: { email?: string; json?: boolean }) => {
      const { openApp } = await import('../app.ts');
      const { waitForJob } = await import('../queue/wait.ts');
      const app = await openApp(loadConfig());
      try {
        const job = await app.queues.digest.add('digest', { email: opts.email });
        if (!(await app.queues.digest.getWorkersCount())) {
          process.stderr.write(`queued digest ${job.id}, but no worker is running: start one with \`npx indwatch start\`\n`);
          process.exitCode = 1;
          return;
        }
        const outcomes = await waitForJob<DigestOutcome[]>(app.queues.digest, job.id!, () => {});
        if (opts.json) process.stdout.write(`${JSON.stringify(outcomes)}\n`);
        else for (const o of outcomes) process.stdout.write(`${o.email}: ${o.status}${o.reports ? ` (${o.reports} reports)` : ''}${o.location ? ` → ${o.location}` : ''}\n`);
      } finally {
        await app.close();
      }
    });
}
