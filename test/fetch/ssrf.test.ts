import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpGet } from '../../src/crawl/http-get.ts';
import { AddressPolicy } from '../../src/net/address-policy.ts';
import { crawlCollect, fixtureSource } from '../fixtures/crawl-helpers.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';

// Every address here is loopback: a refused address that was reached anyway answers on this machine.
interface Secret {
  url: string;
  hits: number;
  close(): Promise<void>;
}

async function secretServer(host: string): Promise<Secret> {
  const secret = { hits: 0 } as Secret;
  const server = http.createServer((_req, res) => {
    secret.hits++;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html('内部数据', '<h1>内部数据</h1><div id="zoom"><p>数据库口令：hunter2，内部管理页面的全部内容。</p></div>'));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  secret.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  secret.close = () => new Promise((resolve) => server.close(() => resolve()));
  return secret;
}

const LONG = '全市规模以上工业增加值同比增长百分之六点二，其中制造业增长百分之七点一，新开工亿元以上项目二十个。';
const opts = (addresses: AddressPolicy) => ({ headers: {}, timeoutMs: 5000, maxBytes: 100_000, addresses });
const loopbackOnly = new AddressPolicy(['127.0.0.1']);

let other: Secret;
let v6: Secret;
let site: FixtureSite;

beforeAll(async () => {
  other = await secretServer('127.0.0.2');
  v6 = await secretServer('::1');
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    '/list.html': (_req, res) => {
      const links = [
        ['/art/ok.html', '公开报道', '2026-03-11'],
        [`${other.url}/art/secret.html`, '内部数据一', '2026-03-10'],
        [`${v6.url}/art/secret.html`, '内部数据二', '2026-03-09'],
        ['/art/moved.html', '跳转页面', '2026-03-08'],
      ];
      const items = links.map(([href, title, date]) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`).join('');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html('列表', `<ul class="list">${items}</ul>`));
    },
    '/art/ok.html': { body: html('公开报道', `<h1>公开报道</h1><div id="zoom"><p>${LONG}</p></div>`) },
    '/art/moved.html': (_req, res) => {
      res.writeHead(302, { location: `${other.url}/art/secret.html` }).end();
    },
  });
});
afterAll(async () => {
  await Promise.all([other.close(), v6.close(), site.close()]);
});

async function refusal(url: string, policy = loopbackOnly): Promise<string> {
  try {
    await httpGet(url, opts(policy));
    return 'fetched';
  } catch (err) {
    return `${(err as { name: string }).name}/${(err as { reason?: string }).reason}`;
  }
}

describe('fetching refuses addresses the configuration does not allow', () => {
  it('fetches the allowed loopback address', async () => {
    expect((await httpGet(`${site.url}/art/ok.html`, opts(loopbackOnly))).status).toBe(200);
  });

  it('refuses loopback in every written form when it is not allowed, before connecting', async () => {
    const port = new URL(site.url).port;
    const strict = new AddressPolicy();
    for (const host of ['127.0.0.1', '0x7f000001', '2130706433', '0177.0.0.1', '[::ffff:127.0.0.1]', 'localhost']) {
      expect(await refusal(`http://${host}:${port}/art/ok.html`, strict), host).toBe('PermanentPageError/blocked-address');
    }
    expect(site.hits.get('/art/ok.html')).toBe(1);
  });

  it('refuses other loopback addresses than the one allowed, IPv4 and IPv6', async () => {
    expect(await refusal(`${other.url}/art/secret.html`)).toBe('PermanentPageError/blocked-address');
    expect(await refusal(`${v6.url}/art/secret.html`)).toBe('PermanentPageError/blocked-address');
    expect(other.hits + v6.hits).toBe(0);
  });

  it('refuses a redirect to a refused address', async () => {
    expect(await refusal(`${site.url}/art/moved.html`)).toBe('PermanentPageError/blocked-address');
    expect(other.hits).toBe(0);
  });

  it('crawls a list that links to refused addresses: stores only the allowed article and names each refusal', async () => {
    const source = fixtureSource({
      list: { urls: [`${site.url}/list.html`], item: 'ul.list li', date: 'span' },
      article: { title: 'h1', body: '#zoom' },
      politeness: { retries: 0 },
    });
    const { summary, articles } = await crawlCollect(source);
    expect(articles.map((a) => a.title)).toEqual(['公开报道']);
    const errors = summary.errors.map((e) => e.message).join('\n');
    expect(errors).toContain('127.0.0.2 is a loopback address');
    expect(errors).toContain('::1 is a loopback address');
    expect(other.hits + v6.hits).toBe(0);
  });
});
