import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { nextCrawls } from '../../src/queue/schedulers.ts';
import { parseSource, SourceFileError } from '../../src/sources/load.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { buildServer } from '../../src/web/server.ts';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/redis.ts';

const TOKEN = 'operator-token-for-tests-0123456789';
const PASSWORD = 'correct horse battery';
const auth = { authorization: `Bearer ${TOKEN}` };

const LJ = `id: lj\nname: 临江工信 <b>局</b>\nregion: 临江市\nlist:\n  urls: ["http://127.0.0.1:9/list.html"]\n  item: li\narticle:\n  body: "#zoom"\n`;

/** The cookies a response sets, as a request's Cookie header would carry them. */
function cookiesOf(res: LightMyRequestResponse, previous: Record<string, string> = {}): Record<string, string> {
  const out = { ...previous };
  for (const c of res.cookies as { name: string; value: string }[]) out[c.name] = c.value;
  return out;
}

const cookieHeader = (jar: Record<string, string>) => Object.entries(jar).map(([k, v]) => `${k}=${v}`).join('; ');
const csrfIn = (body: string) => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

describe('the operator pages behind the login', () => {
  let dir: string;
  let app: App;
  let server: FastifyInstance;
  const prefix = uniquePrefix();

  let clients = 0;
  /**
   * Logs in as a browser would: fetch the form (CSRF token and cookie), post it with the password.
   * Each call comes from its own address unless told, so only the rate-limit test meets the limit.
   */
  async function login(password = PASSWORD, remoteAddress = `10.0.0.${++clients}`) {
    const form = await server.inject({ url: '/admin/login', remoteAddress });
    const jar = cookiesOf(form);
    const res = await server.inject({
      method: 'POST',
      url: '/admin/login',
      remoteAddress,
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: csrfIn(form.body), password, next: '/admin/sources' }).toString(),
    });
    return { res, jar: cookiesOf(res, jar) };
  }

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-admin-'));
    await fs.mkdir(path.join(dir, 'selectors'));
    const config = loadConfig({
      REDIS_URL,
      INDWATCH_DATA_DIR: dir,
      INDWATCH_SELECTORS_DIR: path.join(dir, 'selectors'),
      INDWATCH_QUEUE_PREFIX: prefix,
      INDWATCH_RATE_LIMIT: '100000',
      INDWATCH_OPERATOR_PASSWORD: PASSWORD,
      INDWATCH_LOGIN_PER_MINUTE: '3',
    });
    const broken = { file: 'broken.yaml', line: 3, field: 'list.item', message: 'is required (string)' };
    app = await openApp(config, { sources: new SourceRegistry([parseSource(LJ, 'lj.yaml')], [new SourceFileError([broken])]) });
    server = await buildServer(app, { operatorToken: TOKEN });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await app?.close();
    await dropPrefix(prefix);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('sends a browser without a login to the login page, and answers the API with 401', async () => {
    for (const url of ['/admin/sources', '/admin/sources/lj', '/admin/sources/new', '/admin/subscribers', '/admin/queues']) {
      const res = await server.inject(url);
      expect(res.statusCode, url).toBe(302);
      expect(res.headers.location).toBe(`/admin/login?next=${encodeURIComponent(url)}`);
    }
    expect((await server.inject('/api/crawl-jobs/manual-lj')).statusCode).toBe(401);
    // A session cookie we did not sign is no login.
    const forged = await server.inject({ url: '/admin/sources', headers: { cookie: `indwatch_operator=operator.${Date.now() + 3_600_000}` } });
    expect(forged.statusCode).toBe(302);
  });

  it('refuses a wrong password and logs in with the right one, then shows the sources with scraped names escaped', async () => {
    const wrong = await login('not the password');
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.body).toContain('密码不对');
    expect(wrong.jar.indwatch_operator).toBeUndefined();

    const { res, jar } = await login();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/sources');
    const cookie = (res.cookies as { name: string; httpOnly?: boolean; sameSite?: string }[]).find((c) => c.name === 'indwatch_operator');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const page = await server.inject({ url: '/admin/sources?lang=en', headers: { cookie: cookieHeader(jar) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('临江工信 &lt;b&gt;局&lt;/b&gt;');
    expect(page.body).not.toContain('<b>局</b>');
    expect(page.body).toContain('never crawled');
    // A selectors file that did not load is named with its problem, as the service's log names it.
    expect(page.body).toContain('broken.yaml:3: list.item: is required (string)');
    expect(page.body).toContain('<script src="/static/admin.js" defer>');
  });

  it('logs out: the session cookie is cleared', async () => {
    const { jar } = await login();
    const page = await server.inject({ url: '/admin/sources', headers: { cookie: cookieHeader(jar) } });
    const res = await server.inject({
      method: 'POST',
      url: '/admin/logout',
      headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(csrfIn(page.body))}`,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/login');
    const cleared = (res.cookies as { name: string; value: string; expires?: Date }[]).find((c) => c.name === 'indwatch_operator');
    expect(cleared?.value).toBe('');
    expect(cleared?.expires!.getTime()).toBeLessThan(Date.now());
    const after = cookiesOf(res, jar);
    expect((await server.inject({ url: '/admin/sources', headers: { cookie: cookieHeader(after) } })).statusCode).toBe(302);
  });

  it('refuses a form post made with the session but without the CSRF token, and takes it with the token', async () => {
    const { jar } = await login();
    const headers = { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' };
    const without = await server.inject({ method: 'POST', url: '/admin/sources/lj/crawl', headers, payload: '' });
    expect(without.statusCode).toBe(403);
    expect(await app.queues.crawl.count()).toBe(0);
    const forged = await server.inject({ method: 'POST', url: '/admin/sources/lj/crawl', headers, payload: '_csrf=made-up' });
    expect(forged.statusCode).toBe(403);
    // From another site, even with a token, it is refused before anything else.
    const page = await server.inject({ url: '/admin/sources', headers: { cookie: cookieHeader(jar) } });
    const token = csrfIn(page.body);
    const crossSite = await server.inject({ method: 'POST', url: '/admin/sources/lj/crawl', headers: { ...headers, origin: 'http://evil.example' }, payload: `_csrf=${token}` });
    expect(crossSite.statusCode).toBe(403);
    const ok = await server.inject({ method: 'POST', url: '/admin/sources/lj/crawl', headers, payload: `_csrf=${encodeURIComponent(token)}` });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/admin/sources/lj?job=manual-lj');
    expect(await app.queues.crawl.count()).toBe(1);
    const status = await server.inject({ url: '/api/crawl-jobs/manual-lj', headers: { cookie: cookieHeader(jar) } });
    expect(status.json()).toMatchObject({ jobId: 'manual-lj', sourceId: 'lj', state: 'waiting', result: null });
  });

  it('rate-limits the login per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await login('guessing', '10.9.8.7')).res.statusCode);
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    // Another client is not held back by the first one's guesses.
    expect((await login(PASSWORD, '10.9.8.6')).res.statusCode).toBe(303);
  });

  it('names the bad field of an edited selectors file, as the CLI does, and saves nothing', async () => {
    const { jar } = await login();
    const page = await server.inject({ url: '/admin/sources/new', headers: { cookie: cookieHeader(jar) } });
    const token = csrfIn(page.body);
    const bad = LJ.replace('id: lj', 'id: lj-two').replace('  item: li\n', '  item: li\n  nextt: a.next\n').replace('  body: "#zoom"', '  bodi: "#zoom"');
    for (const url of ['/admin/sources/test', '/admin/sources/save']) {
      const res = await server.inject({
        method: 'POST',
        url: `${url}?lang=en`,
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: token, yaml: bad }).toString(),
      });
      expect(res.statusCode, url).toBe(422);
      expect(res.body).toContain('The selectors file is not valid');
      expect(res.body).toMatch(/line 7: list\.nextt: unknown field &quot;nextt&quot;/);
      expect(res.body).toMatch(/line 9: article\.bodi: unknown field &quot;bodi&quot;/);
      // The edited text stays in the editor.
      expect(res.body).toContain('nextt: a.next');
    }
    await expect(fs.stat(path.join(dir, 'selectors', 'lj-two.yaml'))).rejects.toThrow();
    const api = await server.inject({ method: 'POST', url: '/api/drafts/test', headers: auth, payload: { yaml: bad } });
    expect(api.statusCode).toBe(422);
    expect(api.json().problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'list.nextt', line: 7 }), expect.objectContaining({ field: 'article.bodi', line: 9 })]));
  });

  it('tells the operator why a list page could not be drafted, keeping what was typed', async () => {
    const { jar } = await login();
    const page = await server.inject({ url: '/admin/sources/new', headers: { cookie: cookieHeader(jar) } });
    const post = (url: string, region: string) =>
      server.inject({
        method: 'POST',
        url: '/admin/sources/new',
        headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: csrfIn(page.body), url, region }).toString(),
      });
    const notUrl = await post('gxj.example/list', '临江市');
    expect(notUrl.statusCode).toBe(422);
    expect(notUrl.body).toContain('url: expected the http(s) address of a list page');
    const noRegion = await post('http://127.0.0.1:9/list.html', '');
    expect(noRegion.statusCode).toBe(422);
    expect(noRegion.body).toContain('region: name the city or province');
    // Loopback is not a public address: the crawler may not fetch it unless configured to.
    const refused = await post('http://127.0.0.1:9/list.html', '临江市');
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(/<p class="error" role="alert">[^<]*127\.0\.0\.1/);
    expect(refused.body).toContain('value="http://127.0.0.1:9/list.html"');
  });

  it('saves a valid selectors file through the API and schedules it without a restart', async () => {
    const yaml = LJ.replaceAll('lj', 'lj-api').replace('临江工信 <b>局</b>', '临江 API');
    expect((await server.inject({ method: 'POST', url: '/api/sources', payload: { yaml } })).statusCode).toBe(401);
    const res = await server.inject({ method: 'POST', url: '/api/sources', headers: auth, payload: { yaml } });
    expect(res.statusCode, res.body).toBe(201);
    expect(await fs.readFile(path.join(dir, 'selectors', 'lj-api.yaml'), 'utf8')).toBe(yaml);
    expect(app.sources.get('lj-api')?.name).toBe('临江 API');
    expect((await nextCrawls(app)).has('lj-api')).toBe(true);
    const again = await server.inject({ method: 'POST', url: '/api/sources', headers: auth, payload: { yaml } });
    expect(again.statusCode).toBe(422);
    expect(again.json().error).toMatch(/^id: a source "lj-api" already exists/);
    const sources = await server.inject('/api/sources');
    expect(sources.json().map((s: { id: string }) => s.id)).toEqual(['lj', 'lj-api']);
  });

  it('lists the API routes, with their schemas and the operator token where needed, in /api/openapi.json', async () => {
    const res = await server.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of ['/api/sources', '/api/sources/{id}', '/api/sources/{id}/crawl', '/api/sources/crawl', '/api/crawl-jobs/{jobId}', '/api/drafts', '/api/drafts/test', '/api/subscribers', '/healthz', '/metrics']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/admin'))).toEqual([]);
    const drafts = doc.paths['/api/drafts'].post;
    expect(drafts.security).toEqual([{ operator: [] }]);
    expect(drafts.requestBody.content['application/json'].schema.required).toEqual(['url', 'region']);
    expect(doc.paths['/api/sources/{id}/crawl'].post.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    expect(doc.paths['/api/sources'].get.security).toBeUndefined();
    // Routes that check their own query list it from the same zod schema.
    expect(doc.paths['/api/articles'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'since', 'region', 'cursor']));
    expect(doc.paths['/api/articles/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
    // The subscription endpoints: anyone may subscribe; the others are authorised by the link's signed token.
    expect(doc.paths['/subscriptions'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    for (const p of ['/subscriptions/confirm', '/subscriptions/preferences', '/subscriptions/unsubscribe']) {
      expect(doc.paths[p].get.parameters.map((x: { name: string }) => x.name), p).toEqual(['token']);
    }
    // HTML pages are not part of the API document.
    expect(Object.keys(doc.paths).filter((p) => !/^\/(api\/|subscriptions(\/|$)|healthz$|metrics$)/.test(p))).toEqual([]);
  });

  it('shows the subscribers: counts by status, last deliveries, a digest preview', async () => {
    const { jar } = await login();
    const now = new Date();
    const subs = await app.db
      .insertInto('subscribers')
      .values([
        { email: 'a@example.test', regions: '["临江市"]', keywords: '[]', sources: '[]', confirmed_at: now },
        { email: 'b@example.test', regions: '[]', keywords: '[]', sources: '[]', confirmed_at: null },
        { email: 'c<script>@example.test', regions: '[]', keywords: '[]', sources: '[]', confirmed_at: now, active: false },
      ])
      .returning('id')
      .execute();
    await app.db
      .insertInto('deliveries')
      .values({ subscriber_id: subs[0]!.id, period_start: now, period_end: now, article_count: 4, status: 'sent', transport: 'smtp', sent_at: now, period_key: 'd1' })
      .execute();
    const res = await server.inject({ url: '/admin/subscribers?lang=en', headers: { cookie: cookieHeader(jar) } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/data-count="active"><strong>1<\/strong> receiving/);
    expect(res.body).toMatch(/data-count="unconfirmed"><strong>1<\/strong>/);
    expect(res.body).toMatch(/data-count="unsubscribed"><strong>1<\/strong>/);
    expect(res.body).toContain('c&lt;script&gt;@example.test');
    expect(res.body).toMatch(/ · sent · 4/);
    expect((await server.inject('/api/subscribers')).statusCode).toBe(401);
    const api = await server.inject({ url: '/api/subscribers', headers: auth });
    expect(api.json().counts).toEqual({ active: 1, unconfirmed: 1, unsubscribed: 1, rejected: 0 });
    expect(api.json().subscribers.find((s: { email: string }) => s.email === 'a@example.test').deliveries).toEqual([expect.objectContaining({ status: 'sent', articles: 4 })]);
    const preview = await server.inject({ url: `/admin/subscribers/${subs[0]!.id}/preview`, headers: { cookie: cookieHeader(jar) } });
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/^text\/html/);
  });
});
