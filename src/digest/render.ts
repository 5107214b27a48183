import escapeHtml from 'escape-html';
import type { FigureConflict } from '../dedup/figure-agreement.ts';
import type { Digest, DigestEntry, DigestFigure } from './collect.ts';

export interface RenderedDigest {
  subject: string;
  html: string;
  text: string;
}

/** Figures shown per story; the rest are a click away on the article. */
const FIGURES_PER_ENTRY = 8;

/** Everything scraped is untrusted: every value goes through escapeHtml in the HTML part. */
export function renderDigest(digest: Digest, timezone = 'Asia/Shanghai'): RenderedDigest {
  const day = (d: Date) => d.toLocaleDateString('sv-SE', { timeZone: timezone });
  const period = `${day(digest.since)} – ${day(digest.until)}`;
  const subject = `indwatch digest ${period}: ${digest.entries.length} report${digest.entries.length === 1 ? '' : 's'}`;
  const byRegion = groupBy(digest.entries, (e) => e.region ?? '未注明地区');

  const htmlSections = [...byRegion]
    .map(([region, entries]) => `<h2 style="font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px">${escapeHtml(region)}</h2>\n${entries.map((e) => htmlEntry(e, day)).join('\n')}`)
    .join('\n');
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;max-width:720px;margin:0 auto;padding:16px;color:#222">
<h1 style="font-size:22px">indwatch · ${escapeHtml(period)}</h1>
<p style="color:#666">${digest.entries.length} new report${digest.entries.length === 1 ? '' : 's'}${digest.notReports ? `; ${digest.notReports} other page${digest.notReports === 1 ? '' : 's'} crawled and left out (not industrial reports)` : ''}.</p>
${htmlSections || '<p>No new reports in this period.</p>'}
</body></html>
`;

  const textSections = [...byRegion]
    .map(([region, entries]) => `== ${region} ==\n\n${entries.map((e) => textEntry(e, day)).join('\n\n')}`)
    .join('\n\n');
  const text = `indwatch · ${period}\n${digest.entries.length} new report(s)\n\n${textSections || 'No new reports in this period.'}\n`;
  return { subject, html, text };
}

function htmlEntry(e: DigestEntry, day: (d: Date) => string): string {
  const figures = e.figures.slice(0, FIGURES_PER_ENTRY);
  const rows = figures
    .map(
      (f) =>
        `<tr><td style="padding:2px 8px 2px 0">${escapeHtml(f.indicator)}</td><td style="padding:2px 8px;white-space:nowrap;text-align:right"><b>${escapeHtml(formatValue(f))}</b></td><td style="padding:2px 0;color:#666">${escapeHtml(context(f))}</td></tr>`,
    )
    .join('');
  const more = e.figures.length > figures.length ? `<p style="color:#666;margin:4px 0">and ${e.figures.length - figures.length} more figures</p>` : '';
  const also = e.alsoAt.length
    ? `<p style="color:#666;margin:4px 0">Also reported by: ${e.alsoAt.map((a) => `<a href="${safeHref(a.url)}">${escapeHtml(a.sourceName)}</a>`).join(', ')}</p>`
    : '';
  const conflicts = (e.conflicts ?? [])
    .map(
      (c) =>
        `<p style="color:#a15c00;margin:4px 0">Sources disagree on ${escapeHtml(conflictLabel(c))}: ${c.values
          .map((v) => `<b>${escapeHtml(formatValue({ ...c, ...v }))}</b> (${v.places.map((p) => `<a href="${safeHref(p.url)}">${escapeHtml(p.sourceName)}</a>`).join(', ')})`)
          .join(' vs ')}</p>`,
    )
    .join('');
  const revised = e.revised ? ' <span style="color:#a15c00;font-size:13px">[revised]</span>' : '';
  return `<div style="margin:12px 0 20px">
<h3 style="font-size:16px;margin:0 0 4px"><a href="${safeHref(e.url)}" style="color:#0645ad;text-decoration:none">${escapeHtml(e.title)}</a>${revised}</h3>
<p style="color:#666;margin:0 0 6px">${escapeHtml(e.sourceName)}${e.publishedAt ? ` · ${escapeHtml(day(e.publishedAt))}` : ''}</p>
${rows ? `<table style="border-collapse:collapse;font-size:14px">${rows}</table>` : ''}${more}${conflicts}${also}
</div>`;
}

function textEntry(e: DigestEntry, day: (d: Date) => string): string {
  const lines = [`* ${e.title}${e.revised ? ' [revised]' : ''}`, `  ${e.sourceName}${e.publishedAt ? ` · ${day(e.publishedAt)}` : ''}`, `  ${e.url}`];
  for (const f of e.figures.slice(0, FIGURES_PER_ENTRY)) lines.push(`  - ${f.indicator}: ${formatValue(f)} ${context(f)}`.trimEnd());
  for (const c of e.conflicts ?? []) {
    lines.push(`  ! Sources disagree on ${conflictLabel(c)}: ${c.values.map((v) => `${formatValue({ ...c, ...v })} (${v.places.map((p) => p.sourceName).join(', ')})`).join(' vs ')}`);
  }
  if (e.alsoAt.length) lines.push(`  Also reported by: ${e.alsoAt.map((a) => `${a.sourceName} <${a.url}>`).join(', ')}`);
  return lines.join('\n');
}

export function formatValue(f: Pick<DigestFigure, 'kind' | 'value' | 'unit' | 'target'>): string {
  const n = Number.isInteger(f.value) ? String(f.value) : String(Number(f.value.toFixed(4)));
  const signed = f.value > 0 ? `+${n}` : n;
  const v =
    f.kind === 'growth' ? `${signed}%` : f.kind === 'gap' ? `${signed} 个百分点` : f.kind === 'rank' ? `第${n}位` : f.kind === 'share' ? `${n}%` : `${n}${f.unit}`;
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
  return [f.period, f.basis ? basisPhrase(f.kind, f.basis) : null].filter(Boolean).join(' · ');
}

function basisPhrase(kind: string, basis: string): string {
  if (/^(同比|环比)/.test(basis)) return basis;
  if (kind === 'rank') return `${basis}中`;
  if (kind === 'share') return `占${basis}`;
  return `比${basis}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    out.set(k, [...(out.get(k) ?? []), item]);
  }
  return out;
}
