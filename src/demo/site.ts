import http from 'node:http';
import type { AddressInfo } from 'node:net';
import escapeHtml from 'escape-html';
import { DEMO_ARTICLES, type DemoArticle } from './articles.ts';

/** Items per list page; small so the demo shows pagination. */
const PAGE_SIZE = 3;

export interface DemoSite {
  url: string;
  close(): Promise<void>;
}

/**
 * A local site shaped like a city industry bureau's news column: a paginated list
 * (`/col/col100/index.html`, `index_2.html`) and Hanweb-style article pages with the body in `#zoom`.
 */
export async function startDemoSite(port = 0, host = '127.0.0.1'): Promise<DemoSite> {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://demo').pathname;
    const listMatch = path.match(/^\/col\/col100\/index(?:_(\d+))?\.html$/);
    const articleMatch = path.match(/^\/art\/2026\/(art_\d+)\.html$/);
    const article = articleMatch && DEMO_ARTICLES.find((a) => a.slug === articleMatch[1]);
    if (listMatch) send(res, 200, listPage(Number(listMatch[1] ?? 1)));
    else if (article) send(res, 200, articlePage(article));
    else if (path === '/robots.txt') send(res, 200, 'User-agent: *\nAllow: /\n', 'text/plain; charset=utf-8');
    else send(res, 404, '<h1>404</h1>');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/html; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

function listPage(n: number): string {
  const sorted = [...DEMO_ARTICLES].sort((a, b) => b.published.localeCompare(a.published));
  const pages = Math.ceil(sorted.length / PAGE_SIZE);
  const items = sorted
    .slice((n - 1) * PAGE_SIZE, n * PAGE_SIZE)
    .map((a) => `<li><a href="/art/2026/${a.slug}.html" title="${escapeHtml(a.title)}">${escapeHtml(a.title)}</a><span class="date">[${a.published.slice(0, 10)}]</span></li>`)
    .join('\n');
  const next = n < pages ? `<a class="next" href="index_${n + 1}.html">下一页</a>` : '';
  return page('工信动态', `<ul class="list">${items}</ul><div class="pager">${next}</div>`);
}

function articlePage(a: DemoArticle): string {
  const body = a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return page(
    a.title,
    `<h1 class="title">${escapeHtml(a.title)}</h1>
<div class="info">发布日期：${a.published} 来源：滨海市工业和信息化局 <span class="share">分享到：微信 微博</span></div>
<div id="zoom">${body}</div>
<div class="print">【打印本页】【关闭窗口】</div>`,
  );
}

function page(title: string, main: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} - 滨海市工业和信息化局</title></head>
<body><div class="nav"><a href="/">首页</a> <a href="/col/col100/index.html">工信动态</a></div>
<div class="main">${main}</div>
<div class="footer">主办：滨海市工业和信息化局 电话：0000-00000000</div></body></html>`;
}
