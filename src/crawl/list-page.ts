import type { CheerioAPI } from 'cheerio';
import { findDateIn } from '../parse/dates.ts';
import type { Source } from '../sources/schema.ts';
import { clean, loadHtml } from './html.ts';

export interface ListItem {
  url: string;
  title: string;
  /** The date as the list page writes it; parsed later. */
  dateText: string | null;
}

export interface ListPage {
  items: ListItem[];
  /** The next list page, from the `next` and `nextText` fields. */
  next: string | null;
  /** How many entries the item selector matched, links or not (for diagnostics). */
  matched: number;
}

const RECORD_RE = /<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g;

/**
 * Hanweb columns and their dataproxy.jsp answers carry the entries as `<record><![CDATA[…]]>`
 * blocks, often inside a `<script type="text/xml">` that HTML parsers treat as opaque text. The
 * blocks are lifted into a document of their own, one `<record>` element each.
 */
function recordsDocument(html: string): string | null {
  const records = [...html.matchAll(RECORD_RE)].map((m) => `<record>${m[1]}</record>`);
  return records.length ? `<html><body>${records.join('\n')}</body></html>` : null;
}

/** Reads the article links of one list page with the source's selectors. */
export function parseListPage(html: string, pageUrl: string, list: Source['list'], timezone?: string): ListPage {
  const records = recordsDocument(html);
  const $ = loadHtml(records ?? html);
  const items: ListItem[] = [];
  const seen = new Set<string>();
  const entries = $(list.item);
  entries.each((_, el) => {
    const item = $(el);
    const link = item.is(list.link) ? item : item.find(list.link).first();
    const href = link.attr('href')?.trim();
    if (!href || /^(javascript:|mailto:|#)/i.test(href)) return;
    let url: string;
    try {
      url = new URL(href, pageUrl).toString();
    } catch {
      return;
    }
    if (seen.has(url)) return;
    seen.add(url);
    const titleNode = list.title ? item.find(list.title).first() : link;
    const title = clean(titleNode.attr('title') || titleNode.text());
    items.push({ url, title, dateText: itemDate(item, list, titleNode.text(), timezone) });
  });
  return { items, next: nextLink($, pageUrl, list), matched: entries.length };
}

/** The entry's date: from the date selector, or else the first date in the entry's text outside its title. */
function itemDate(item: ReturnType<CheerioAPI>, list: Source['list'], titleText: string, timezone?: string): string | null {
  if (list.date) return clean(item.find(list.date).first().text()) || null;
  const text = clean(item.text().replace(titleText, ' '));
  return findDateIn(text, { timezone })?.match.trim() ?? null;
}

/**
 * The next list page: the first link `next` selects (every link when only `nextText` is given)
 * whose text or title is `nextText`, when that is set.
 */
function nextLink($: CheerioAPI, pageUrl: string, list: Source['list']): string | null {
  if (!list.next && !list.nextText) return null;
  const links = $(list.next ?? 'a[href]');
  const link = list.nextText ? links.filter((_, el) => isNextText($(el), list.nextText!)).first() : links.first();
  const href = link.attr('href')?.trim();
  if (!href || /^(javascript:|#)/i.test(href)) return null;
  let resolved: string;
  try {
    resolved = new URL(href, pageUrl).toString();
  } catch {
    return null;
  }
  return resolved === pageUrl ? null : resolved;
}

function isNextText(link: ReturnType<CheerioAPI>, text: string): boolean {
  return clean(link.text()) === text || clean(link.attr('title') ?? '') === text;
}

/**
 * The URL of list page `n` (1-based) of a paginated column. `{n}` in the pattern is the page
 * number; `{n-1}` is for sites whose second page is index_1.html (TRS's createPageHTML).
 */
export function listPageUrl(list: Source['list'], firstUrl: string, n: number): string | null {
  if (n === 1) return firstUrl;
  if (!list.pagePattern) return null;
  return new URL(list.pagePattern.replaceAll('{n}', String(n)).replaceAll('{n-1}', String(n - 1)), firstUrl).toString();
}
