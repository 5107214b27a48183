import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { clean, loadHtml } from '../crawl/html.ts';

/** What a list page says it is: the site (bureau, paper) and the column. */
export interface PageNames {
  site: string | null;
  column: string | null;
}

const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

// The last words of a site's own name, as opposed to a column's.
const SITE_SUFFIX = /(局|厅|委员会|委|政府|办公室|管委会|中心|网|网站|日报|晚报|报社|报|电子版|门户)$/;
const PLACE = /^(.{2,6}?)(?:省|市|自治区|自治州|地区|新区|区|县|旗|盟)/;
const TITLE_SEPARATORS = /\s*(?:[_|｜–—]|\s-\s|-|——)\s*/;

/**
 * The site and column names of a list page, from its ColumnName/SiteName metas, its title
 * ("工作动态_某市工业和信息化局") or its "当前位置" breadcrumb.
 */
export function pageNames(html: string): PageNames {
  const $ = loadHtml(html);
  const meta = (name: string) => clean($(`meta[name="${name}"]`).attr('content') ?? '') || null;
  const parts = clean($('title').first().text())
    .split(TITLE_SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  const site = meta('SiteName') ?? parts.find((p) => SITE_SUFFIX.test(p)) ?? (parts.length > 1 ? parts[parts.length - 1] : null);
  const column = meta('ColumnName') ?? parts.find((p) => p !== site) ?? breadcrumbColumn($) ?? null;
  return { site, column };
}

/** The last step of a "当前位置：首页 > 新闻中心 > 工作动态" trail. */
function breadcrumbColumn($: ReturnType<typeof loadHtml>): string | null {
  const trail = $('*')
    .filter((_, el) => /^(当前位置|您的位置|當前位置|目前位置)/.test(clean($(el).text())) && $(el).children().length < 12)
    .last();
  const steps = clean(trail.text())
    .replace(/^[^：:]*[：:]/, '')
    .split(/\s*(?:>|＞|»|›|\/|→)\s*/)
    .filter(Boolean);
  return steps.length > 1 ? steps[steps.length - 1] : null;
}

/** The display name: "site column", or whichever of them the page gives. */
export function draftName(names: PageNames): string | null {
  if (names.site && names.column) return `${names.site} ${names.column}`;
  return names.column ?? names.site;
}

/**
 * A source id from the page's names: the place in the site name in pinyin and the column in
 * pinyin (示例市工业和信息化局 工作动态 → shili-gongzuodongtai); long names are shortened to
 * initials. Falls back to the URL's folders, never to the host.
 */
export function draftId(names: PageNames, url: string): string {
  const site = names.site ? toSimplified(names.site) : null;
  const place = site ? PLACE.exec(site)?.[1] : undefined;
  const sitePart = place ? slug(place, 12) : site && names.column ? slug(site, 0) : '';
  const columnPart = names.column ? slug(toSimplified(names.column), 20) : '';
  const id = [sitePart, columnPart].filter(Boolean).join('-');
  return id || folderId(url);
}

/**
 * Pinyin (or ASCII) of a name, lower case without separators; initials when the full pinyin is
 * longer than `max` (always initials when `max` is 0).
 */
function slug(name: string, max: number): string {
  const chinese = /[\u3400-\u9fff]/.test(name);
  const full = chinese ? pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('') : name;
  const asciiOnly = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const whole = asciiOnly(full);
  if (max > 0 && whole.length <= max) return whole;
  return chinese ? asciiOnly(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('')).slice(0, 10) : whole.slice(0, Math.max(max, 20));
}

function folderId(url: string): string {
  const folders = new URL(url).pathname
    .split('/')
    .filter((p) => p && !/\.\w+$/.test(p))
    .slice(-2)
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/^-+|-+$/g, '');
  return folders || 'source';
}
