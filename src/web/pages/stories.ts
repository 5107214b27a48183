import type { FigureConflict } from '../../dedup/figure-agreement.ts';
import type { StoryDetail, StoryFigure, StoryFigures } from '../../store/story-detail.ts';
import type { StorySummary } from '../../store/stories.ts';
import type { RegionChoices } from '../region-choices.ts';
import { html, safeHref, type SafeHtml } from '../html.ts';
import { page, type Lang } from './layout.ts';
import { KIND_NAMES, PUBLIC_NAV } from './public-nav.ts';

const T = {
  archive: { zh: '近期报告', en: 'Recent stories' },
  region: { zh: '地区', en: 'Region' },
  period: { zh: '时间', en: 'Period' },
  source: { zh: '来源', en: 'Source' },
  keyword: { zh: '关键词', en: 'Keyword' },
  all: { zh: '全部', en: 'All' },
  filter: { zh: '筛选', en: 'Filter' },
  more: { zh: '更早的报告 →', en: 'Older stories →' },
  first: { zh: '← 最新', en: '← Newest' },
  none: { zh: '没有符合条件的报告。', en: 'No stories match.' },
  alsoAt: { zh: '同时见于', en: 'Also at' },
  original: { zh: '原文', en: 'Original' },
  indicator: { zh: '指标', en: 'Indicator' },
  value: { zh: '数值', en: 'Value' },
  basis: { zh: '口径', en: 'Basis' },
  places: { zh: '出现位置', en: 'Where it appeared' },
  figures: { zh: '数据', en: 'Figures' },
  noFigures: { zh: '未提取到数据。', en: 'No figures extracted.' },
  text: { zh: '正文', en: 'Text' },
  primary: { zh: '主要来源', en: 'primary' },
  revised: { zh: '已修订', en: 'revised' },
  conflicts: { zh: '来源不一致的数据', en: 'Figures the sources disagree on' },
  target: { zh: '目标', en: 'target' },
  published: { zh: '发布', en: 'Published' },
  firstSeen: { zh: '首次发现', en: 'First seen' },
};

export const PERIODS: { value: string; label: { zh: string; en: string } }[] = [
  { value: '', label: { zh: '全部时间', en: 'Any time' } },
  { value: '7d', label: { zh: '最近7天', en: 'Last 7 days' } },
  { value: '30d', label: { zh: '最近30天', en: 'Last 30 days' } },
  { value: '90d', label: { zh: '最近90天', en: 'Last 90 days' } },
  { value: '365d', label: { zh: '最近一年', en: 'Last year' } },
];

export interface ArchiveInput {
  lang: Lang;
  path: string;
  regions: RegionChoices;
  sources: { id: string; name: string }[];
  chosen: { region: string; since: string; source: string; keyword: string };
  stories: (StorySummary & StoryFigures)[];
  /** The next page's link, if any. */
  next: string | null;
  /** The first page with the same filters, when this is not the first page. */
  first: string | null;
}

/** The archive: filters, then stories newest first with their figures and places, paged. */
export function archivePage(input: ArchiveInput): SafeHtml {
  const { lang, chosen } = input;
  const sel = (v: string, current: string) => (v === current ? 'selected' : '');
  const form = html`<form class="filters" method="get" action="/stories">
<label>${T.region[lang]}<select name="region"><option value="">${T.all[lang]}</option>${input.regions.provinces.map(
    (p) => html`<optgroup label="${p.province}"><option value="${p.province}" ${sel(p.province, chosen.region)}>${p.province}</option>${p.members
      .filter((m) => m !== p.province)
      .map((m) => html`<option value="${m}" ${sel(m, chosen.region)}>${m}</option>`)}</optgroup>`,
  )}${input.regions.other.map((r) => html`<option value="${r}" ${sel(r, chosen.region)}>${r}</option>`)}</select></label>
<label>${T.period[lang]}<select name="since">${PERIODS.map((p) => html`<option value="${p.value}" ${sel(p.value, chosen.since)}>${p.label[lang]}</option>`)}</select></label>
<label>${T.source[lang]}<select name="source"><option value="">${T.all[lang]}</option>${input.sources.map((s) => html`<option value="${s.id}" ${sel(s.id, chosen.source)}>${s.name}</option>`)}</select></label>
<label>${T.keyword[lang]}<input type="search" name="keyword" value="${chosen.keyword}" maxlength="100"></label>
<button type="submit">${T.filter[lang]}</button>
</form>`;
  const list = input.stories.length
    ? html`<ol class="stories">${input.stories.map((s) => storyItem(lang, s))}</ol>`
    : html`<p class="notice">${T.none[lang]}</p>`;
  const pager = html`<nav class="pager">${input.first ? html`<a rel="first" href="${input.first}">${T.first[lang]}</a>` : ''}${input.next ? html`<a rel="next" href="${input.next}">${T.more[lang]}</a>` : ''}</nav>`;
  return page({ lang, title: T.archive[lang], path: input.path, nav: PUBLIC_NAV, body: html`${form}${list}${pager}` });
}

