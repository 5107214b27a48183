import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { sourceWarnings, type SourceWarning } from '../../crawl/source-health.ts';
import type { manualCrawls } from '../../queue/manual-crawl.ts';
import { CrawlPendingError } from '../../queue/manual-crawl.ts';
import { nextCrawls } from '../../queue/schedulers.ts';
import { formatProblem } from '../../sources/load.ts';
import { recentArticlesOf, recentRuns, runsOf, type CrawlRunRow } from '../../store/crawl-runs.ts';
import { HttpError } from '../errors.ts';
import { html, safeHref } from '../html.ts';
import type { Lang, Phrase } from '../pages/layout.ts';
import { parseQuery } from '../query.ts';
import { sendAdminPage, when } from './frame.ts';

const T = {
  sources: { zh: '信息源', en: 'Sources' },
  source: { zh: '信息源', en: 'Source' },
  region: { zh: '地区', en: 'Region' },
  schedule: { zh: '计划', en: 'Schedule' },
  next: { zh: '下次抓取', en: 'Next crawl' },
  last: { zh: '上次抓取', en: 'Last crawl' },
  result: { zh: '结果', en: 'Result' },
  crawl: { zh: '立即抓取', en: 'Crawl now' },
  crawlAll: { zh: '全部抓取', en: 'Crawl all' },
  none: { zh: '还没有信息源：添加一个。', en: 'No sources yet: add one.' },
  never: { zh: '从未抓取', en: 'never crawled' },
  articles: { zh: '最近文章', en: 'Recent articles' },
  runs: { zh: '最近抓取', en: 'Latest crawls' },
  noArticles: { zh: '还没有文章。', en: 'No articles yet.' },
  noRuns: { zh: '还没有抓取记录。', en: 'No crawls yet.' },
  progress: { zh: '进度', en: 'Progress' },
  title: { zh: '标题', en: 'Title' },
  published: { zh: '发布', en: 'Published' },
  figures: { zh: '数据', en: 'Figures' },
  started: { zh: '开始', en: 'Started' },
  status: { zh: '状态', en: 'Status' },
  errors: { zh: '错误', en: 'Errors' },
  queuedAll: { zh: '已为所有信息源排队抓取。', en: 'A crawl of every source is queued.' },
  skipped: { zh: '这个选择器文件有误，未加载：', en: 'This selectors file is not valid and was not loaded:' },
} satisfies Record<string, Phrase>;

const IdParams = z.strictObject({ id: z.string().regex(/^[\w.-]{1,100}$/, 'not a source id') });
const JobQuery = z.object({ job: z.string().max(200).optional(), lang: z.string().optional() });

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** One line of a run's result: pages, new stories, errors. */
export function runResult(run: CrawlRunRow | undefined, lang: Lang): string {
  if (!run) return lang === 'zh' ? T.never.zh : T.never.en;
  const s = run.summary ?? {};
  const errors = Array.isArray(s.errors) ? s.errors.length : 0;
  const pages = num(s.listPages) + num(s.articlePages);
  return lang === 'zh'
    ? `${run.status} · ${pages} 页 · 新文章 ${num(s.stored)} · 错误 ${errors}`
    : `${run.status} · ${pages} pages · ${num(s.stored)} new · ${errors} error${errors === 1 ? '' : 's'}`;
}

function warningText(w: SourceWarning, lang: Lang): string {
  switch (w.kind) {
    case 'quiet':
      return lang === 'zh' ? `已 ${w.days} 天没有新文章（通常每 ${w.usualDays} 天有）` : `nothing new for ${w.days} days (usually every ${w.usualDays})`;
    case 'never':
      return lang === 'zh' ? `${w.crawls} 次抓取都没有找到文章` : `${w.crawls} crawls found no article`;
    case 'selectors':
      return lang === 'zh' ? `选择器可能失效：${w.message}` : `selectors may have stopped matching: ${w.message}`;
    case 'failing':
      return lang === 'zh' ? `连续 ${w.crawls} 次抓取失败` : `the last ${w.crawls} crawls failed`;
  }
}

