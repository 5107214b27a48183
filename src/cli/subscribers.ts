import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { UserError } from './errors.ts';
import { printTable } from './sources.ts';

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openConfiguredDb } = await import('../db/connect.ts');
  const db = await openConfiguredDb(config);
  return fn(db).finally(() => db.destroy());
}

export function registerSubscribers(program: Command): void {
  const subs = program.command('subscribers').description('who gets the digest, and for which regions and keywords');

  subs
    .command('add')
    .description('subscribe an address (again: update its filters)')
    .argument('<email>')
    .option('--name <name>')
    .option('--region <region...>', 'only reports about these regions (default: all)')
    .option('--keyword <word...>', 'only reports containing one of these words (default: all)')
    .action(async (email: string, opts: { name?: string; region?: string[]; keyword?: string[] }) => {
      const { upsertSubscriber } = await import('../store/subscribers.ts');
      if (!z.string().email().safeParse(email).success) throw new UserError(`not an e-mail address: "${email}"`, 2);
      const row = await withDb((db) => upsertSubscriber(db, { email, name: opts.name, regions: opts.region, keywords: opts.keyword }));
      process.stdout.write(`subscribed ${row.email}${row.regions.length ? ` to ${row.regions.join(', ')}` : ''}\n`);
    });

  subs
    .command('list')
    .description('every subscriber')
    .option('--json', 'one JSON object a line')
    .action(async (opts: { json?: boolean }) => {
      const { listSubscribers } = await import('../store/subscribers.ts');
      const rows = await withDb((db) => listSubscribers(db));
      if (opts.json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      else printTable(['EMAIL', 'ACTIVE', 'REGIONS', 'KEYWORDS'], rows.map((r) => [r.email, r.active ? 'yes' : 'no', r.regions.join(',') || 'all', r.keywords.join(',') || '-']));
    });

  subs
    .command('remove')
    .description('stop mailing an address (its delivery history is kept)')
    .argument('<email>')
    .action(async (email: string) => {
      const { deactivateSubscriber } = await import('../store/subscribers.ts');
      if (!(await withDb((db) => deactivateSubscriber(db, email)))) throw new UserError(`no subscriber ${email}`);
      process.stdout.write(`unsubscribed ${email}\n`);
    });
}
