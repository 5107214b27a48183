import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredDb } from '../../src/db/connect.ts';
import { findSubscriber, recordRejection } from '../../src/store/subscribers.ts';
import { runCli, sandbox } from '../helpers/cli.ts';

describe('indwatch subscribe and subscribers', () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    box = await sandbox();
  });
  afterAll(async () => box?.cleanup());

  it('refuses an invalid address, an unknown region and a bad hour, saying which', async () => {
    const r = await runCli(['subscribe', 'nobody', '--regions', '江苏省,火星市', '--hour', '24'], { env: box.env, timeoutMs: 180_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('email: not a valid e-mail address');
    expect(r.stderr).toContain('unknown region "火星市"');
    expect(r.stderr).toContain('hour: expected a whole hour 0–23, got "24"');
  }, 120_000);

  it('subscribes with every preference, and shows a permanent SMTP rejection', async () => {
    const r = await runCli(
      ['subscribe', 'Analyst@Example.com', '--regions', '江苏,南京市', '--keywords', '新能源,集成电路', '--frequency', 'weekly', '--weekday', 'fri', '--hour', '17', '--lang', 'en', '--confirmed'],
      { env: box.env, timeoutMs: 180_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('subscribed analyst@example.com (confirmed): weekly on Fri at 17:00 Asia/Shanghai; regions 江苏省,南京市; keywords 新能源,集成电路; sources all; lang en\n');

    const db = await openConfiguredDb(loadConfig(box.env));
    const sub = (await findSubscriber(db, 'analyst@example.com'))!;
    await db
      .insertInto('deliveries')
      .values({ subscriber_id: sub.id, period_key: 'weekly:2026-12-04', period_start: new Date('2026-11-27T09:00:00Z'), period_end: new Date('2026-12-04T09:00:00Z'), article_count: 0, status: 'rejected', transport: 'smtp', message_id: '<m@x>', location: null, error: 'SMTP server smtp://127.0.0.1:25 did not take the message: 550 5.1.1 mailbox unavailable' })
      .execute();
    await recordRejection(db, sub.id, 'SMTP server smtp://127.0.0.1:25 did not take the message: 550 5.1.1 mailbox unavailable');
    await db.destroy();

    const show = await runCli(['subscribers', 'show', 'analyst@example.com'], { env: box.env, timeoutMs: 180_000 });
    expect(show.stdout).toMatch(/^analyst@example\.com: rejected\n/);
    expect(show.stdout).toMatch(/REJECTED by the SMTP server .*: .*550 5\.1\.1 mailbox unavailable/);
    expect(show.stdout).toMatch(/weekly:2026-12-04 {2}rejected {2}0 stories {2}attempts 0 {2}SMTP server .*550/);

    const removed = await runCli(['subscribers', 'remove', 'analyst@example.com'], { env: box.env, timeoutMs: 180_000 });
    expect(removed.stdout).toBe('unsubscribed analyst@example.com\n');
    const list = await runCli(['subscribers', 'list'], { env: box.env, timeoutMs: 180_000 });
    expect(list.stdout).toMatch(/analyst@example\.com\s+unsubscribed\s+weekly 5 17h\s+江苏省,南京市/);
  }, 600_000);
});
