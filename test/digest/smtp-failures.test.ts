import { Job, Worker } from 'bullmq';
import type { TypedWorker } from '../../src/queue/workers.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigestJob } from '../../jobs/send-digest.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { digestJobId, sendJobOptions } from '../../src/digest/due.ts';
import { createMailer } from '../../src/digest/mailer.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { syncDigestScheduler } from '../../src/queue/schedulers.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { getSubscriber, upsertSubscriber } from '../../src/store/subscribers.ts';
import { freePort, sandbox } from '../helpers/cli.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';
import { report } from './fixtures.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

describe('digests when the SMTP server fails', () => {
  let t: TestDb;
  let box: Awaited<ReturnType<typeof sandbox>>;
  let queues: Queues;
  let config: Config;
  let smtp: TestSmtp | undefined;
  let worker: TypedWorker<'digest'> | undefined;
  let periodEnd: Date;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    t = await pgliteDb();
    box = await sandbox();
    queues = createQueues(redisOptions(REDIS_URL), prefix);
    await report(t.db, { title: '无锡市前三季度工业投资增长9.2%', region: '无锡市' });
    await report(t.db, { title: '常州市新能源产业产值突破千亿元', region: '常州市' });
    periodEnd = new Date();
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await queues?.close();
    await dropPrefix(prefix);
    await smtp?.close();
    await t?.close();
    await box?.cleanup();
  });

  function startWorker(smtpUrl: string, overrides: Partial<Config['digest']> = {}) {
    config = loadConfig({ ...box.env, SMTP_URL: smtpUrl, MAIL_FROM: 'indwatch <digest@indwatch.example>' });
    config.digest = { ...config.digest, ...overrides };
    const ctx: AppContext = { config, db: t.db, queues, sources: new SourceRegistry([]), mailer: createMailer({ from: config.mailFrom, smtpUrl, outboxDir: box.dir }) };
    worker = new Worker('digest', sendDigestJob(ctx), { connection: queues.connection, prefix, concurrency: 2 });
    return ctx;
  }

  async function stopWorker(ctx: AppContext) {
    await worker?.close();
    worker = undefined;
    ctx.mailer.close();
  }

  async function queue(subscriberId: number, settings: Config['digest']) {
    const key = 'daily:2026-12-02';
    return queues.digest.add(
      'digest',
      { kind: 'send', subscriberId, periodKey: key, periodEnd: periodEnd.toISOString(), firstPeriodStart: new Date(Date.now() - 86_400_000).toISOString() },
      sendJobOptions(settings, digestJobId(subscriberId, key)),
    );
  }

  async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
    for (;;) {
      const v = await read();
      if (ok(v)) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const state = async (id: string) => {
    const state = await (await Job.fromId(queues.digest, id))!.getState();
    // Read after the state, so a finished job comes with its outcome.
    return { job: (await Job.fromId(queues.digest, id))!, state };
  };

  it('retries temporary failures for hours by default, doubling the delay', () => {
    const opts = sendJobOptions(loadConfig({}).digest, 'x');
    const backoff = opts.backoff as { type: string; delay: number };
    expect(backoff.type).toBe('exponential');
    const total = Array.from({ length: opts.attempts! - 1 }, (_, i) => backoff.delay * 2 ** i).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(24);
  });

  it('SMTP down, then up: the digest goes out later, once, with every story', async () => {
    const port = await freePort();
    const ctx = startWorker(`smtp://127.0.0.1:${port}?ignoreTLS=true`, { retryDelayMs: 300, attempts: 20 });
    const sub = await upsertSubscriber(t.db, { email: 'patient@example.com', confirmed: true });
    const job = await queue(sub.id, config.digest);
    await until(() => state(job.id!), (s) => s.job.attemptsMade >= 2);
    const down = await t.db.selectFrom('deliveries').selectAll().where('subscriber_id', '=', sub.id).executeTakeFirstOrThrow();
    expect(down).toMatchObject({ status: 'failed', error: expect.stringMatching(/ECONNREFUSED/) });

    smtp = await startSmtp(port);
    const done = await until(() => state(job.id!), (s) => s.state === 'completed' || s.state === 'failed');
    expect(done.state).toBe('completed');
    await stopWorker(ctx);
    const inbox = smtp.inbox(sub.email);
    expect(inbox).toHaveLength(1);
    expect(inbox[0].text).toContain('无锡市前三季度工业投资增长9.2%');
    expect(inbox[0].text).toContain('常州市新能源产业产值突破千亿元');
    const sent = await t.db.selectFrom('deliveries').selectAll().where('subscriber_id', '=', sub.id).executeTakeFirstOrThrow();
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('a permanent rejection (550) is recorded, shown on the subscriber and not retried', async () => {
    smtp ??= await startSmtp();
    const ctx = startWorker(smtp.url, { retryDelayMs: 100, attempts: 5 });
    const sub = await upsertSubscriber(t.db, { email: 'gone@example.com', confirmed: true });
    smtp.refuse.add(sub.email);
    const job = await queue(sub.id, config.digest);
    const done = await until(() => state(job.id!), (s) => s.state === 'completed' || s.state === 'failed');
    await stopWorker(ctx);
    expect(done.state).toBe('failed');
    expect(done.job.failedReason).toMatch(/550/);
    expect(smtp.inbox(sub.email)).toHaveLength(0);
    const d = await t.db.selectFrom('deliveries').selectAll().where('subscriber_id', '=', sub.id).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'rejected', attempts: 1, error: expect.stringMatching(/550/) });
    expect((await getSubscriber(t.db, sub.id))!.rejection).toMatch(/550 5\.1\.1 mailbox unavailable/);
  }, 60_000);

  it('sends no more digests a minute than configured, across workers (BullMQ rate limit)', async () => {
    smtp ??= await startSmtp();
    const ctx = startWorker(smtp.url, { perMinute: 3 });
    await syncDigestScheduler(ctx);
    const subs = await Promise.all([1, 2, 3, 4, 5].map((i) => upsertSubscriber(t.db, { email: `limited-${i}@example.com`, confirmed: true })));
    const jobs = [];
    for (const s of subs) jobs.push(await queue(s.id, config.digest));
    const inboxes = () => Promise.resolve(subs.filter((s) => smtp!.inbox(s.email).length).length);
    await until(inboxes, (n) => n >= 3);
    const ttl = await queues.digest.getRateLimitTtl();
    await stopWorker(ctx);
    const states = await Promise.all(jobs.map(async (j) => (await state(j.id!)).state));
    expect(await inboxes()).toBe(3);
    expect(ttl).toBeGreaterThan(0);
    expect(states.filter((s) => s === 'completed')).toHaveLength(3);
    expect(states.filter((s) => s !== 'completed' && s !== 'failed')).toHaveLength(2);
  }, 60_000);
});
