import fs from 'node:fs/promises';
import path from 'node:path';
import { startSite, type FixtureHandler, type FixtureSite } from '../fixtures/http-site.ts';

/** Articles of the column, newest first, and how many each list page shows. */
export const ARTICLES = 250;
export const PER_PAGE = 25;
export const LIST_PAGES = ARTICLES / PER_PAGE;

const para = (i: number, k: number) =>
  `<p>第${i}号简报第${k}段：全市规模以上工业增加值同比增长${((i * 7 + k) % 90) / 10 + 1}%，完成工业投资${100 + i * 3 + k}亿元，新开工项目${(i + k) % 40}个，编号${i}-${k}。</p>`;
const article = (i: number) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工业经济运行简报第${i}期</title></head><body><h1>工业经济运行简报第${i}期</h1><div class="info">2026-03-${String((i % 28) + 1).padStart(2, '0')}</div><div id="zoom">${[0, 1, 2, 3, 4, 5].map((k) => para(i, k)).join('')}</div></body></html>`;
/** List page n (1-based): articles ARTICLES - (n-1)*PER_PAGE down, newest first. */
export const listHtml = (n: number) => {
  const first = ARTICLES - (n - 1) * PER_PAGE;
  const items = Array.from({ length: PER_PAGE }, (_, k) => first - k)
    .filter((i) => i >= 1)
    .map((i) => `<li><a href="/art/${i}.html">工业经济运行简报第${i}期</a><span class="date">2026-03-${String((i % 28) + 1).padStart(2, '0')}</span></li>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作动态</title></head><body><ul class="list">${items}</ul></body></html>`;
};

export const listPath = (n: number) => (n === 1 ? '/col/index.html' : `/col/index_${n}.html`);

/**
 * A column of 250 articles behind 10 list pages (`index_{n}.html`); page 11 is a 404, as on
 * real sites. `override` replaces the handler of chosen paths (to hang or fail them).
 */
export function startPagedSite(override: Record<string, FixtureHandler> = {}): Promise<FixtureSite> {
  const routes: Record<string, FixtureHandler> = {
    '/robots.txt': (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n'),
  };
  for (let n = 1; n <= LIST_PAGES; n++) routes[listPath(n)] = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(listHtml(n));
  for (let i = 1; i <= ARTICLES; i++) routes[`/art/${i}.html`] = (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(i));
  return startSite({ ...routes, ...override });
}

/** Writes the column's selectors file into `selectorsDir` as source `id`. */
export async function writePagedSource(
  selectorsDir: string,
  id: string,
  siteUrl: string,
  politeness = 'perMinute: 6000\n  concurrency: 2\n  backoffSecs: 0.05',
  maxPages = 20,
): Promise<void> {
  await fs.writeFile(
    path.join(selectorsDir, `${id}.yaml`),
    [
      `id: ${id}`,
      'name: 分页栏目',
      'region: 示例市',
      'list:',
      `  urls: ["${siteUrl}${listPath(1)}"]`,
      '  item: ul.list li',
      '  date: span.date',
      '  pagePattern: index_{n}.html',
      `  maxPages: ${maxPages}`,
      'article:',
      '  title: h1',
      '  date: .info',
      '  body: "#zoom"',
      'schedule:',
      '  cron: "0 3 1 1 *"',
      'politeness:',
      `  ${politeness}`,
      '',
    ].join('\n'),
  );
}
