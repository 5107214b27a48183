import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { figureLine } from '../../cli/crawl-report.ts';
import { UserError } from '../../cli/errors.ts';
import type { SourceTestResult } from '../../cli/sources-test.ts';
import type { AppContext } from '../../context.ts';
import { extractFigures } from '../../figures/extract.ts';
import { formatInZone } from '../../parse/dates.ts';
import { draftAndTest, testDraft } from '../../sources/draft-check.ts';
import { installSource, parseDraft } from '../../sources/install.ts';
import { SourceFileError, type SourceProblem } from '../../sources/load.ts';
import { sourceTimezone, type Source } from '../../sources/schema.ts';
import { html, safeHref, type HtmlValue } from '../html.ts';
import type { Lang, Phrase } from '../pages/layout.ts';
import { sendAdminPage } from './frame.ts';

const T = {
  title: { zh: '添加信息源', en: 'Add a source' },
  url: { zh: '栏目列表页网址', en: 'List page URL' },
  region: { zh: '地区（城市或省份）', en: 'Region (city or province)' },
  draft: { zh: '生成草稿并测试', en: 'Draft and test' },
  yaml: { zh: '选择器文件（可编辑）', en: 'Selectors file (editable)' },
  retest: { zh: '重新测试', en: 'Test again' },
  save: { zh: '保存并排期', en: 'Save and schedule' },
  wouldStore: { zh: '将会保存的内容', en: 'What it would store' },
  items: { zh: '列表条目', en: 'list items' },
  noDate: { zh: '无日期', en: 'no date' },
  figures: { zh: '关键数据', en: 'key figures' },
  ok: { zh: '可以：该信息源能读到文章。', en: 'OK: the source yields articles.' },
  failed: { zh: '失败：按现状什么也不会保存。', en: 'FAILED: the source would store nothing as it is.' },
  invalid: { zh: '选择器文件有误：', en: 'The selectors file is not valid:' },
  notes: { zh: '草稿说明', en: 'Draft notes' },
  working: { zh: '正在抓取并测试……', en: 'Fetching and testing…' },
} satisfies Record<string, Phrase>;

const NewForm = z.object({ url: z.string().trim().default(''), region: z.string().trim().default('') });
const YamlForm = z.object({ yaml: z.string().max(100_000).default('') });

/** What the page shows after a draft or a test. */
interface Outcome {
  yaml: string;
  notes?: string[];
  source?: Source;
  test?: SourceTestResult;
  problems?: string[];
}

/**
 * Add a source: paste a list page's URL and region, and the page runs `sources new` and
 * `sources test` (the same library functions), shows the draft YAML next to what it would
 * store, tests the edited YAML again, and saves it into the selectors folder, scheduled at once.
 */
