import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { deliverDigest } from '../../src/digest/deliver.ts';
import { enqueueDueDigests } from '../../src/digest/due.ts';
import { digestSecret } from '../../src/digest/links.ts';
import { createMailer } from '../../src/digest/mailer.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { findSubscriber, upsertSubscriber } from '../../src/store/subscribers.ts';
import { buildServer } from '../../src/web/server.ts';
import { sandbox } from '../helpers/cli.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';
import { report } from './fixtures.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

describe('subscribing, confirming, managing and unsubscribing over HTTP', () => {
  let t: TestDb;
  let smtp: TestSmtp;
  let box: Awaited<ReturnType<typeof sandbox>>;
  let queues: Queues;
  let config: Config;
  let ctx: AppContext;
  let server: FastifyInstance;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    t = await pgliteDb();
    smtp = await startSmtp();
    box = await sandbox();
    config = loadConfig({ ...box.env, INDWATCH_PUBLIC_URL: 'https://indwatch.example', MAIL_FROM: 'indwatch <digest@indwatch.example>' });
    queues = createQueues(redisOptions(REDIS_URL), prefix);
    ctx = { config, db: t.db, queues, sources: new SourceRegistry([]), mailer: createMailer({ from: config.mailFrom, smtpUrl: smtp.url, outboxDir: box.dir }) };
    server = await buildServer(ctx);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    ctx?.mailer.close();
    await queues?.close();
    await dropPrefix(prefix);
    await smtp?.close();
    await t?.close();
    await box?.cleanup();
  });

  const linkIn = (text: string, path: string) => {
    const m = text.match(new RegExp(`https://indwatch\\.example${path}\\?token=[^\\s<>"]+`));
    if (!m) throw new Error(`no ${path} link in: ${text}`);
    return m[0].replace('https://indwatch.example', '');
  };
  /** A subscribe POST as our own page sends it: with the CSRF token and cookie it was given. */
  const subscribe = async (payload: object | string, remoteAddress?: string) => {
    const form = await server.inject({ method: 'GET', url: '/subscriptions' });
    const cookie = String(form.headers['set-cookie']).split(';')[0];
    const headers: Record<string, string> = { cookie, 'x-csrf-token': form.json().csrf };
    if (typeof payload === 'string') headers['content-type'] = 'application/x-www-form-urlencoded';
    return server.inject({ method: 'POST', url: '/subscriptions', headers, payload, remoteAddress });
  };
  const until = async (ok: () => boolean) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 50));
  };

  it('refuses bad input with a clear error', async () => {
    const post = (payload: object) => subscribe(payload);
    expect((await post({ email: 'not-an-address' })).json()).toEqual({ error: 'email: not a valid e-mail address' });
    expect((await post({ email: 'a@example.com', regions: '江苏省,火星市' })).json().error).toMatch(/unknown region "火星市"/);
    expect((await post({ email: 'a@example.com', hour: '25' })).json().error).toMatch(/hour: expected a whole hour 0–23, got "25"/);
    expect((await post({ email: 'a@example.com', frequency: 'hourly' })).statusCode).toBe(400);
    expect(smtp.received).toHaveLength(0);
  });

  it('subscribes by form post, mails a confirmation link and sends nothing else until it is followed', async () => {
    const r = await subscribe('email=Reader%40Example.com&regions=%E6%B1%9F%E8%8B%8F%E7%9C%81&frequency=weekly&weekday=wed&hour=18&lang=en');
    expect(r.statusCode).toBe(202);
    await until(() => smtp.inbox('reader@example.com').length === 1);
    const [mail] = smtp.inbox('reader@example.com');
    expect(mail.subject).toBe('Please confirm your indwatch subscription');
    const sub = (await findSubscriber(t.db, 'reader@example.com'))!;
    expect(sub).toMatchObject({ regions: ['江苏省'], frequency: 'weekly', weekday: 3, hour: 18, lang: 'en', confirmed_at: null });
    // Unconfirmed: no digest is due, whatever the time.
    expect((await enqueueDueDigests(t.db, queues.digest, config.digest, new Date(Date.now() + 86_400_000))).queued).toBe(0);

    // Asking again at once sends nothing more: the form cannot flood an inbox.
    await subscribe({ email: 'reader@example.com' });
    expect(smtp.inbox('reader@example.com').map((m) => [m.subject, m.messageId]), JSON.stringify(smtp.inbox('reader@example.com').map((m) => [m.subject, m.messageId]))).toHaveLength(1);

    const confirm = await server.inject({ method: 'GET', url: linkIn(mail.text!, '/subscriptions/confirm') });
    expect(confirm.json()).toEqual({ status: 'confirmed', email: 'reader@example.com' });
    expect((await findSubscriber(t.db, 'reader@example.com'))!.confirmed_at).toBeInstanceOf(Date);
    // A confirmation link is not an unsubscribe link.
    expect((await server.inject({ method: 'POST', url: linkIn(mail.text!, '/subscriptions/confirm').replace('confirm', 'unsubscribe') })).statusCode).toBe(400);
  });

  it('rate-limits subscription requests per client', async () => {
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push((await subscribe({ email: `flood${i}@example.com` }, '10.9.9.9')).statusCode);
    expect(codes.slice(0, 8).every((c) => c === 202)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });

  it('one-click unsubscribe by POST to the URL in the digest header, at once, without login', async () => {
    await report(t.db, { title: '江苏省工业和信息化厅：前10月全省工业投资增长8.3%', region: '江苏省' });
    const sub = await upsertSubscriber(t.db, { email: 'oneclick@example.com', confirmed: true });
    const deps = { db: t.db, mailer: ctx.mailer, secret: await digestSecret(config), publicUrl: config.linkBaseUrl, mailFrom: config.mailFrom, emptyNote: false };
    const outcome = await deliverDigest(deps, { subscriberId: sub.id, periodKey: 'daily:2026-12-02', periodEnd: new Date(), firstPeriodStart: new Date(Date.now() - 86_400_000), claimant: 'test' });
    expect(outcome.status).toBe('sent');
    await until(() => smtp.inbox(sub.email).length === 1);
    const [mail] = smtp.inbox(sub.email);
    const line = (name: string) => mail.headerLines.find((h) => h.key === name.toLowerCase())?.line.slice(name.length + 1).trim();
    expect(line('List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const header = { url: line('List-Unsubscribe')!.replace(/^<|>$/g, '') };
    expect(header.url).toMatch(/^https:\/\/indwatch\.example\/subscriptions\/unsubscribe\?token=/);
    // The same link is visible in both parts.
    expect(mail.text).toContain(header.url);
    expect(mail.html).toContain(header.url.replace(/&/g, '&amp;'));

    const manage = linkIn(mail.text!, '/subscriptions/preferences');
    expect((await server.inject({ method: 'GET', url: manage })).json()).toMatchObject({ email: sub.email, preferences: { regions: [], lang: 'zh' } });
    const saved = await server.inject({ method: 'POST', url: manage, payload: { regions: ['南京市'], keywords: '新能源,集成电路' } });
    expect(saved.json()).toMatchObject({ status: 'saved', preferences: { regions: ['南京市'], keywords: ['新能源', '集成电路'] } });

    const url = header.url.replace('https://indwatch.example', '');
    // What a mail client sends (RFC 8058): no cookie, no Origin, a form body.
    const r = await server.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    expect(r.json()).toEqual({ status: 'unsubscribed', email: sub.email });
    expect((await findSubscriber(t.db, sub.email))!.active).toBe(false);
    const next = await deliverDigest(deps, { subscriberId: sub.id, periodKey: 'daily:2026-12-03', periodEnd: new Date(), firstPeriodStart: new Date(0), claimant: 'test' });
    expect(next.status).toBe('skipped');
  });

  it('forgets an address never confirmed after a few days', async () => {
    await subscribe({ email: 'forgetful@example.com' });
    expect(await findSubscriber(t.db, 'forgetful@example.com')).toBeDefined();
    await enqueueDueDigests(t.db, queues.digest, config.digest, new Date(Date.now() + 2 * 86_400_000));
    expect(await findSubscriber(t.db, 'forgetful@example.com')).toBeDefined();
    await enqueueDueDigests(t.db, queues.digest, config.digest, new Date(Date.now() + 4 * 86_400_000));
    expect(await findSubscriber(t.db, 'forgetful@example.com')).toBeUndefined();
  });
});
