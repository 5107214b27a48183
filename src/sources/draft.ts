import { stringify } from 'yaml';
import { parseArticlePage, readArticleHtml } from '../crawl/article-page.ts';
import { clean, loadHtml } from '../crawl/html.ts';
import { parseListPage, type ListItem } from '../crawl/list-page.ts';
import { findDateIn } from '../parse/dates.ts';
import { PRESETS, PRESET_NAMES, type PresetName } from '../presets/index.ts';
import { draftId, draftName, pageNames } from './draft-names.ts';
import { proposePagination, type PaginationProposal } from './draft-pagination.ts';
import { proposeListSelectors, simpleSelector, type ListProposal } from './draft-selectors.ts';
import { ListSchema, SourceSchema, type Source } from './schema.ts';

export { proposeListSelectors, type ListProposal } from './draft-selectors.ts';

/** A page as the draft sees it. */
export interface DraftPage {
  /** The URL after redirects. */
  url: string;
  /** Decoded text; null for a PDF. */
  html: string | null;
}

/** How the draft reaches the site; `sources new` fetches politely and renders in Chromium. */
export interface DraftIo {
  /** Fetches a page the site allows us to (robots.txt); throws on failure or an HTTP error. */
  fetch(url: string): Promise<DraftPage>;
  /** The page's DOM once Chromium has run its scripts. */
  render(url: string): Promise<string>;
}

export interface DraftOptions {
  region: string;
  /** Source id; by default from the page's names. */
  id?: string;
  /** Display name; by default the page's site and column names. */
  name?: string;
}

export interface DraftSource {
  id: string;
  /** The CMS preset kept after its article selectors read the sample article. */
  preset: PresetName | null;
  list: ListProposal | null;
  /** The list is drawn by script: selectors come from the rendered page, `rendering: auto`. */
  scriptBuilt: boolean;
  pagination: PaginationProposal | null;
  /** What was found and checked, for the file's header and the command's output. */
  notes: string[];
  yaml: string;
  source: Source;
}

