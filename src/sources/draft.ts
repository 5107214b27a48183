import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { stringify } from 'yaml';
import { clean, loadHtml } from '../crawl/html.ts';
import { parseListPage } from '../crawl/list-page.ts';
import { findDateIn } from '../parse/dates.ts';
import { PRESETS, type PresetName } from '../presets/index.ts';
import { SourceSchema, type Source } from './schema.ts';

export interface ListProposal {
  item: string;
  link: string;
  date?: string;
  /** Entries the selectors find on the page. */
  count: number;
}

export interface DraftSource {
  preset: PresetName | null;
  list: ListProposal | null;
  yaml: string;
  source: Source;
}

const ITEM_TAGS = new Set(['li', 'tr', 'dd', 'dt', 'p']);

/** The CMS family a page belongs to, if one of the presets recognises it. */
export function detectPreset(html: string, url: string): PresetName | null {
  for (const [name, preset] of Object.entries(PRESETS) as [PresetName, (typeof PRESETS)[PresetName]][]) {
    if (preset.detect(html, url)) return name;
  }
  return null;
}

function simpleSelector(el: Element): string {
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
  return { item, link: 'a', date: dateSelector($, [...group.entries]), count: group.entries.size };
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

/** A draft selectors file for a list page: a preset when the CMS is recognised, else proposed selectors. */
export function draftSource(html: string, pageUrl: string, opts: { id: string; region: string; name?: string }): DraftSource {
  const preset = detectPreset(html, pageUrl);
  const byPreset = preset ? parseListPage(html, pageUrl, SourceSchema.parse({ id: 'x', name: 'x', region: 'x', preset, list: { urls: [pageUrl] } }).list) : null;
  const proposal = byPreset?.items.length ? null : proposeListSelectors(html, pageUrl);
  const title = clean(loadHtml(html)('title').first().text());
  const doc: Record<string, unknown> = {
    id: opts.id,
    name: opts.name ?? (title || opts.id),
    region: opts.region,
    verified: false,
    ...(preset ? { preset } : {}),
    list: {
      urls: [pageUrl],
      ...(proposal ? { item: proposal.item, link: proposal.link, ...(proposal.date ? { date: proposal.date } : {}) } : {}),
      ...(!preset && !proposal ? { item: 'li:has(a)' } : {}),
      maxPages: 1,
    },
    schedule: { cron: `${7 + (hash(opts.id) % 50)} */4 * * *` },
  };
  const header = [
    `# Draft written by \`indwatch sources new\` from ${pageUrl}`,
    preset ? `# Recognised as ${PRESETS[preset].description}.` : '# No CMS family recognised: list selectors proposed from the repeated link blocks of the page.',
    ...(proposal ? [`# The proposed list.item finds ${proposal.count} entries.`] : []),
    ...(!preset && !proposal ? ['# No repeated link block found: list.item is a placeholder to replace.'] : []),
    '# Without article selectors the article text is found by generic extraction.',
    '# Check it with `npx indwatch sources test <this file>`, then set verified: true.',
  ];
  const yaml = `${header.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`;
  return { preset, list: proposal, yaml, source: SourceSchema.parse(doc) };
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}

/** An id from a host name: gxj.example.gov.cn → gxj-example. */
export function idFromUrl(url: string): string {
  const parts = new URL(url).hostname.toLowerCase().split('.').filter((p) => !['www', 'gov', 'cn', 'com', 'org', 'net'].includes(p));
  return (parts.join('-') || 'source').replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '') || 'source';
}
