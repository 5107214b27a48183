import { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigestJob } from '../../jobs/send-digest.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { demoSource } from '../../src/demo/source.ts';
import { deliverDigest } from '../../src/digest/deliver.ts';
import { enqueueDueDigests } from '../../src/digest/due.ts';
import { digestSecret } from '../../src/digest/links.ts';
import { createMailer } from '../../src/digest/mailer.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import type { TypedWorker } from '../../src/queue/workers.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { upsertSubscriber } from '../../src/store/subscribers.ts';
import { buildServer } from '../../src/web/server.ts';
import { sandbox } from '../helpers/cli.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

const HOUR = 3_600_000;

// The subscriber's whole path, as a reader meets it: the form, the mail with the link, a crawl,
// the digest in the inbox, once.
describe('subscribe, confirm, crawl, receive the digest once', { timeout: 300_000 }, () => {
  let t: TestDb;
  let smtp: TestSmtp;
  let box: Awaited<ReturnType<typeof sandbox>>;
  let site: DemoSite;
  let queues: Queues;
  let config: Config;
  let ctx: AppContext;
  let server: FastifyInstance;
  let worker: TypedWorker<'digest'>;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    t = await pgliteDb();
    smtp = await startSmtp();
    box = await sandbox();
    site = await startDemoSite();
    config = loadConfig({ ...box.env, INDWATCH_PUBLIC_URL: 'https://indwatch.example', MAIL_FROM: 'indwatch <digest@indwatch.example>' });
    queues = createQueues(redisOptions(REDIS_URL), prefix);
    ctx = { config, db: t.db, queues, sources: new SourceRegistry([]), mailer: createMailer({ from: config.mailFrom, smtpUrl: smtp.url, outboxDir: box.dir }) };
    server = await buildServer(ctx);
    worker = new Worker('digest', sendDigestJob(ctx), { connection: queues.connection, prefix, concurrency: 2 });
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await server?.close();
    ctx?.mailer.close();
    await queues?.close();
    await dropPrefix(prefix);
    await smtp?.close();
    await site?.close();
    await t?.close();
    await box?.cleanup();
  });

  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 50));
  };

  it('delivers the crawled reports to a confirmed subscriber at their hour, and only once', async () => {
    // The subscriber's hour is the one that begins within the next two hours (Asia/Shanghai, UTC+8).
    const hour = (new Date(Date.now() + 2 * HOUR).getUTCHours() + 8) % 24;
    const form = await server.inject({ method: 'GET', url: '/subscriptions' });
    const subscribed = await server.inject({
      method: 'POST',
      url: '/subscriptions',
      headers: { cookie: String(form.headers['set-cookie']).split(';')[0], 'x-csrf-token': form.json().csrf },
      payload: { email: 'reader@example.com', frequency: 'daily', hour: String(hour) },
    });
    expect(subscribed.statusCode).toBe(202);
    await until(() => smtp.inbox('reader@example.com').length === 1);
    const link = smtp.inbox('reader@example.com')[0].text!.match(/https:\/\/indwatch\.example(\/subscriptions\/confirm\?token=[^\s<>"]+)/);
    expect(link).not.toBeNull();
    expect((await server.inject({ method: 'GET', url: link![1] })).json()).toEqual({ status: 'confirmed', email: 'reader@example.com' });

    const crawl = await crawlSourceInline(t.db, demoSource(site.url), { userAgent: 'indwatch-test', pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
    expect(crawl).toMatchObject({ status: 'ok', stored: 5 });

    // The tick after the subscriber's hour, twice (a restart, a second scheduler): one digest.
    const tick = new Date(Date.now() + 2 * HOUR + 60_000);
    expect((await enqueueDueDigests(t.db, queues.digest, config.digest, tick)).queued).toBe(1);
    await until(() => smtp.inbox('reader@example.com').length === 2);
    await enqueueDueDigests(t.db, queues.digest, config.digest, new Date(tick.getTime() + 10 * 60_000));
    await new Promise((r) => setTimeout(r, 2000));
    const mails = smtp.inbox('reader@example.com');
    expect(mails).toHaveLength(2);

    const digest = mails[1];
    expect(digest.subject).toMatch(/^滨海市 · 4篇工业报告 · /);
    expect(digest.text).toContain('前三季度全市工业经济稳中有进');
    expect(digest.html).toContain('<table');
    const line = (name: string) => digest.headerLines.find((h) => h.key === name.toLowerCase())?.line.slice(name.length + 1).trim();
    expect(line('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    // One click in the mail client: no later digest.
    const unsubscribe = line('List-Unsubscribe')!.replace(/^<https:\/\/indwatch\.example|>$/g, '');
    const r = await server.inject({ method: 'POST', url: unsubscribe, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(r.json()).toEqual({ status: 'unsubscribed', email: 'reader@example.com' });
    expect((await enqueueDueDigests(t.db, queues.digest, config.digest, new Date(tick.getTime() + 24 * HOUR))).queued).toBe(0);
  });

  it('sends nothing when nothing is new, or a short note when the setting asks for one', async () => {
    const sub = await upsertSubscriber(t.db, { email: 'quiet@example.com', confirmed: true });
    const deps = { db: t.db, mailer: ctx.mailer, secret: await digestSecret(config), publicUrl: config.linkBaseUrl, mailFrom: config.mailFrom, emptyNote: false };
    // A period after every crawled story: nothing new in it.
    const period = (key: string) => ({ subscriberId: sub.id, periodKey: key, periodEnd: new Date(Date.now() + 48 * HOUR), firstPeriodStart: new Date(Date.now() + 24 * HOUR), claimant: 'test' });
    expect(await deliverDigest(deps, period('daily:quiet-1'))).toMatchObject({ status: 'nothing-new', reports: 0 });
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.inbox('quiet@example.com')).toHaveLength(0);

    expect(await deliverDigest({ ...deps, emptyNote: true }, period('daily:quiet-2'))).toMatchObject({ status: 'sent' });
    await until(() => smtp.inbox('quiet@example.com').length === 1);
    const [note] = smtp.inbox('quiet@example.com');
    expect(note.subject).toMatch(/^indwatch · 本期无新工业报告 · /);
    expect(note.text).toContain('本期没有新的工业报告。');
  });
});
