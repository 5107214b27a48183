import { randomBytes } from 'node:crypto';
import escapeHtml from 'escape-html';
import juice from 'juice';
import type { FigureConflict } from '../dedup/figure-agreement.ts';
import type { Digest, DigestEntry, DigestFigure } from './collect.ts';
import type { SubscriberLinks } from './links.ts';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

export interface RenderOptions {
  /** Language of the frame (headings, labels, subject); scraped text is shown as found. */
  lang?: 'zh' | 'en';
  timezone?: string;
}

/**
 * A digest rendered once for everyone who gets the same stories, with a marker where each
 * subscriber's own links go: `personalise` fills them in. The markers carry a random nonce,
 * so scraped text can never contain one.
 */
export interface DigestTemplate extends RenderedDigest {
  marker: { manage: string; unsubscribe: string };
}

/** Tier-1 figures shown per story in its table; the rest are a click away on the article. */
const FIGURES_PER_ENTRY = 8;
/** Tier-2 figures on a story's "more" line. */
const MORE_PER_ENTRY = 4;
/** About two lines of a phone screen. */
const LEAD_CHARS = 70;

const LABELS = {
  zh: {
    htmlLang: 'zh-CN',
    brand: 'indwatch 工业报告摘要',
    count: (n: number) => `${n}篇新报告`,
    notReports: (n: number) => `另有${n}个页面不是工业报告，未列入。`,
    glance: '数据一览',
    glanceHead: ['指标', '本期', '上期', ''],
    tableHead: ['指标', '时期', '数值', '基准'],
    more: '更多',
    alsoAt: '另见',
    disagree: '各来源数值不一致',
    conflictMark: '⚠ 来源不一致',
    revised: '[已更新]',
    noRegion: '未注明地区',
    empty: '本期没有新的工业报告。',
    manage: '管理订阅',
    unsubscribe: '退订',
    why: '您收到此邮件，是因为订阅了 indwatch 工业报告摘要。',
    subject: (region: string, places: number, n: number, period: string) => `${places > 1 ? `${region}等${places}地` : region} · ${n}篇工业报告 · ${period}`,
    emptySubject: (period: string) => `indwatch · 本期无新工业报告 · ${period}`,
    day: (d: Date, tz: string) => {
      const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: tz, month: 'numeric', day: 'numeric' }).formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.month}月${p.day}日`;
    },
    range: (a: string, b: string) => `${a}—${b}`,
  },
  en: {
    htmlLang: 'en',
    brand: 'indwatch industrial reports',
    count: (n: number) => `${n} new report${n === 1 ? '' : 's'}`,
    notReports: (n: number) => `${n} other page${n === 1 ? '' : 's'} crawled and left out (not industrial reports).`,
    glance: 'Figures at a glance',
    glanceHead: ['Indicator', 'Now', 'Before', ''],
    tableHead: ['Indicator', 'Period', 'Value', 'Basis'],
    more: 'More',
    alsoAt: 'Also reported by',
    disagree: 'Sources disagree on',
    conflictMark: '⚠ sources disagree',
    revised: '[revised]',
    noRegion: 'Region not stated',
    empty: 'No new reports in this period.',
    manage: 'Manage preferences',
    unsubscribe: 'Unsubscribe',
    why: 'You receive this because you subscribed to indwatch digests.',
    subject: (region: string, places: number, n: number, period: string) =>
      `${places > 1 ? `${region} and ${places - 1} more place${places > 2 ? 's' : ''}` : region} · ${n} industrial report${n === 1 ? '' : 's'} · ${period}`,
    emptySubject: (period: string) => `indwatch · no new industrial reports · ${period}`,
    day: (d: Date, tz: string) => d.toLocaleDateString('en-US', { timeZone: tz, month: 'short', day: 'numeric' }),
    range: (a: string, b: string) => `${a} – ${b}`,
  },
};
type Labels = (typeof LABELS)['zh'];

const ARROW = { up: '↑', down: '↓', same: '→' } as const;

const STYLE = `
body { margin: 0; padding: 0; background: #f3f4f6; color: #1f2937; font-family: -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; font-size: 15px; line-height: 1.5; }
.outer { width: 100%; background: #f3f4f6; }
.wrap { width: 100%; max-width: 640px; background: #ffffff; }
.pad { padding: 16px 20px; }
.brand { font-size: 20px; font-weight: bold; margin: 0; }
.muted { color: #6b7280; font-size: 13px; margin: 2px 0; }
.glance { background: #eff6ff; padding: 12px 20px; }
.glance h2 { font-size: 15px; margin: 0 0 6px; }
.glance h4 { font-size: 14px; margin: 8px 0 2px; }
.region { font-size: 17px; margin: 20px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #1d4ed8; }
.story { margin: 0 0 18px; }
.story h3 { font-size: 16px; line-height: 1.4; margin: 0 0 2px; word-break: break-word; }
.story h3 a { color: #1d4ed8; text-decoration: none; }
.lead { color: #374151; font-size: 14px; margin: 4px 0; word-break: break-word; }
table.figs { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; margin: 6px 0; }
table.figs th { text-align: left; color: #6b7280; font-weight: normal; border-bottom: 1px solid #d1d5db; padding: 3px 4px; }
table.figs td { border-bottom: 1px solid #eef0f3; padding: 3px 4px; vertical-align: top; word-break: break-word; }
td.num { font-weight: bold; }
.value { white-space: nowrap; }
.more, .also { color: #4b5563; font-size: 13px; margin: 4px 0; word-break: break-word; }
.warn { color: #a15c00; font-size: 13px; margin: 4px 0; word-break: break-word; }
.foot { color: #6b7280; font-size: 12px; padding: 16px 20px; border-top: 1px solid #e5e7eb; }
.foot a { color: #1d4ed8; }
@media (max-width: 480px) {
  .pad, .glance, .foot { padding-left: 12px !important; padding-right: 12px !important; }
  table.figs { font-size: 12px !important; }
}
`;

/** Renders a digest with its links filled in: for previews and single mails. A string names the time zone. */
export function renderDigest(digest: Digest, options: RenderOptions | string = {}, links?: SubscriberLinks): RenderedDigest {
  const opts = typeof options === 'string' ? { timezone: options } : options;
  return personalise(renderDigestTemplate(digest, opts), links ?? { manage: '#', unsubscribe: '#' });
}

/** Puts one subscriber's links into a rendered digest. */
export function personalise(t: DigestTemplate, links: SubscriberLinks): RenderedDigest {
  const fill = (s: string, esc: (x: string) => string) => s.split(t.marker.manage).join(esc(links.manage)).split(t.marker.unsubscribe).join(esc(links.unsubscribe));
  return { subject: t.subject, html: fill(t.html, escapeHtml), text: fill(t.text, (x) => x) };
}

/**
 * The digest as a mail: subject, plain text and HTML (CSS inlined by juice, media queries kept
 * for phones). Everything scraped goes through `escapeHtml` in HTML and `oneLine` wherever a
 * line break could forge a header or a line of the frame.
 */
export function renderDigestTemplate(digest: Digest, options: RenderOptions = {}): DigestTemplate {
  const L = LABELS[options.lang ?? 'zh'];
  const tz = options.timezone ?? 'Asia/Shanghai';
  const nonce = randomBytes(8).toString('hex');
  const marker = { manage: `iw-${nonce}-manage`, unsubscribe: `iw-${nonce}-unsubscribe` };
  const day = (d: Date) => L.day(d, tz);
  const period = L.range(day(digest.since), day(digest.until));
  const byRegion = groupBy(digest.entries, (e) => oneLine(e.region ?? '') || L.noRegion);
  const n = digest.entries.length;
  const subject = n ? L.subject(oneLine([...byRegion.keys()][0]), byRegion.size, n, period) : L.emptySubject(period);

  const glanceByRegion = groupBy(digest.glance, (g) => oneLine(g.region));
  const htmlGlance = digest.glance.length
    ? `<div class="glance"><h2>${L.glance}</h2>${[...glanceByRegion]
        .map(
          ([region, rows]) =>
            `<h4>${escapeHtml(region)}</h4><table class="figs" role="presentation"><tr>${L.glanceHead.map((h) => `<th>${h}</th>`).join('')}</tr>${rows
              .map((g) => `<tr><td>${escapeHtml(g.figure.indicator)}${g.conflict ? ` <span class="warn">${L.conflictMark}</span>` : ''}</td><td class="num"><span class="value">${escapeHtml(formatValue(g.figure))}</span><br><span class="muted">${escapeHtml(g.figure.period ?? '')}</span></td><td>${g.previous ? `${escapeHtml(formatValue({ ...g.figure, ...g.previous }))}<br><span class="muted">${escapeHtml(g.previous.period)}</span>` : '–'}</td><td>${g.direction ? ARROW[g.direction] : ''}</td></tr>`)
              .join('')}</table>`,
        )
        .join('')}</div>`
    : '';
  const htmlSections = [...byRegion]
    .map(([region, entries]) => `<h2 class="region">${escapeHtml(region)}</h2>\n${entries.map((e) => htmlEntry(e, L, day)).join('\n')}`)
    .join('\n');
  const html = juice(
    `<!doctype html>
<html lang="${L.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title><style>${STYLE}</style></head>
<body><table class="outer" role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table class="wrap" role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td>
<div class="pad"><p class="brand">${L.brand}</p><p class="muted">${escapeHtml(period)} · ${L.count(n)}</p>${digest.notReports ? `<p class="muted">${L.notReports(digest.notReports)}</p>` : ''}</div>
${htmlGlance}
<div class="pad">${htmlSections || `<p>${L.empty}</p>`}</div>
<div class="foot">${L.why}<br><a href="${marker.manage}">${L.manage}</a> · <a href="${marker.unsubscribe}">${L.unsubscribe}</a></div>
</td></tr></table></td></tr></table></body></html>
`,
    { preserveMediaQueries: true, preserveImportant: true },
  );

  const textGlance = digest.glance.length
    ? `【${L.glance}】\n${[...glanceByRegion]
        .map(([region, rows]) => `${region}\n${rows.map((g) => `  ${oneLine(g.figure.indicator)}: ${formatValue(g.figure)} (${oneLine(g.figure.period ?? '')})${g.previous ? `  ${L.glanceHead[2]} ${formatValue({ ...g.figure, ...g.previous })} (${g.previous.period}) ${g.direction ? ARROW[g.direction] : ''}` : ''}${g.conflict ? `  ${L.conflictMark}` : ''}`.trimEnd()).join('\n')}`)
        .join('\n')}\n\n`
    : '';
  const textSections = [...byRegion].map(([region, entries]) => `== ${region} ==\n\n${entries.map((e) => textEntry(e, L, day)).join('\n\n')}`).join('\n\n');
  const text = `${L.brand} · ${period}\n${L.count(n)}${digest.notReports ? `\n${L.notReports(digest.notReports)}` : ''}\n\n${textGlance}${textSections || L.empty}\n\n-- \n${L.why}\n${L.manage}: ${marker.manage}\n${L.unsubscribe}: ${marker.unsubscribe}\n`;
  return { subject, html, text, marker };
}

function htmlEntry(e: DigestEntry, L: Labels, day: (d: Date) => string): string {
  const { table, more } = splitFigures(e);
  const rows = table
    .map((f) => `<tr><td>${escapeHtml(f.indicator)}</td><td>${escapeHtml(f.period ?? '')}</td><td class="num"><span class="value">${escapeHtml(formatValue(f))}</span></td><td>${escapeHtml(basisText(f))}</td></tr>`)
    .join('');
  const moreLine = more.length ? `<p class="more">${L.more}: ${more.map((f) => escapeHtml(`${f.indicator} ${formatValue(f)}`)).join(' · ')}</p>` : '';
  const also = e.alsoAt.length
    ? `<p class="also">${L.alsoAt}: ${e.alsoAt.map((a) => `<a href="${safeHref(a.url)}">${escapeHtml(a.sourceName)}</a>`).join(', ')}</p>`
    : '';
  const conflicts = (e.conflicts ?? [])
    .map(
      (c) =>
        `<p class="warn">${L.disagree} ${escapeHtml(conflictLabel(c))}: ${c.values
          .map((v) => `<b>${escapeHtml(formatValue({ ...c, ...v }))}</b> (${v.places.map((p) => `<a href="${safeHref(p.url)}">${escapeHtml(p.sourceName)}</a>`).join(', ')})`)
          .join(' vs ')}</p>`,
    )
    .join('');
  const revised = e.revised ? ` <span class="warn">${L.revised}</span>` : '';
  return `<div class="story">
<h3><a href="${safeHref(e.url)}">${escapeHtml(e.title)}</a>${revised}</h3>
<p class="muted">${escapeHtml(e.sourceName)}${e.publishedAt ? ` · ${escapeHtml(day(e.publishedAt))}` : ''}</p>
${e.lead ? `<p class="lead">${escapeHtml(lead(e.lead, e.title))}</p>` : ''}
${rows ? `<table class="figs"><tr>${L.tableHead.map((h) => `<th>${h}</th>`).join('')}</tr>${rows}</table>` : ''}${moreLine}${conflicts}${also}
</div>`;
}

function textEntry(e: DigestEntry, L: Labels, day: (d: Date) => string): string {
  const { table, more } = splitFigures(e);
  const lines = [
    `* ${oneLine(e.title)}${e.revised ? ` ${L.revised}` : ''}`,
    `  ${oneLine(e.sourceName)}${e.publishedAt ? ` · ${day(e.publishedAt)}` : ''}`,
    `  ${oneLine(e.url)}`,
  ];
  if (e.lead) lines.push(`  ${lead(e.lead, e.title)}`);
  for (const f of table) lines.push(`  - ${oneLine(f.indicator)}: ${formatValue(f)} ${oneLine(context(f))}`.trimEnd());
  if (more.length) lines.push(`  ${L.more}: ${more.map((f) => `${oneLine(f.indicator)} ${formatValue(f)}`).join(' · ')}`);
  for (const c of e.conflicts ?? []) {
    lines.push(`  ! ${L.disagree} ${oneLine(conflictLabel(c))}: ${c.values.map((v) => `${formatValue({ ...c, ...v })} (${v.places.map((p) => oneLine(p.sourceName)).join(', ')})`).join(' vs ')}`);
  }
  if (e.alsoAt.length) lines.push(`  ${L.alsoAt}: ${e.alsoAt.map((a) => `${oneLine(a.sourceName)} <${oneLine(a.url)}>`).join(', ')}`);
  return lines.join('\n');
}

function splitFigures(e: DigestEntry): { table: DigestFigure[]; more: DigestFigure[] } {
  const tier1 = e.figures.filter((f) => f.tier <= 1);
  return {
    table: tier1.slice(0, FIGURES_PER_ENTRY),
    more: [...tier1.slice(FIGURES_PER_ENTRY), ...e.figures.filter((f) => f.tier > 1)].slice(0, MORE_PER_ENTRY),
  };
}

/** Scraped text on one line: a line break in a title must not start a line (or a header) of its own. */
export function oneLine(s: string): string {
  return s.replace(/[\s\u2028\u2029\u0085]+/g, ' ').trim();
}

/** The opening of the text, without the title many pages repeat as their first line. */
function lead(s: string, title: string): string {
  let t = oneLine(s);
  const heading = oneLine(title);
  if (heading && t.startsWith(heading)) t = t.slice(heading.length).replace(/^[\s。：:，,]+/, '');
  return t.length > LEAD_CHARS ? `${t.slice(0, LEAD_CHARS)}…` : t;
}

export function formatValue(f: Pick<DigestFigure, 'kind' | 'value' | 'unit' | 'target'>): string {
  const n = Number.isInteger(f.value) ? String(f.value) : String(Number(f.value.toFixed(4)));
  const signed = f.value > 0 ? `+${n}` : n;
  const v =
    f.kind === 'growth' ? `${signed}%` : f.kind === 'gap' ? `${signed} 个百分点` : f.kind === 'rank' ? `第${n}位` : f.kind === 'share' ? `${n}%` : `${n}${oneLine(f.unit)}`;
  return f.target ? `目标 ${v}` : v;
}

/** A scraped link may be anything; only web addresses become links. */
function safeHref(url: string): string {
  return /^https?:\/\//i.test(url) ? escapeHtml(url) : '#';
}

function conflictLabel(c: FigureConflict): string {
  return [c.indicator, c.region, c.period].filter(Boolean).join(', ');
}

/** The period and what the figure is measured against, as a report would say it. */
function context(f: DigestFigure): string {
  return [f.period, basisText(f)].filter(Boolean).join(' · ');
}

function basisText(f: DigestFigure): string {
  if (!f.basis) return '';
  if (/^(同比|环比)/.test(f.basis)) return f.basis;
  if (f.kind === 'rank') return `${f.basis}中`;
  if (f.kind === 'share') return `占${f.basis}`;
  return `比${f.basis}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