/** A preset's article body reading fewer characters than this (or than half of what generic extraction reads) does not fit the site. */
const MIN_BODY_CHARS = 60;
/** Scripts that fetch a list's data: XHR, fetch, jQuery's ajax helpers, axios. */
const LOADS_DATA = /XMLHttpRequest|\bfetch\s*\(|\$\.(?:ajax|get|post|getJSON)\s*\(|\baxios\b/;
/** Entries tried, in list order, for a sample article that can be fetched. */
const SAMPLE_TRIES = 3;

/** The CMS families whose marks are on a page, with what was seen. */
export function presetEvidence(html: string): Map<PresetName, string> {
  const found = new Map<PresetName, string>();
  for (const name of PRESET_NAMES) {
    const evidence = PRESETS[name].detect(html);
    if (evidence) found.set(name, evidence);
  }
  return found;
}

/**
 * Drafts a selectors file for a column from its first list page: list selectors proposed from
 * the page's repeated link blocks (from the rendered page when the list is drawn by script),
 * a CMS preset only where the page shows its marks and the preset's article selectors read a
 * sample article, pagination from the pager, id and name from the page's own names.
 */
export async function draftSource(url: string, opts: DraftOptions, io: DraftIo): Promise<DraftSource> {
  const notes: string[] = [];
  const first = await io.fetch(url);
  const listUrl = first.url;
  let html = first.html ?? '';
  const evidence = presetEvidence(html);

  let proposal = proposeListSelectors(html, listUrl);
  const presetList = proposal ? null : [...evidence.keys()].find((name) => listItems(html, listUrl, PRESETS[name].list).length > 0) ?? null;
  let scriptBuilt = false;
  // Rendered when the HTML has no list, or only an undated one (a sidebar) beside a script that loads data.
  if ((!proposal && !presetList) || (proposal && !proposal.dated && LOADS_DATA.test(html))) {
    const rendered = await io.render(listUrl).catch((err: Error) => {
      notes.push(`The page could not be rendered in Chromium to look for a list drawn by script: ${err.message}`);
      return '';
    });
    const drawn = rendered ? proposeListSelectors(rendered, listUrl) : null;
    if (drawn && (!proposal || drawn.count > proposal.count || (drawn.dated && !proposal.dated))) {
      scriptBuilt = true;
      html = rendered;
      proposal = drawn;
      notes.push(`The list is drawn by script (its entries are not in the HTML): selectors proposed from the page rendered in Chromium, rendering: auto.`);
    }
  }
  const listFields: Record<string, string> = proposal
    ? { item: proposal.item, link: proposal.link, ...(proposal.date ? { date: proposal.date } : {}) }
    : presetList
      ? { ...PRESETS[presetList].list }
      : { item: 'li:has(a)' };
  if (proposal) notes.push(`list.item "${proposal.item}" finds ${proposal.count} entries.`);
  else if (presetList) notes.push(`The ${presetList} preset's list selectors find the entries (${evidence.get(presetList)}).`);
  else notes.push('No repeated block of links found, rendered or not: list.item is a placeholder to replace.');
  const items = listItems(html, listUrl, listFields);

  const sample = await sampleArticle(items, io, notes);
  for (const [name, seen] of presetEvidence(sample?.html ?? '')) if (!evidence.has(name)) evidence.set(name, seen);
  const { preset, article } = choosePreset(evidence, sample, presetList, notes);

  let pagination = items.length ? proposePagination(html, listUrl, listFields.item) : null;
  if (pagination) pagination = await checkPage2(pagination, items, listFields, scriptBuilt, io, notes);
  else if (items.length) notes.push('No pager found: one list page is read (maxPages: 1).');

  const names = pageNames(first.html || html);
  const id = opts.id ?? draftId(names, listUrl);
  // A kept preset supplies the list selectors it was chosen for; its own list selectors are not repeated.
  const ownList = preset && preset === presetList ? {} : listFields;
  const doc: Record<string, unknown> = {
    id,
    name: opts.name ?? draftName(names) ?? id,
    region: opts.region,
    verified: false,
    ...(preset ? { preset } : {}),
    ...(scriptBuilt ? { rendering: 'auto' } : {}),
    list: {
      urls: [listUrl],
      ...ownList,
      ...(pagination?.next ? { next: pagination.next } : {}),
      ...(pagination?.nextText ? { nextText: pagination.nextText } : {}),
      ...(pagination?.pagePattern ? { pagePattern: pagination.pagePattern } : {}),
      maxPages: pagination?.maxPages ?? 1,
    },
    ...(Object.keys(article).length ? { article } : {}),
    schedule: { cron: `${7 + (hash(id) % 50)} */4 * * *` },
  };
  const header = [
    `# Draft written by \`indwatch sources new\` from ${listUrl}`,
    ...notes.map((n) => `# ${n}`),
    ...(preset ? [] : ['# Without article selectors the article text is found by generic extraction.']),
    '# Check it with `npx indwatch sources test <this file>`, then set verified: true.',
  ];
  const yaml = `${header.join('\n')}\n${stringify(doc, { lineWidth: 0 })}`;
  return { id, preset, list: proposal, scriptBuilt, pagination, notes, yaml, source: SourceSchema.parse(doc) };
}

function listItems(html: string, pageUrl: string, fields: Record<string, string | undefined>): ListItem[] {
  return parseListPage(html, pageUrl, ListSchema.parse({ urls: [pageUrl], ...fields })).items;
}

/** The first of the list's first entries that can be fetched, to check article selectors on. */
async function sampleArticle(items: ListItem[], io: DraftIo, notes: string[]): Promise<(DraftPage & { item: ListItem }) | null> {
  for (const item of items.slice(0, SAMPLE_TRIES)) {
    try {
      return { ...(await io.fetch(item.url)), item };
    } catch (err) {
      notes.push(`Sample article ${item.url} could not be fetched: ${(err as Error).message}`);
    }
  }
  return null;
}

/**
 * The preset to keep: one whose marks are on the list or the sample article and whose article
 * body selector reads the sample. A PDF sample cannot test article selectors: only a preset
 * whose list selectors found the entries is kept then.
 */
function choosePreset(
  evidence: Map<PresetName, string>,
  sample: (DraftPage & { item: ListItem }) | null,
  presetList: PresetName | null,
  notes: string[],
): { preset: PresetName | null; article: Record<string, string> } {
  if (!sample) {
    if (presetList) notes.push(`Recognised as ${PRESETS[presetList].description}: ${evidence.get(presetList)}; no article could be fetched to check its article selectors.`);
    return { preset: presetList, article: {} };
  }
  if (sample.html === null) {
    if (presetList) notes.push(`Recognised as ${PRESETS[presetList].description}: ${evidence.get(presetList)}.`);
    if (!presetList) notes.push(`The sample entry ${sample.url} is a PDF: its text layer is read.`);
    return { preset: presetList, article: {} };
  }
  const generic = readArticleHtml(sample.html, sample.url, SourceSchema.parse({ id: 'draft', name: 'draft', region: 'draft', list: { urls: [sample.url], item: 'a' } }), {
    title: sample.item.title,
    dateText: sample.item.dateText,
  });
  const genericChars = generic.text.replace(/\s/g, '').length;
  // The preset's body must read the article, not a widget that happens to carry its id.
  const enough = Math.max(1, Math.min(MIN_BODY_CHARS, genericChars / 2));
  for (const [name, seen] of evidence) {
    const preset = PRESETS[name];
    const read = parseArticlePage(sample.html, { ...preset.article, remove: preset.article.remove ?? [], pdf: true });
    const chars = read?.text.replace(/\s/g, '').length ?? 0;
    if (chars >= enough) {
      notes.push(`Recognised as ${preset.description}: ${seen}; its article.body "${preset.article.body}" read ${chars} characters of ${sample.url}.`);
      return { preset: name, article: checkPresetDate(sample.html, sample.url, name, notes) };
    }
    notes.push(`Looks like ${name} (${seen}), but its article.body "${preset.article.body}" found ${chars ? 'too little' : 'nothing'} on ${sample.url}: preset not used.`);
  }
  notes.push(
    generic.text
      ? `Generic extraction read ${generic.text.length} characters of the sample article ${sample.url}.`
      : `Generic extraction found no text on the sample article ${sample.url}: set article.body.`,
  );
  return { preset: null, article: {} };
}

/**
 * The preset's date selector tried on the sample article; where it finds no date, the element of
 * the article that shows one ("发布时间：2026-03-11") is written as `article.date` instead.
 */
function checkPresetDate(html: string, url: string, name: PresetName, notes: string[]): Record<string, string> {
  const { article } = PRESETS[name];
  const $ = loadHtml(html);
  const shown = (el: ReturnType<typeof $>) => (el.is('meta') ? (el.attr('content') ?? '') : clean(el.text()));
  if (!article.date || findDateIn(shown($(article.date).first()))) return {};
  const holder = $('body *')
    .filter((_, el) => {
      const text = clean($(el).text());
      return text.length <= 80 && $(el).find('a').length === 0 && findDateIn(text) !== null;
    })
    .toArray()
    .map((el) => simpleSelector(el))
    .find((sel) => sel !== 'a' && findDateIn(clean($(sel).first().text())) !== null);
  notes.push(
    holder
      ? `The preset's article.date "${article.date}" finds no date on ${url}: article.date "${holder}" does.`
      : `The preset's article.date "${article.date}" finds no date on ${url}: dates come from the page text or the list.`,
  );
  return holder ? { date: holder } : {};
}

/** Keeps the pagination only if page 2 exists and lists entries page 1 does not. */
async function checkPage2(
  pagination: PaginationProposal,
  firstItems: ListItem[],
  fields: Record<string, string | undefined>,
  scriptBuilt: boolean,
  io: DraftIo,
  notes: string[],
): Promise<PaginationProposal | null> {
  let html: string;
  try {
    html = scriptBuilt ? await io.render(pagination.page2) : ((await io.fetch(pagination.page2)).html ?? '');
  } catch (err) {
    notes.push(`Found a ${pagination.how}, but page 2 (${pagination.page2}) failed: ${(err as Error).message}; one list page is read.`);
    return null;
  }
  const seen = new Set(firstItems.map((i) => i.url));
  const fresh = listItems(html, pagination.page2, fields).filter((i) => !seen.has(i.url)).length;
  if (!fresh) {
    notes.push(`Found a ${pagination.how}, but page 2 (${pagination.page2}) lists no further entries; one list page is read.`);
    return null;
  }
  notes.push(`Pagination: ${pagination.how}; page 2 lists ${fresh} further entries; at most ${pagination.maxPages} pages are read.`);
  return pagination;
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h;
}
