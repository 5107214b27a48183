import type { FigureChoices } from '../../store/figures.ts';
import { comparePeriods, type ExplorerSeries } from '../figure-series.ts';
import { html, safeHref, type SafeHtml } from '../html.ts';
import { lineChart, type ChartSeries } from './chart.ts';
import { page, type Lang } from './layout.ts';
import { KIND_NAMES, PUBLIC_NAV } from './public-nav.ts';

export interface FiguresPageInput {
  lang: Lang;
  path: string;
  choices: FigureChoices;
  /** What was chosen; empty strings when nothing yet. */
  chosen: { regions: string[]; indicator: string; kind: string };
  series: ExplorerSeries[];
}

const T = {
  title: { zh: '数据浏览', en: 'Figures explorer' },
  region: { zh: '地区', en: 'Region' },
  compare: { zh: '对比地区（可选）', en: 'Compare with (optional)' },
  none: { zh: '（不对比）', en: '(none)' },
  indicator: { zh: '指标', en: 'Indicator' },
  kind: { zh: '类型', en: 'Kind' },
  show: { zh: '显示', en: 'Show' },
  choose: { zh: '请选择地区和指标。', en: 'Choose a region and an indicator.' },
  empty: { zh: '没有找到这个指标的数据。', en: 'No values of this indicator were found.' },
  noFigures: { zh: '还没有任何数据：抓取报告后再来看看。', en: 'No figures yet: come back after reports have been crawled.' },
  period: { zh: '时期', en: 'Period' },
  value: { zh: '数值', en: 'Value' },
  basis: { zh: '口径', en: 'Basis' },
  report: { zh: '来源报告', en: 'Report' },
  conflict: { zh: '来源不一致', en: 'sources disagree' },
  conflictNote: { zh: '红圈：不同来源对同一地区、指标和时期给出了不同的数值。', en: 'Red rings: sources state different values for the same region, indicator and period.' },
  story: { zh: '报告页', en: 'story' },
};

/** The figures explorer: a choice of region(s) and measure, then a chart and the same values as a table. */
export function figuresPage(input: FiguresPageInput): SafeHtml {
  const { lang, choices, chosen, series } = input;
  const [first = '', second = ''] = chosen.regions;
  const indicators = [...new Set(choices.measures.map((m) => m.indicator))];
  // Every kind, the chosen indicator's first: without script the list cannot follow a change of indicator.
  const kinds = [...new Set([...choices.measures.filter((m) => m.indicator === chosen.indicator), ...choices.measures].map((m) => m.kind))];
  const kindName = (k: string) => KIND_NAMES[k]?.[lang] ?? k;
  const form = html`<form class="filters" method="get" action="/figures">
<label>${T.region[lang]}<select name="region">${choices.regions.map((r) => html`<option value="${r}" ${r === first ? 'selected' : ''}>${r}</option>`)}</select></label>
<label>${T.compare[lang]}<select name="region"><option value="">${T.none[lang]}</option>${choices.regions.map((r) => html`<option value="${r}" ${r === second ? 'selected' : ''}>${r}</option>`)}</select></label>
<label>${T.indicator[lang]}<select name="indicator">${indicators.map((i) => html`<option value="${i}" ${i === chosen.indicator ? 'selected' : ''}>${i}</option>`)}</select></label>
<label>${T.kind[lang]}<select name="kind">${kinds.map((k) => html`<option value="${k}" ${k === chosen.kind ? 'selected' : ''}>${kindName(k)}</option>`)}</select></label>
<button type="submit">${T.show[lang]}</button>
</form>`;
  let result: SafeHtml;
  if (!choices.regions.length) result = html`<p class="notice">${T.noFigures[lang]}</p>`;
  else if (!first || !chosen.indicator || !chosen.kind) result = html`<p class="muted">${T.choose[lang]}</p>`;
  else if (!series.some((s) => s.values.length)) result = html`<p class="notice">${T.empty[lang]}</p>`;
  else result = explorerResult(lang, chosen.indicator, kindName(chosen.kind), series);
  return page({ lang, title: T.title[lang], path: input.path, nav: PUBLIC_NAV, body: html`${choices.regions.length ? form : ''}${result}` });
}

function explorerResult(lang: Lang, indicator: string, kind: string, series: ExplorerSeries[]): SafeHtml {
  const all = series.flatMap((s) => s.values);
  // One axis, one unit: the most common one; values in another unit stay in the table.
  const unit = mostCommon(all.map((v) => v.unit));
  const categories = [...new Set(all.filter((v) => v.unit === unit).map((v) => v.period))].sort(comparePeriods);
  const chartSeries: ChartSeries[] = series.map((s) => {
    const shown = s.values.filter((v) => v.unit === unit);
    const line = categories.flatMap((c) => {
      const first = shown.find((v) => v.period === c && !v.conflict) ?? shown.find((v) => v.period === c);
      return first ? [{ x: c, y: first.value }] : [];
    });
    return {
      name: s.region,
      line,
      points: shown.map((v) => ({
        x: v.period,
        y: v.value,
        href: safeHref(v.reports[0]?.url),
        label: `${s.region} ${v.period} ${v.value}${v.unit} · ${v.reports.map((r) => r.sourceName).join(', ')}${v.conflict ? ` · ${T.conflict[lang]}` : ''}`,
        conflict: v.conflict,
      })),
    };
  });
  const title = `${series.map((s) => s.region).join(' / ')} · ${indicator} · ${kind}`;
  const anyConflict = all.some((v) => v.conflict);
  return html`<h2>${title}</h2>
<figure class="chart-box">${lineChart({ title, categories, series: chartSeries, unit })}</figure>
${anyConflict ? html`<p class="warn">${T.conflictNote[lang]}</p>` : ''}
<div class="table-wrap"><table class="figures">
<thead><tr><th>${T.region[lang]}</th><th>${T.period[lang]}</th><th>${T.value[lang]}</th><th>${T.basis[lang]}</th><th>${T.report[lang]}</th></tr></thead>
<tbody>${series.flatMap((s) =>
    s.values.map(
      (v) => html`<tr class="${v.conflict ? 'conflict' : ''}"><td>${s.region}</td><td class="period">${v.period}</td><td class="num">${v.value}${v.unit}${v.conflict ? html` <span class="flag" title="${T.conflict[lang]}">⚠ ${T.conflict[lang]}</span>` : ''}</td><td>${v.basis ?? ''}</td><td>${v.reports.map(
        (r) => html`<div><a href="${safeHref(r.url)}" rel="noopener noreferrer">${r.title}</a> <span class="muted">${r.sourceName}</span>${r.storyId ? html` · <a href="/stories/${r.storyId}">${T.story[lang]}</a>` : ''}</div>`,
      )}</td></tr>`,
    ),
  )}</tbody>
</table></div>`;
}

function mostCommon(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}
