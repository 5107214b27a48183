import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { describeIssues, EmailInput, PreferencesInput } from '../digest/preferences.ts';
import { UserError } from './errors.ts';

interface SubscribeOptions {
  regions?: string;
  keywords?: string;
  sources?: string;
  frequency?: string;
  hour?: string;
  weekday?: string;
  timezone?: string;
  lang?: string;
  name?: string;
  confirmed?: boolean;
}

export function registerSubscribe(program: Command): void {
  program
    .command('subscribe')
    .description('subscribe an address to the digest: a confirmation link is mailed to it (--confirmed skips that)')
    .argument('<email>')
    .option('--regions <list>', 'provinces, cities or counties, comma-separated (a province includes its cities); default all')
    .option('--keywords <list>', 'only stories containing one of these, comma-separated')
    .option('--sources <list>', 'only stories from these source ids, comma-separated')
    .option('--frequency <daily|weekly>', 'how often', 'daily')
    .option('--hour <H>', 'local hour the digest goes out (0-23)', '8')
    .option('--weekday <D>', 'day of a weekly digest: 1 (Monday) … 7, or mon … sun', '1')
    .option('--timezone <tz>', 'time zone of --hour', 'Asia/Shanghai')
    .option('--lang <zh|en>', 'language of the mail (scraped text is never translated)', 'zh')
    .option('--name <name>')
    .option('--confirmed', 'the operator vouches for the address: no confirmation mail')
    .action(async (email: string, opts: SubscribeOptions) => {
      const parsedEmail = EmailInput.safeParse(email);
      const prefs = PreferencesInput.safeParse({
        regions: opts.regions,
        keywords: opts.keywords,
        sources: opts.sources,
        frequency: opts.frequency,
        hour: opts.hour,
        weekday: opts.weekday,
        timezone: opts.timezone,
        lang: opts.lang,
      });
      const problems = [parsedEmail, prefs].filter((r) => !r.success).map((r) => describeIssues(r.error as z.ZodError));
      if (problems.length || !parsedEmail.success || !prefs.success) throw new UserError(problems.join('; '), 2);
      const config = loadConfig();
      const { openConfiguredDb } = await import('../db/connect.ts');
      const db = await openConfiguredDb(config);
      try {
        if (opts.confirmed) {
          const { upsertSubscriber } = await import('../store/subscribers.ts');
          const row = await upsertSubscriber(db, { email: parsedEmail.data, name: opts.name, ...prefs.data, confirmed: true });
          process.stdout.write(`subscribed ${row.email} (confirmed): ${describe(row)}\n`);
          return;
        }
        const { createMailer } = await import('../digest/mailer.ts');
        const { digestSecret } = await import('../digest/links.ts');
        const { requestSubscription } = await import('../digest/subscribe.ts');
        const mailer = createMailer({ from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: path.join(config.dataDir, 'outbox') });
        try {
          const r = await requestSubscription({ db, mailer, secret: await digestSecret(config), publicUrl: config.linkBaseUrl }, parsedEmail.data, prefs.data);
          const said = {
            'confirmation-sent': `a confirmation link was mailed to ${r.subscriber.email}; nothing is sent before it is followed`,
            'manage-link-sent': `${r.subscriber.email} is already subscribed; a link to manage it was mailed`,
            limited: `${r.subscriber.email} was mailed a link moments ago; try again later or use --confirmed`,
          }[r.status];
          process.stdout.write(`${said}\n`);
        } finally {
          mailer.close();
        }
      } finally {
        await db.destroy();
      }
    });
}

/** What a subscriber gets, in one line. */
export function describe(r: { regions: string[]; keywords: string[]; sources: string[]; frequency: string; hour: number; weekday: number; timezone: string; lang: string }): string {
  const days = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const when = r.frequency === 'weekly' ? `weekly on ${days[r.weekday]} at ${r.hour}:00` : `daily at ${r.hour}:00`;
  return [
    `${when} ${r.timezone}`,
    `regions ${r.regions.join(',') || 'all'}`,
    `keywords ${r.keywords.join(',') || 'any'}`,
    `sources ${r.sources.join(',') || 'all'}`,
    `lang ${r.lang}`,
  ].join('; ');
}
