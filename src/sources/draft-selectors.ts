import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { clean, loadHtml } from '../crawl/html.ts';
import { findDateIn } from '../parse/dates.ts';

export interface ListProposal {
  item: string;
  link: string;
  date?: string;
  /** Entries the selectors find on the page. */
  count: number;
  /** Whether most entries show a date, as a column's list does and a menu or sidebar does not. */
  dated: boolean;
}

const ITEM_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);

/** A selector for the element: its tag with its id, else with its first class, else the bare tag. */
export function simpleSelector(el: Element): string {
  const id = el.attribs.id?.trim();
  if (id && /^[A-Za-z][\w-]*$/.test(id)) return `${el.name}#${id}`;
  const cls = (el.attribs.class ?? '').split(/\s+/).find((c) => /^[A-Za-z][\w-]*$/.test(c));
  return cls ? `${el.name}.${cls}` : el.name;
}

/** The element itself if it has an id or class, else the nearest ancestor (up to three up) that does. */
function namedAncestor(el: Element): Element {
  for (let cur: Element | null = el, depth = 0; cur && cur.type === 'tag' && depth < 4; cur = cur.parent as Element | null, depth++) {
    if (simpleSelector(cur) !== cur.name) return cur;
  }
  return el;
}

/** The element standing for one entry: the nearest list-like ancestor of the link, or its parent. */
function entryOf(a: Element): Element | null {
  for (let el = a.parent as Element | null, depth = 0; el && el.type === 'tag' && depth < 4; el = el.parent as Element | null, depth++) {
    if (ITEM_TAGS.has(el.name)) return el;
  }
  return a.parent && (a.parent as Element).type === 'tag' ? (a.parent as Element) : null;
}

/**
 * Proposes list selectors from the page's repeated link blocks: entries (li, tr, …) holding a
 * link with a headline-length text, grouped by their container; the largest group with dates wins.
 */
export function proposeListSelectors(html: string, pageUrl: string): ListProposal | null {
  const $: CheerioAPI = loadHtml(html);
  const host = new URL(pageUrl).host;
  const groups = new Map<string, { entries: Set<Element>; dated: number }>();
  $('a[href]').each((_, a) => {
    const href = a.attribs.href.trim();
    const text = clean($(a).attr('title') || $(a).text());
    if (text.length < 6 || /^(javascript:|mailto:|#)/i.test(href)) return;
    let target: URL;
    try {
      target = new URL(href, pageUrl);
    } catch {
      return;
    }
    if (target.host !== host && !target.host.endsWith(host.replace(/^www\./, ''))) return;
    const entry = entryOf(a);
    const container = entry?.parent as Element | null;
    if (!entry || !container || container.type !== 'tag') return;
    // tr sits in a tbody the parser may add; name the table instead.
    const holder = container.name === 'tbody' && container.parent && (container.parent as Element).type === 'tag' ? (container.parent as Element) : container;
    const key = `${simpleSelector(namedAncestor(holder))} ${entry.name}`;
    const group = groups.get(key) ?? { entries: new Set<Element>(), dated: 0 };
    if (!group.entries.has(entry)) {
      group.entries.add(entry);
      if (findDateIn(clean($(entry).text()).replace(text, ' '))) group.dated++;
    }
    groups.set(key, group);
  });
  const best = [...groups]
    .filter(([, g]) => g.entries.size >= 3)
    .sort(([, a], [, b]) => b.dated * 2 + b.entries.size - (a.dated * 2 + a.entries.size))[0];
  if (!best) return null;
  const [item, group] = best;
  return { item, link: 'a', date: dateSelector($, [...group.entries]), count: group.entries.size, dated: group.dated * 2 >= group.entries.size };
}

/** A child selector whose text is just the date, when the entries have one. */
function dateSelector($: CheerioAPI, entries: Element[]): string | undefined {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    $(entry)
      .find('span, em, i, font, td, div, p, time')
      .each((_, el) => {
        const text = clean($(el).text());
        const found = text.length <= 24 ? findDateIn(text) : null;
        if (found && $(el).find('a').length === 0) {
          const sel = el.name === 'td' ? 'td:last-child' : simpleSelector(el);
          counts.set(sel, (counts.get(sel) ?? 0) + 1);
        }
      });
  }
  const [sel, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return sel && n >= entries.length / 2 ? sel : undefined;
}

