import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { parseSource } from '../../src/sources/load.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { buildServer } from '../../src/web/server.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

/** One source the registry knows, so the crawl route has something to queue (nothing crawls it here). */
function registryWithOneSource(): SourceRegistry {
  const yaml = `id: lj\nname: 临江\nregion: 临江市\nlist:\n  urls: ["http://127.0.0.1:9/list.html"]\n  item: li\narticle:\n  body: "#zoom"\n`;
  return new SourceRegistry([parseSource(yaml, 'lj.yaml')]);
}

describe('who may do what through the HTTP API', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-websec-'));
    const config = loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_RATE_LIMIT: '100000' });
    app = await openApp(config, { sources: registryWithOneSource() });
    server = await buildServer(app, { operatorToken: TOKEN });
    // An unexpected failure inside a handler, to see what a client is told about it.
    server.get('/test/fails', async () => {
      throw new Error('relation "secret_table" does not exist at character 42', { cause: new Error('from the driver') });
    });
    // The two kinds of route the subscriber pages use: a form of ours, and an RFC 8058 one-click link.
    server.get('/test/form', async (_req, reply) => ({ csrf: reply.generateCsrf() }));
    server.post('/test/form', { config: { access: 'public' } }, async () => ({ ok: true }));
    server.post('/test/one-click', { config: { access: 'signed-link' } }, async (req) => req.body);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('queues a crawl only for the operator token', async () => {
    const anonymous = await server.inject({ method: 'POST', url: '/api/sources/lj/crawl' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toMatch(/^Bearer/);
    const wrong = await server.inject({ method: 'POST', url: '/api/sources/lj/crawl', headers: { authorization: 'Bearer not-the-token' } });
    expect(wrong.statusCode).toBe(401);
    expect(await app.queues.crawl.count()).toBe(0);
  });

  it('shows the digest preview (subscriber data) only to the operator', async () => {
    expect((await server.inject('/digest/preview?since=1d')).statusCode).toBe(401);
    expect((await server.inject({ url: '/digest/preview?since=1d', headers: auth })).statusCode).toBe(200);
  });

  it('keeps at most one pending manual crawl per source, however many are asked for', async () => {
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () => server.inject({ method: 'POST', url: '/api/sources/lj/crawl', headers: auth })),
    );
    const accepted = answers.filter((r) => r.statusCode === 202);
    const refused = answers.filter((r) => r.statusCode === 409);
    expect(accepted.length + refused.length).toBe(1000);
    expect(new Set(accepted.map((r) => r.json().jobId)).size).toBe(1);
    expect(await app.queues.crawl.count()).toBe(1);
    expect(refused[0].json().error).toMatch(/a manual crawl of "lj" is already (waiting|active)/);
  });

  it('takes a new manual crawl once the pending one has finished', async () => {
    const worker = new Worker('crawl', async () => 'crawled', { connection: app.queues.connection, prefix });
    try {
      await new Promise<void>((resolve) => worker.once('completed', () => resolve()));
    } finally {
      await worker.close();
    }
    const again = await server.inject({ method: 'POST', url: '/api/sources/lj/crawl', headers: auth });
    expect(again.statusCode).toBe(202);
    expect(await app.queues.crawl.getJobState(again.json().jobId)).toBe('waiting');
  });

  it('refuses state-changing requests from other sites', async () => {
    const url = '/api/sources/lj/crawl';
    const textPlain = await server.inject({
      method: 'POST',
      url,
      headers: { ...auth, origin: 'http://evil.example', 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(textPlain.statusCode).toBe(403);
    const fetchMeta = await server.inject({ method: 'POST', url, headers: { ...auth, 'sec-fetch-site': 'cross-site' } });
    expect(fetchMeta.statusCode).toBe(403);
    const nullOrigin = await server.inject({ method: 'POST', url, headers: { ...auth, origin: 'null' } });
    expect(nullOrigin.statusCode).toBe(403);
    // The same origin is fine (409: the crawl queued by the previous test is still pending).
    const same = await server.inject({ method: 'POST', url, headers: { ...auth, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } });
    expect(same.statusCode).toBe(409);
  });

  it('takes a public form post only with the CSRF token of our own form', async () => {
    const page = await server.inject('/test/form');
    const { csrf } = page.json();
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    expect((await server.inject({ method: 'POST', url: '/test/form', headers: { cookie } })).statusCode).toBe(403);
    expect((await server.inject({ method: 'POST', url: '/test/form', headers: { cookie, 'x-csrf-token': 'forged' } })).statusCode).toBe(403);
    const sent = await server.inject({ method: 'POST', url: '/test/form', headers: { cookie, 'x-csrf-token': csrf } });
    expect(sent.statusCode).toBe(200);
    const asForm = await server.inject({
      method: 'POST',
      url: '/test/form',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(asForm.statusCode).toBe(200);
    const crossSite = await server.inject({ method: 'POST', url: '/test/form', headers: { cookie, 'x-csrf-token': csrf, origin: 'http://evil.example' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('lets a mail provider post a one-click unsubscribe (no Origin rules, no operator token, no CSRF token)', async () => {
    const fromProvider = await server.inject({
      method: 'POST',
      url: '/test/one-click',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site', origin: 'https://mail.example' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(fromProvider.statusCode).toBe(200);
    expect(fromProvider.json()).toEqual({ 'List-Unsubscribe': 'One-Click' });
  });

  it('answers only to its own host names', async () => {
    const foreign = await server.inject({ url: '/api/sources', headers: { host: 'evil.example' } });
    expect(foreign.statusCode).toBe(421);
    expect((await server.inject({ url: '/api/sources', headers: { host: 'localhost:8080' } })).statusCode).toBe(200);
    expect((await server.inject({ url: '/api/sources', headers: { host: '127.0.0.1' } })).statusCode).toBe(200);
  });

  it('answers a bad query parameter with a 400 naming it, never a database error', async () => {
    const huge = await server.inject({ url: '/digest/preview?since=999999999999d', headers: auth });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error).toMatch(/^since: /);
    expect(huge.body).not.toMatch(/range|timestamp|syntax/i);
    const farBack = await server.inject({ url: '/digest/preview?since=99999999d', headers: auth });
    expect(farBack.statusCode).toBe(400);
    expect(farBack.json().error).toMatch(/^since: /);
    const unknown = await server.inject({ url: '/api/articles?limt=5' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatch(/^limt: unknown parameter/);
  });

  it('never sends internal error text, only a request id to find it in the log', async () => {
    const r = await server.inject('/test/fails');
    expect(r.statusCode).toBe(500);
    expect(r.body).not.toContain('secret_table');
    expect(r.json()).toEqual({ error: 'internal error', requestId: expect.any(String) });
  });

  it('sets security headers', async () => {
    const r = await server.inject('/api/sources');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['content-security-policy']).toContain("default-src 'none'");
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it("serves the pages' own style sheet from /static, so they work offline", async () => {
    const r = await server.inject('/static/app.css');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/css/);
    expect(r.body).toContain('header.top');
  });
});

describe('rate limit', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-websec-'));
    app = await openApp(loadConfig({ REDIS_URL, INDWATCH_DATA_DIR: dir, INDWATCH_QUEUE_PREFIX: prefix, INDWATCH_RATE_LIMIT: '20' }), {
      sources: new SourceRegistry(),
    });
    server = await buildServer(app, { operatorToken: TOKEN });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('answers 429 past the configured requests a minute, and keeps /healthz answering', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await server.inject('/api/sources')).statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(20);
    expect(codes.filter((c) => c === 429)).toHaveLength(10);
    expect((await server.inject('/healthz')).statusCode).toBe(200);
  });
});