function storyItem(lang: Lang, s: StorySummary & StoryFigures): SafeHtml {
  const tier1 = s.figures.filter((f) => f.tier === 1);
  return html`<li class="story" data-story="${s.storyId}">
<h2><a href="/stories/${s.storyId}">${s.title}</a></h2>
<p class="meta muted">${s.sourceName}${s.region ? html` · ${s.region}` : ''} · ${day(s.publishedAt ?? s.firstSeenAt)} · <a href="${safeHref(s.url)}" rel="noopener noreferrer">${T.original[lang]}</a></p>
${tier1.length ? figureTable(lang, tier1) : ''}
${s.alsoAt.length ? html`<p class="also">${T.alsoAt[lang]}: ${s.alsoAt.map((p, i) => html`${i ? '、' : ''}<a href="${safeHref(p.url)}" rel="noopener noreferrer">${p.sourceName}</a>`)}</p>` : ''}
</li>`;
}

/** A story's own page: every place, every figure, the conflicts, the text. */
export function storyPage(lang: Lang, path: string, s: StoryDetail): SafeHtml {
  const body = html`<p class="meta muted">${s.sourceName}${s.region ? html` · ${s.region}` : ''} · ${T.published[lang]} ${day(s.publishedAt)} · ${T.firstSeen[lang]} ${day(s.firstSeenAt)}</p>
<h2>${T.places[lang]}</h2>
<ul class="places">${s.places.map((p) => html`<li><a href="${safeHref(p.url)}" rel="noopener noreferrer">${p.title}</a> <span class="muted">${p.sourceName}${p.primary ? html` · ${T.primary[lang]}` : ''}${p.revised ? html` · ${T.revised[lang]}` : ''}</span></li>`)}</ul>
<h2>${T.figures[lang]}</h2>
${s.figures.length ? figureTable(lang, s.figures) : html`<p class="muted">${T.noFigures[lang]}</p>`}
${s.conflicts.length ? conflictList(lang, s.conflicts) : ''}
<h2>${T.text[lang]}</h2>
<div class="article-text">${s.text.split(/\n+/).map((para) => html`<p>${para}</p>`)}</div>`;
  return page({ lang, title: s.title, path, nav: PUBLIC_NAV, body });
}

function figureTable(lang: Lang, figures: StoryFigure[]): SafeHtml {
  return html`<div class="table-wrap"><table class="figures"><thead><tr><th>${T.indicator[lang]}</th><th>${T.period[lang]}</th><th>${T.value[lang]}</th><th>${T.basis[lang]}</th></tr></thead><tbody>${figures.map(
    (f) => html`<tr><td>${f.region ? html`${f.region} · ` : ''}${f.indicator} <span class="muted">${KIND_NAMES[f.kind]?.[lang] ?? f.kind}${f.target ? html` · ${T.target[lang]}` : ''}</span></td><td class="period">${f.period ?? ''}</td><td class="num">${f.value}${f.unit}</td><td>${f.basis ?? ''}</td></tr>`,
  )}</tbody></table></div>`;
}

function conflictList(lang: Lang, conflicts: FigureConflict[]): SafeHtml {
  return html`<h3 class="warn">⚠ ${T.conflicts[lang]}</h3><ul class="conflicts">${conflicts.map(
    (c) => html`<li>${c.region ?? ''} ${c.indicator} ${c.period ?? ''}: ${c.values.map((v, i) => html`${i ? ' / ' : ''}<strong>${v.value}${v.unit}</strong> (${v.places.map((p, j) => html`${j ? '、' : ''}<a href="${safeHref(p.url)}" rel="noopener noreferrer">${p.sourceName}</a>`)})`)}</li>`,
  )}</ul>`;
}

/** A date as a reader in China reads it. */
export function day(d: Date | null): string {
  if (!d) return '—';
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
