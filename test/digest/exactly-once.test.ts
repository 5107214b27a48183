import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Job } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { digestJobId, sendJobOptions } from '../../src/digest/due.ts';
import { upsertSubscriber } from '../../src/store/subscribers.ts';
import { REPO, sandbox } from '../helpers/cli.ts';
import { serverDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL } from '../helpers/redis.ts';
import { report } from './fixtures.ts';
import { startSmtp, type TestSmtp } from './smtp.ts';

/**
 * Digest workers in processes of their own, killed with SIGKILL at each step of a delivery, and
 * two of them racing; PostgreSQL (shared by the processes), real Redis, a real SMTP server.
 */
describe('a digest goes out once per subscriber and period', () => {
  let t: TestDb;
  let smtp: TestSmtp;
  let box: Awaited<ReturnType<typeof sandbox>>;
  let queues: Queues;
  const children: ChildProcess[] = [];
  let periodEnd: Date;

  beforeAll(async () => {
    t = await serverDb();
    smtp = await startSmtp();
    box = await sandbox();
    box.env.DATABASE_URL = t.url;
    box.env.SMTP_URL = smtp.url;
    box.env.MAIL_FROM = 'indwatch <digest@indwatch.example>';
    queues = createQueues(redisOptions(REDIS_URL), box.env.INDWATCH_QUEUE_PREFIX!);
    await report(t.db, { title: '南京市1—10月规上工业增加值增长7.1%', region: '南京市', figures: [{ value: 7.1, period: '2026-01~2026-10' }] });
    await report(t.db, { title: '苏州市工业投资保持较快增长', region: '苏州市' });
    periodEnd = new Date();
  }, 60_000);

  afterEach(() => {
    for (const c of children.splice(0)) c.kill('SIGKILL');
    smtp.hold = false;
    smtp.release();
  });

  afterAll(async () => {
    await queues?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await smtp?.close();
    await t?.close();
    await box?.cleanup();
  });

  function worker(stopAt?: string): { child: ChildProcess; saw(line: string): Promise<void> } {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO, 'test/digest/worker-child.ts'), ...(stopAt ? [stopAt] : [])], {
      cwd: REPO,
      env: box.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    const waiting: { line: string; resolve: () => void }[] = [];
    child.stdout!.on('data', (d) => {
      out += d;
      for (const w of waiting.filter((w) => out.includes(w.line))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve();
      }
    });
    child.stderr!.on('data', (d) => process.stderr.write(d));
    return { child, saw: (line) => (out.includes(line) ? Promise.resolve() : new Promise((resolve) => waiting.push({ line, resolve }))) };
  }

  async function kill(child: ChildProcess): Promise<void> {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async function subscriber(email: string) {
    return upsertSubscriber(t.db, { email, confirmed: true });
  }

  async function queueDigest(subscriberId: number, jobId = digestJobId(subscriberId, 'daily:2026-12-02')) {
    const settings = { ...loadConfig(box.env).digest, retryDelayMs: 100 };
    return queues.digest.add(
      'digest',
      { kind: 'send', subscriberId, periodKey: 'daily:2026-12-02', periodEnd: periodEnd.toISOString(), firstPeriodStart: new Date(Date.now() - 86_400_000).toISOString() },
      sendJobOptions(settings, jobId),
    );
  }

  async function finished(jobId: string): Promise<Job> {
    for (;;) {
      const job = await Job.fromId(queues.digest, jobId);
      const state = await job?.getState();
      // Read again: the job may have finished between reading it and asking its state.
      if (job && (state === 'completed' || state === 'failed')) return (await Job.fromId(queues.digest, jobId))!;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function delivery(subscriberId: number) {
    return t.db.selectFrom('deliveries').selectAll().where('subscriber_id', '=', subscriberId).execute();
  }

  it.each([
    ['claimed', 'after claiming the delivery, before sending', 1],
    ['accepted', 'after the SMTP server accepted, before the delivery was recorded', 2],
    ['recorded', 'after the delivery was recorded, before the job finished', 1],
  ])('a worker killed %s (%s) is replaced and the subscriber has one message', async (step, _what, copies) => {
    const sub = await subscriber(`killed-${step}@example.com`);
    const job = await queueDigest(sub.id);
    const first = worker(step);
    await first.saw(`stopped:${step}`);
    await kill(first.child);
    const second = worker();
    const done = await finished(job.id!);
    expect({ state: await done.getState(), reason: done.failedReason }).toEqual({ state: 'completed', reason: undefined });
    await kill(second.child);

    const inbox = smtp.inbox(sub.email);
    // The one unclosable window: accepted but not recorded. The resend is the same message.
    expect(inbox).toHaveLength(copies);
    expect(new Set(inbox.map((m) => m.messageId))).toEqual(new Set([`<digest.${sub.id}.daily.2026-12-02@indwatch.example>`]));
    expect(new Set(inbox.map((m) => m.text))).toHaveProperty('size', 1);
    expect(inbox[0].subject).toBe(`苏州市等2地 · 2篇工业报告 · ${subjectDates()}`);
    expect(await delivery(sub.id)).toEqual([expect.objectContaining({ status: 'sent', period_key: 'daily:2026-12-02', article_count: 2 })]);
  }, 60_000);

  it('a worker killed while the SMTP server held the message: the resend carries the same Message-ID', async () => {
    const sub = await subscriber('held@example.com');
    const job = await queueDigest(sub.id);
    smtp.hold = true;
    const first = worker();
    await smtp.nextHeld();
    await kill(first.child);
    // The server had the whole message: like a real MTA, it delivers it although the client is gone.
    smtp.hold = false;
    smtp.release();
    const second = worker();
    await finished(job.id!);
    await kill(second.child);
    const inbox = smtp.inbox(sub.email);
    expect(inbox.length).toBeGreaterThanOrEqual(1);
    expect(new Set(inbox.map((m) => m.messageId)).size).toBe(1);
    expect(await delivery(sub.id)).toEqual([expect.objectContaining({ status: 'sent', message_id: inbox[0].messageId })]);
  }, 60_000);

  it('two worker processes and two digest jobs per subscriber: every subscriber gets one', async () => {
    const subs = await Promise.all([1, 2, 3, 4].map((i) => subscriber(`race-${i}@example.com`)));
    const a = worker();
    const b = worker();
    await Promise.all([a.saw('ready'), b.saw('ready')]);
    const jobs = [];
    for (const s of subs) {
      jobs.push(await queueDigest(s.id), await queueDigest(s.id, `manual-${s.id}`));
      // The same period queued again (a restart, a second tick) is the same job.
      await queueDigest(s.id);
    }
    const outcomes = await Promise.all(jobs.map((j) => finished(j.id!).then((done) => done.returnvalue?.[0].status ?? done.failedReason)));
    expect(outcomes.filter((s) => s === 'sent'), JSON.stringify(outcomes)).toHaveLength(subs.length);
    expect(outcomes.filter((s) => s !== 'sent').every((s) => s === 'already' || s === 'busy'), JSON.stringify(outcomes)).toBe(true);
    for (const s of subs) expect(smtp.inbox(s.email)).toHaveLength(1);
  }, 60_000);
});

function subjectDates(): string {
  const day = (d: Date) => {
    const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' }).formatToParts(d).map((x) => [x.type, x.value]));
    return `${p.month}月${p.day}日`;
  };
  return `${day(new Date(Date.now() - 86_400_000))}—${day(new Date())}`;
}
