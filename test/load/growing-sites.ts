import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Cities the sources report on; seeded articles and subscribers use the same names. */
export const REGIONS = ['苏州市', '无锡市', '常州市', '南京市', '青岛市', '烟台市', '济南市', '大连市', '威海市', '徐州市'];

/** Articles a list page shows, newest first. */
const LIST_LENGTH = 20;

export const sourceId = (n: number) => `load-${String(n).padStart(3, '0')}`;
export const regionOf = (n: number) => REGIONS[n % REGIONS.length];

export interface GrowingSite {
  n: number;
  url: string;
  /** Articles the list page showed the last time it was fetched (0 before the first fetch). */
  listed: number;
  /** Requests per article number. */
  articleHits: Map<number, number>;
}

export interface GrowingSites {
  sites: GrowingSite[];
  close(): Promise<void>;
}

function day(now: Date): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

const para = (n: number, i: number, k: number) => {
  const seed = n * 131 + i * 17 + k;
  return `<p>${regionOf(n)}工业经济运行情况第${i}期第${k + 1}部分：1—11月，全市规模以上工业增加值同比增长${(seed % 90) / 10 + 1}%，完成工业投资${200 + (seed % 700)}亿元，新开工亿元以上项目${seed % 60}个，高技术制造业增加值占比${20 + (seed % 25)}.${seed % 10}%。站点${n}编号${i}-${k}。</p>`;
};

const articleHtml = (n: number, i: number, date: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${regionOf(n)}工业经济运行简报第${i}期</title></head><body><h1>${regionOf(n)}工业经济运行简报第${i}期（站点${n}）</h1><div class="info">${date}</div><div id="zoom">${[0, 1, 2, 3].map((k) => para(n, i, k)).join('')}</div></body></html>`;

const listHtml = (n: number, count: number, date: string) => {
  const items = Array.from({ length: Math.min(count, LIST_LENGTH) }, (_, k) => count - k)
    .map((i) => `<li><a href="/art/${i}.html">${regionOf(n)}工业经济运行简报第${i}期（站点${n}）</a><span class="date">${date}</span></li>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态</title></head><body><ul class="list">${items}</ul></body></html>`;
};

/**
 * `count` local sites (one server each, as each source is its own host), whose column starts with
 * one article and gains one every `growSecs`, each site at its own phase, so every scheduled crawl
 * round finds some sites with something new, as real columns do.
 */
export async function startGrowingSites(count: number, growSecs: number): Promise<GrowingSites> {
  const t0 = Date.now();
  const sites: GrowingSite[] = [];
  const servers: http.Server[] = [];
  for (let n = 0; n < count; n++) {
    const phaseMs = ((n * 7919) % count) * ((growSecs * 1000) / count);
    const available = () => 1 + Math.floor((Date.now() - t0 + phaseMs) / (growSecs * 1000));
    const site: GrowingSite = { n, url: '', listed: 0, articleHits: new Map() };
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fixture');
      const date = day(new Date());
      const html = (body: string) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      if (url.pathname === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      if (url.pathname === '/col/index.html') {
        site.listed = available();
        return html(listHtml(n, site.listed, date));
      }
      const art = /^\/art\/(\d+)\.html$/.exec(url.pathname);
      const i = art ? Number(art[1]) : 0;
      if (i >= 1 && i <= available()) {
        site.articleHits.set(i, (site.articleHits.get(i) ?? 0) + 1);
        return html(articleHtml(n, i, date));
      }
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>not found</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sites.push(site);
    servers.push(server);
  }
  return {
    sites,
    close: async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}

/** The selectors file of site `n`'s column, crawled every time `cron` fires. */
export async function writeGrowingSource(selectorsDir: string, site: GrowingSite, cron: string): Promise<void> {
  await fs.writeFile(
    path.join(selectorsDir, `${sourceId(site.n)}.yaml`),
    [
      `id: ${sourceId(site.n)}`,
      `name: ${regionOf(site.n)}工信局 工作动态 ${site.n}`,
      `region: ${regionOf(site.n)}`,
      'list:',
      `  urls: ["${site.url}/col/index.html"]`,
      '  item: ul.list li',
      '  date: span.date',
      '  maxPages: 1',
      'article:',
      '  title: h1',
      '  date: .info',
      '  body: "#zoom"',
      'schedule:',
      `  cron: "${cron}"`,
      'politeness:',
      '  perMinute: 6000',
      '  concurrency: 2',
      '  backoffSecs: 0.05',
      '',
    ].join('\n'),
  );
}
