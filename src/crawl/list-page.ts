import { load } from 'cheerio';
import type { Source } from '../sources/schema.ts';

export interface ListItem {
  url: string;
  title: string;
  /** The date as the list page writes it; parsed later. */
  dateText: string | null;
}

export interface ListPage {
  items: ListItem[];
  /** The next list page, from the `next` selector. */
  next: string | null;
}

/** Reads the article links of one list page with the source's selectors. */
export function parseListPage(html: string, pageUrl: string, list: Source['list']): ListPage {
  const $ = load(html);
  const items: ListItem[] = [];
  const seen = new Set<string>();
  $(list.item).each((_, el) => {
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
    const dateText = list.date ? clean(item.find(list.date).first().text()) || null : null;
    items.push({ url, title, dateText });
  });
  let next: string | null = null;
  if (list.next) {
    const href = $(list.next).first().attr('href')?.trim();
    if (href && !/^(javascript:|#)/i.test(href)) {
      const resolved = new URL(href, pageUrl).toString();
      if (resolved !== pageUrl) next = resolved;
    }
  }
  return { items, next };
}

/** The URL of list page `n` (1-based) of a paginated column. */
export function listPageUrl(list: Source['list'], firstUrl: string, n: number): string | null {
  if (n === 1) return firstUrl;
  return list.pagePattern ? new URL(list.pagePattern.replaceAll('{n}', String(n)), firstUrl).toString() : null;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
