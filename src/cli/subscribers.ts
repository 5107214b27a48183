import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { SubscriberRow } from '../db/schema.ts';
import { UserError } from './errors.ts';
import { printTable } from './sources.ts';
import { describe } from './subscribe.ts';

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const { openConfiguredDb } = await import('../db/connect.ts');
  const db = await openConfiguredDb(config);
  return fn(db).finally(() => db.destroy());
}

function state(r: SubscriberRow): string {
  if (!r.active) return 'unsubscribed';
  if (!r.confirmed_at) return 'unconfirmed';
  return r.rejected_at ? 'rejected' : 'active';
}

export function registerSubscribers(program: Command): void {
  const subs = program.command('subscribers').description('who gets the digest (add one with `subscribe`)');

  subs
    .command('list')
    .description('every subscriber')
    .option('--json', 'one JSON object a line')
    .action(async (opts: { json?: boolean }) => {
      const { listSubscribers } = await import('../store/subscribers.ts');
      const rows = await withDb((db) => listSubscribers(db));
      if (opts.json) for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      else
        printTable(
          ['EMAIL', 'STATE', 'WHEN', 'REGIONS', 'KEYWORDS', 'LANG'],
          rows.map((r) => [r.email, state(r), r.frequency === 'weekly' ? `weekly ${r.weekday} ${r.hour}h` : `daily ${r.hour}h`, r.regions.join(',') || 'all', r.keywords.join(',') || '-', r.lang]),
        );
    });

  subs
    .command('show')
    .description('one subscriber: preferences, state and latest deliveries (with any SMTP rejection)')
    .argument('<email>')
    .option('--json', 'as JSON')
    .action(async (email: string, opts: { json?: boolean }) => {
      const { findSubscriber } = await import('../store/subscribers.ts');
      const { recentDeliveries } = await import('../store/deliveries.ts');
      const found = await withDb(async (db) => {
        const sub = await findSubscriber(db, email);
        return sub && { sub, deliveries: await recentDeliveries(db, sub.id) };
      });
      if (!found) throw new UserError(`no subscriber ${email}`);
      const { sub, deliveries } = found;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(found)}\n`);
        return;
      }
      const lines = [
        `${sub.email}: ${state(sub)}`,
        `  ${describe(sub)}`,
        `  subscribed ${sub.created_at.toISOString()}${sub.confirmed_at ? `, confirmed ${sub.confirmed_at.toISOString()}` : ', not confirmed'}${sub.unsubscribed_at ? `, unsubscribed ${sub.unsubscribed_at.toISOString()}` : ''}`,
      ];
      if (sub.rejected_at) lines.push(`  REJECTED by the SMTP server ${sub.rejected_at.toISOString()}: ${sub.rejection}`);
      lines.push(deliveries.length ? '  deliveries:' : '  no deliveries yet');
      for (const d of deliveries) {
        lines.push(`    ${d.period_key ?? d.period_end.toISOString()}  ${d.status}  ${d.article_count} stories  attempts ${d.attempts}${d.sent_at ? `  sent ${d.sent_at.toISOString()}` : ''}${d.error ? `  ${d.error}` : ''}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  subs
    .command('remove')
    .description('stop mailing an address at once (its delivery history is kept)')
    .argument('<email>')
    .action(async (email: string) => {
      const { deactivateSubscriber } = await import('../store/subscribers.ts');
      if (!(await withDb((db) => deactivateSubscriber(db, email)))) throw new UserError(`no subscriber ${email}`);
      process.stdout.write(`unsubscribed ${email}\n`);
    });
}
