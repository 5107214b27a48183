import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue, QueueEvents, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentPageError } from '../../src/crawl/page-errors.ts';
import { ArticlePool } from '../../src/workers/article-pool.ts';
import { fixtureSource } from '../fixtures/crawl-helpers.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

// A page within the size and depth caps that still takes seconds of CPU to read: 600,000
// elements. Read on the main thread (as before), it held the event loop for all of that time,
// so nothing else answered and BullMQ could not renew the job's lock.
// As many elements as fit under the 10-million-character cap on an article: read whole, it
// takes about 27 s on this machine, so it outlasts the tests' time limits with room to spare
// (600,000 <span>s took 12 s, and the 12 s limit below sometimes let it through).
const heavyPage = () => `<html><body><h1>巨型页面</h1><div id="zoom"><p>全市工业增加值增长6.1%。</p>${'<i>数</i>'.repeat(1_200_000)}</div></body></html>`;
const source = fixtureSource({ list: { urls: ['http://127.0.0.1/list.html'], item: 'li' }, article: { body: '#zoom' } });
const hint = { title: '巨型页面', dateText: '2026-03-11' };

let server: http.Server;
let healthz: string;

beforeAll(async () => {
  server = http.createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  healthz = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (url: string) =>
  new Promise<string>((resolve, reject) => {
    http.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c)).on('end', () => resolve(body));
    }).on('error', reject);
  });

describe('the article thread pool', () => {
  it('keeps the event loop answering while a costly page is read, then abandons the page as too costly', async () => {
    let started!: () => void;
    const start = new Promise<void>((resolve) => (started = resolve));
    const pool = new ArticlePool({ threads: 1, taskTimeoutMs: 1000, onTaskStart: () => started() });
    try {
      let settled = false;
      const reading = pool.readHtml(heavyPage(), 'http://127.0.0.1/huge.html', source, hint).finally(() => (settled = true));
      reading.catch(() => undefined);
      await start;
      expect(await get(healthz)).toBe('ok');
      expect(settled).toBe(false);
      const err = await reading.then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(PermanentPageError);
      expect(err).toMatchObject({ reason: 'too-costly', message: 'http://127.0.0.1/huge.html took more than 1 s to read and was abandoned' });
      // The thread that was stopped is replaced: the next page is read normally.
      const next = await pool.readHtml('<html><body><h1>小页面</h1><div id="zoom"><p>全市工业增加值增长6.1%。</p></div></body></html>', 'http://127.0.0.1/small.html', source, hint);
      expect(next.text).toBe('全市工业增加值增长6.1%。');
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('brings a page too deeply nested back as PermanentPageError from the thread', async () => {
    const pool = new ArticlePool({ threads: 1 });
    try {
      const deep = `<html><body><div id="zoom">${'<div>'.repeat(100_000)}深</div></body></html>`;
      await expect(pool.readHtml(deep, 'http://127.0.0.1/deep.html', source, hint)).rejects.toMatchObject({ name: 'PermanentPageError', reason: 'too-costly' });
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('keeps the BullMQ lock of a job reading a costly page: the job fails once as too costly, never stalls', async () => {
    const prefix = uniquePrefix();
    const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
    const queue = new Queue('article', { connection, prefix });
    const events = new QueueEvents('article', { connection, prefix });
    const pool = new ArticlePool({ threads: 1, taskTimeoutMs: 12_000 });
    const stalled: string[] = [];
    const errors: string[] = [];
    // A lock of 5 s (room for a busy machine's hiccups): the page is read for 12 s, so only a free
    // event loop keeps renewing it.
    const worker = new Worker(
      'article',
      async () => {
        try {
          return await pool.readHtml(heavyPage(), 'http://127.0.0.1/huge.html', source, hint);
        } catch (err) {
          if (err instanceof PermanentPageError) throw new UnrecoverableError(`${err.reason}: ${err.message}`);
          throw err;
        }
      },
      { connection, prefix, lockDuration: 5000, stalledInterval: 5000 },
    );
    worker.on('stalled', (id) => stalled.push(id));
    worker.on('error', (err) => errors.push(err.message));
    try {
      await events.waitUntilReady();
      const job = await queue.add('article', {}, { attempts: 3 });
      const failed = new Promise<string>((resolve, reject) => {
        events.on('failed', ({ jobId, failedReason }) => jobId === job.id && resolve(failedReason));
        events.on('completed', ({ jobId }) => jobId === job.id && reject(new Error('the costly page was read within the time limit: make it costlier')));
      });
      expect(await failed).toBe('too-costly: http://127.0.0.1/huge.html took more than 12 s to read and was abandoned');
      const after = await queue.getJob(job.id!);
      expect(after?.attemptsMade).toBe(1);
      expect(stalled).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      await pool.close();
      await dropPrefix(prefix);
    }
  }, 240_000);
});
