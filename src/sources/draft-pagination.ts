import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { clean, loadHtml } from '../crawl/html.ts';
import { simpleSelector } from './draft-selectors.ts';

/** How a drafted source walks from a column's first list page to the next ones. */
export interface PaginationProposal {
  next?: string;
  nextText?: string;
  pagePattern?: string;
  maxPages: number;
  /** The URL of page 2 by this proposal, for checking it before it is kept. */
  page2: string;
  /** How the pagination was found, for the draft's header. */
  how: string;
}

/** Texts of next-page links: 下一页 in both scripts, arrows, English. */
const NEXT_TEXT = /^(下一页|下页|下一頁|下頁|后一页|後一頁|后页|後頁|next|next page|>|>>|›|»|＞|》|→)$/i;
/** Without a page count, a column is read this deep on the first crawl. */
const DEFAULT_MAX_PAGES = 10;
/** A first crawl reads at most this many list pages, however long the column. */
const MAX_PAGES_CAP = 20;

/**
 * Finds how a list page leads to the next: a next-page link (by a class of its own, else by its
 * text), a `createPageHTML(…)` pager script (TRS: page 2 is index_1.html), or a numbered pager
 * whose page-2 link shows the URL scheme. `entries` are the list's own entries, whose links are
 * never the pager. Returns null for a single-page column.
 */
export function proposePagination(html: string, pageUrl: string, entriesSelector: string): PaginationProposal | null {
  const $ = loadHtml(html);
  const inEntries = new Set<Element>($(entriesSelector).find('a').toArray());
  const links = $('a').filter((_, a) => !inEntries.has(a)).toArray();
  const total = pageCount($, html, links);
  // A next link ends the walk by itself, so its cap can leave room for a growing column; a page
  // pattern has no such end and reads just the pages there are.
  const linkCap = Math.min(MAX_PAGES_CAP, Math.max(total ?? 0, DEFAULT_MAX_PAGES));
  const maxPages = Math.min(MAX_PAGES_CAP, Math.max(2, total ?? DEFAULT_MAX_PAGES));

  const next = links.find((a) => NEXT_TEXT.test(linkText($, a)) && usableHref(a, pageUrl) !== null);
  if (next) {
    const page2 = usableHref(next, pageUrl)!;
    const own = simpleSelector(next);
    // A class or id of its own names the link; a bare <a> is found by its text.
    if (own !== 'a' && $(own).first().get(0) === next) return { next: own, maxPages: linkCap, page2, how: `next-page link ${own}` };
    return { nextText: linkText($, next), maxPages: linkCap, page2, how: `next-page link "${linkText($, next)}"` };
  }

  const script = createPageHtml(html);
  if (script) {
    const pattern = `${script.prefix}_{n-1}.${script.ext}`;
    return {
      pagePattern: pattern,
      maxPages: Math.min(MAX_PAGES_CAP, Math.max(2, script.total)),
      page2: new URL(`${script.prefix}_1.${script.ext}`, pageUrl).toString(),
      how: `createPageHTML(…) pager script: ${script.total} pages`,
    };
  }

  const numbered = numberedPattern($, links, pageUrl);
  return numbered ? { pagePattern: numbered.pattern, maxPages, page2: numbered.page2, how: `numbered pager (page 2 at ${numbered.page2})` } : null;
}

function linkText($: CheerioAPI, a: Element): string {
  return clean($(a).text()) || clean($(a).attr('title') ?? '') || clean($(a).find('img').attr('alt') ?? '');
}

/** The link's target when it is another page (not a script call, not an anchor, not this page). */
function usableHref(a: Element, pageUrl: string): string | null {
  const href = a.attribs.href?.trim();
  if (!href || /^(javascript:|#|mailto:)/i.test(href)) return null;
  try {
    const url = new URL(href, pageUrl);
    url.hash = '';
    return url.toString() === pageUrl ? null : url.toString();
  } catch {
    return null;
  }
}

/** The column's page count, when the page says it: a pager script, "共N页", "第1/N页" or the highest page link. */
function pageCount($: CheerioAPI, html: string, links: Element[]): number | null {
  const script = createPageHtml(html);
  if (script) return script.total;
  const text = clean($('body').text());
  const said = /共\s*(\d{1,4})\s*页/.exec(text) ?? /第\s*\d{1,4}\s*\/\s*(\d{1,4})\s*页/.exec(text) ?? /共\s*(\d{1,4})\s*頁/.exec(text);
  if (said) return Number(said[1]);
  const numbers = links.map((a) => linkText($, a)).filter((t) => /^\d{1,4}$/.test(t)).map(Number);
  return numbers.length ? Math.max(...numbers) : null;
}

/**
 * TRS's `createPageHTML(count, current, "index", "html")`, also written with a container id
 * first or with variables (`createPageHTML(countPage, currentPage, …)` after `var countPage = 5`).
 */
function createPageHtml(html: string): { total: number; prefix: string; ext: string } | null {
  const call = /createPageHTML\s*\(([^)]*)\)/.exec(html);
  if (!call) return null;
  const args = call[1].split(',').map((a) => a.trim());
  const strings = args.filter((a) => /^["'].*["']$/.test(a)).map((a) => a.slice(1, -1));
  const numbers = args
    .filter((a) => !/^["']/.test(a))
    .map((a) => (/^\d+$/.test(a) ? Number(a) : Number(new RegExp(`\\b${a.replace(/\W/g, '')}\\s*=\\s*(\\d+)`).exec(html)?.[1] ?? NaN)));
  if (strings.length < 2 || !Number.isFinite(numbers[0])) return null;
  return { total: numbers[0], prefix: strings[strings.length - 2], ext: strings[strings.length - 1] };
}

/**
 * A page-number pattern from a numbered pager's "2" link: the number in its URL becomes `{n}`
 * (index_2.html, ?page=2), or `{n-1}` where the link to page 2 says 1 (index_1.html).
 */
function numberedPattern($: CheerioAPI, links: Element[], pageUrl: string): { pattern: string; page2: string } | null {
  const two = links.find((a) => linkText($, a) === '2' && usableHref(a, pageUrl));
  if (!two) return null;
  const page2 = usableHref(two, pageUrl)!;
  const three = links.find((a) => linkText($, a) === '3' && usableHref(a, pageUrl));
  const page3 = three ? usableHref(three, pageUrl) : null;
  for (const [digit, placeholder] of [
    ['2', '{n}'],
    ['1', '{n-1}'],
  ] as const) {
    const spots = [...page2.matchAll(new RegExp(`(?<!\\d)${digit}(?!\\d)`, 'g'))].map((m) => m.index!).reverse();
    for (const at of spots) {
      const pattern = page2.slice(0, at) + placeholder + page2.slice(at + 1);
      const fits3 = !page3 || page3 === pattern.replace(placeholder, String(placeholder === '{n}' ? 3 : 2));
      if (fits3 && !pageUrl.startsWith(page2.slice(0, at + 1))) return { pattern: relativeTo(pattern, pageUrl), page2 };
    }
  }
  return null;
}

/** The pattern relative to the first list page's folder when it lies in it. */
function relativeTo(pattern: string, pageUrl: string): string {
  const folder = pageUrl.slice(0, pageUrl.lastIndexOf('/') + 1);
  return pattern.startsWith(folder) && !pattern.slice(folder.length).includes('/') ? pattern.slice(folder.length) : pattern;
}