/** The operator's sources pages: the list with warnings, a source's page, and the crawl-now buttons' form posts. */
export function registerSourcePages(app: FastifyInstance, ctx: AppContext, crawls: ReturnType<typeof manualCrawls>): void {
  const tz = ctx.config.timezone;
  const crawlButton = (lang: Lang, csrf: string, id: string) =>
    html`<form method="post" action="/admin/sources/${id}/crawl" data-crawl="${id}"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${T.crawl[lang]}</button></form>`;

  app.get('/admin', { config: { access: 'operator' }, schema: { hide: true } }, async (_req, reply) => reply.redirect('/admin/sources'));

  app.get('/admin/sources', { config: { access: 'operator' }, schema: { hide: true } }, async (req, reply) => {
    const [runs, next] = await Promise.all([recentRuns(ctx.db, new Date(Date.now() - 90 * 86_400_000), 60), nextCrawls(ctx)]);
    const bySource = new Map<string, CrawlRunRow[]>();
    for (const r of runs) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r]);
    const sources = ctx.sources.all();
    return sendAdminPage(req, reply, {
      title: T.sources,
      scripts: ['/static/admin.js'],
      body: (lang, csrf) => html`
<form method="post" action="/admin/sources/crawl" data-crawl-all><input type="hidden" name="_csrf" value="${csrf}"><button type="submit">${T.crawlAll[lang]}</button></form>
${(req.query as { queued?: string }).queued === 'all' ? html`<p class="notice">${T.queuedAll[lang]}</p>` : ''}
${sources.length === 0 ? html`<p><a href="/admin/sources/new">${T.none[lang]}</a></p>` : ''}
${ctx.sources.errors.map((e) => html`<div class="notice error" data-file-error><p>${T.skipped[lang]}</p><ul>${e.problems.map((p) => html`<li>${formatProblem(p)}</li>`)}</ul></div>`)}
<div class="table-wrap"><table class="sources">
<thead><tr><th>${T.source[lang]}</th><th>${T.region[lang]}</th><th>${T.schedule[lang]}</th><th>${T.last[lang]}</th><th>${T.result[lang]}</th><th>${T.progress[lang]}</th></tr></thead>
<tbody>${sources.map((s) => {
        const own = bySource.get(s.id) ?? [];
        const warnings = sourceWarnings(own);
        return html`<tr data-source="${s.id}">
<td><a href="/admin/sources/${s.id}">${s.name}</a><br><code class="muted">${s.id}</code>${warnings.map((w) => html`<div class="warn" data-warning="${w.kind}">⚠ ${warningText(w, lang)}</div>`)}</td>
<td>${s.region}</td>
<td><code>${s.schedule.cron}</code><br><span class="muted">${T.next[lang]}: ${when(next.get(s.id), tz)}</span></td>
<td data-cell="last">${when(own[0]?.startedAt, tz)}</td>
<td data-cell="result">${runResult(own[0], lang)}</td>
<td><div class="crawl-progress" data-progress-for="${s.id}"></div>${crawlButton(lang, csrf, s.id)}</td>
</tr>`;
      })}</tbody></table></div>`,
    });
  });

  app.get('/admin/sources/:id', { config: { access: 'operator' }, schema: { hide: true } }, async (req, reply) => {
    const { id } = parseQuery(IdParams, req.params);
    const { job } = parseQuery(JobQuery, req.query);
    const source = ctx.sources.get(id);
    if (!source) throw new HttpError(404, `no source "${id}"`);
    const [runs, articles] = await Promise.all([runsOf(ctx.db, id, 10), recentArticlesOf(ctx.db, id, 30)]);
    const warnings = sourceWarnings(runs);
    return sendAdminPage(req, reply, {
      title: { zh: source.name, en: source.name },
      scripts: ['/static/admin.js'],
      body: (lang, csrf) => html`
<p><code>${source.id}</code> · ${source.region} · <code>${source.schedule.cron}</code> · <a href="${safeHref(source.list.urls[0])}" rel="noreferrer noopener">${source.list.urls[0]}</a></p>
${warnings.map((w) => html`<p class="warn" data-warning="${w.kind}">⚠ ${warningText(w, lang)}</p>`)}
<div class="crawl-progress" data-progress-for="${source.id}" data-job="${job ?? ''}"></div>
${crawlButton(lang, csrf, source.id)}
<h2>${T.runs[lang]}</h2>
${runs.length === 0 ? html`<p class="muted">${T.noRuns[lang]}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>${T.started[lang]}</th><th>${T.status[lang]}</th><th>${T.result[lang]}</th><th>${T.errors[lang]}</th></tr></thead>
<tbody>${runs.map((r) => html`<tr><td>${when(r.startedAt, tz)}</td><td>${r.status}</td><td>${runResult(r, lang)}</td><td>${runErrors(r)}</td></tr>`)}</tbody></table></div>`}
<h2>${T.articles[lang]}</h2>
${articles.length === 0 ? html`<p class="muted">${T.noArticles[lang]}</p>` : html`<div class="table-wrap"><table>
<thead><tr><th>${T.title[lang]}</th><th>${T.published[lang]}</th><th>${T.figures[lang]}</th></tr></thead>
<tbody>${articles.map((a) => html`<tr><td><a href="${safeHref(a.url)}" rel="noreferrer noopener">${a.title || a.url}</a>${a.relevant ? '' : html` <span class="muted">(${lang === 'zh' ? '非工业报道' : 'not a report'})</span>`}</td><td>${when(a.publishedAt, tz)}</td><td>${a.figures}</td></tr>`)}</tbody></table></div>`}`,
    });
  });

  // Without the page's script the buttons post forms: queue, then show the source's page following the job.
  app.post('/admin/sources/:id/crawl', { config: { access: 'operator' }, schema: { hide: true } }, async (req, reply) => {
    const { id } = parseQuery(IdParams, req.params);
    if (!ctx.sources.get(id)) throw new HttpError(404, `no source "${id}"`);
    let jobId: string;
    try {
      jobId = (await crawls.queue(id)).id!;
    } catch (err) {
      if (!(err instanceof CrawlPendingError)) throw err;
      jobId = err.jobId;
    }
    return reply.redirect(`/admin/sources/${encodeURIComponent(id)}?job=${encodeURIComponent(jobId)}`, 303);
  });

  app.post('/admin/sources/crawl', { config: { access: 'operator' }, schema: { hide: true } }, async (_req, reply) => {
    for (const s of ctx.sources.all()) await crawls.queue(s.id).catch((err) => { if (!(err instanceof CrawlPendingError)) throw err; });
    return reply.redirect('/admin/sources?queued=all', 303);
  });
}

function runErrors(r: CrawlRunRow) {
  const errors = Array.isArray(r.summary?.errors) ? (r.summary.errors as { url?: string; message?: string }[]) : [];
  const warnings = Array.isArray(r.summary?.warnings) ? (r.summary.warnings as string[]) : [];
  if (!errors.length && !warnings.length) return '—';
  return html`<ul class="problems">${errors.slice(0, 10).map((e) => html`<li class="error">${e.url}: ${e.message}</li>`)}${warnings.slice(0, 5).map((w) => html`<li class="warn">${w}</li>`)}</ul>`;
}