export function registerAddSourcePages(app: FastifyInstance, ctx: AppContext): void {
  const tz = ctx.config.timezone;
  const op = { config: { access: 'operator' as const }, schema: { hide: true } };

  const startForm = (req: FastifyRequest, reply: FastifyReply, values: { url: string; region: string }, error?: string) =>
    sendAdminPage(req, reply, {
      title: T.title,
      status: error ? 422 : 200,
      scripts: ['/static/admin.js'],
      body: (lang, csrf) => html`${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<form class="stack" method="post" action="/admin/sources/new" data-busy="${T.working[lang]}">
<input type="hidden" name="_csrf" value="${csrf}">
<label>${T.url[lang]}<input type="url" name="url" value="${values.url}" required placeholder="https://gxj.example.gov.cn/col/col123/index.html"></label>
<label>${T.region[lang]}<input name="region" value="${values.region}" required placeholder="大连市"></label>
<button type="submit">${T.draft[lang]}</button>
</form>`,
    });

  const result = (req: FastifyRequest, reply: FastifyReply, o: Outcome) =>
    sendAdminPage(req, reply, {
      title: T.title,
      status: o.problems ? 422 : 200,
      scripts: ['/static/admin.js'],
      body: (lang, csrf) => html`<div class="draft-grid">
<form class="stack draft-yaml" method="post" action="/admin/sources/test" data-busy="${T.working[lang]}">
<input type="hidden" name="_csrf" value="${csrf}">
${o.problems ? html`<div class="error" role="alert" data-problems><p>${T.invalid[lang]}</p><ul>${o.problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<label>${T.yaml[lang]}<textarea class="code" name="yaml" spellcheck="false">${o.yaml}</textarea></label>
<div class="buttons"><button type="submit">${T.retest[lang]}</button> <button type="submit" formaction="/admin/sources/save" class="save">${T.save[lang]}</button></div>
${o.notes?.length ? html`<details><summary>${T.notes[lang]}</summary><ul>${o.notes.map((n) => html`<li>${n}</li>`)}</ul></details>` : ''}
</form>
<section class="draft-test"><h2>${T.wouldStore[lang]}</h2>${o.source && o.test ? testView(o.source, o.test, lang, tz) : html`<p class="muted">—</p>`}</section>
</div>`,
    });

  app.get('/admin/sources/new', op, async (req, reply) => startForm(req, reply, { url: '', region: '' }));

  app.post('/admin/sources/new', op, async (req, reply) => {
    const { url, region } = NewForm.parse(req.body ?? {});
    if (!/^https?:\/\/\S+$/i.test(url)) return startForm(req, reply, { url, region }, `url: expected the http(s) address of a list page, not "${url}"`);
    if (!region) return startForm(req, reply, { url, region }, 'region: name the city or province the site reports on, e.g. 大连市');
    try {
      const { draft, test } = await draftAndTest(ctx.config, url, region);
      return result(req, reply, { yaml: draft.yaml, notes: draft.notes, source: draft.source, test });
    } catch (err) {
      if (err instanceof UserError) return startForm(req, reply, { url, region }, err.message);
      throw err;
    }
  });

  app.post('/admin/sources/test', op, async (req, reply) => {
    const { yaml } = YamlForm.parse(req.body ?? {});
    let source: Source;
    try {
      source = parseDraft(yaml);
    } catch (err) {
      if (err instanceof SourceFileError) return result(req, reply, { yaml, problems: err.problems.map(problemLine) });
      throw err;
    }
    try {
      return result(req, reply, { yaml, source, test: await testDraft(ctx.config, source) });
    } catch (err) {
      if (err instanceof UserError) return result(req, reply, { yaml, problems: [err.message] });
      throw err;
    }
  });

  app.post('/admin/sources/save', op, async (req, reply) => {
    const { yaml } = YamlForm.parse(req.body ?? {});
    try {
      const source = await installSource(ctx, yaml);
      req.log.info({ reqId: req.id, sourceId: source.id }, 'source added from the web page and scheduled');
      return reply.redirect(`/admin/sources/${encodeURIComponent(source.id)}`, 303);
    } catch (err) {
      if (err instanceof SourceFileError) return result(req, reply, { yaml, problems: err.problems.map(problemLine) });
      throw err;
    }
  });
}

/** A problem as the CLI names it: line, then the field's dotted path, then what is wrong. */
function problemLine(p: SourceProblem): string {
  return `${p.line ? `line ${p.line}: ` : ''}${p.field || '(file)'}: ${p.message}`;
}

/** What `sources test` prints, as a page: list items with dates, each article's title, date, first lines and figures. */
function testView(source: Source, r: SourceTestResult, lang: Lang, fallbackTz: string): HtmlValue {
  const tz = sourceTimezone(source) ?? fallbackTz;
  const date = (d: Date | string | null) => (d ? formatInZone(new Date(d), tz) : T.noDate[lang]);
  const s = r.summary;
  return html`<p class="${r.ok ? 'ok' : 'error'}" data-test-result="${r.ok ? 'ok' : 'failed'}">${r.ok ? T.ok[lang] : T.failed[lang]}</p>
${r.pages.map((p) => {
    if (p.kind === 'list') {
      return html`<div class="test-list"><h3>${p.items.length} ${T.items[lang]}${p.rendered ? ' (Chromium)' : ''}</h3><p class="muted"><a href="${safeHref(p.url)}" rel="noreferrer noopener">${p.url}</a></p>
<ul class="items">${p.items.map((i) => html`<li><span class="date">${date(i.published)}</span> <a href="${safeHref(i.url)}" rel="noreferrer noopener">${i.title || i.url}</a></li>`)}</ul>
${p.problems.map((x) => html`<p class="warn">${x}</p>`)}</div>`;
    }
    const { read } = p;
    const figures = extractFigures(read.text, { region: source.region, published: read.publishedAt ? new Date(read.publishedAt) : null });
    return html`<article class="test-article"><h3><a href="${safeHref(p.url)}" rel="noreferrer noopener">${read.title || p.url}</a></h3>
<p class="muted">${date(read.publishedAt)} · ${read.via}${p.rendered ? ' · Chromium' : ''}</p>
<blockquote>${read.text.split('\n').slice(0, 4).map((line) => html`<p>${line.length > 140 ? `${line.slice(0, 140)}…` : line}</p>`)}</blockquote>
<p>${T.figures[lang]}: ${figures.length}</p>${figures.length ? html`<ul class="figures">${figures.slice(0, 10).map((f) => html`<li>${figureLine(f)}</li>`)}</ul>` : ''}
${read.problems.map((x) => html`<p class="warn">${x}</p>`)}</article>`;
  })}
${s.errors.map((e) => html`<p class="error">${e.url}: ${e.message}</p>`)}
${s.warnings.map((w) => html`<p class="warn">${w}</p>`)}`;
}
