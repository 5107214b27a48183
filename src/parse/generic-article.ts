import type { AnyNode, CheerioAPI, Element } from 'cheerio';
import { loadBoundedHtml } from './bounded-html.ts';
import { wellFormed } from '../text/well-formed.ts';
import { findDateIn, formatInZone } from './dates.ts';
import type { FoundDate } from './dates.ts';

export interface GenericArticle {
  title: string | null;
  /** 'YYYY-MM-DD HH:mm', or 'YYYY-MM-DD' when the page gives no time; Asia/Shanghai wall clock. */
  published: string | null;
  /** Main text, one paragraph per line. */
  text: string;
  /** Cleaned HTML of the element the text was taken from. */
  html?: string;
}

export interface ExtractOptions {
  url?: string;
  /** Zone dates without an offset are read in and `published` is written in. */
  timezone?: string;
}

// Elements that never hold article text; dropped before anything else.
const NON_CONTENT = new Set([
  'script', 'style', 'noscript', 'iframe', 'svg', 'canvas', 'template', 'object', 'embed', 'select',
  'textarea', 'button', 'input', 'option', 'link', 'meta', 'video', 'audio', 'map', 'area', 'head',
]);
// Page furniture dropped before looking for the body (kept for title and date: some sites put the
// headline in an <aside>).
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'figcaption']);
const FURNITURE_TOKENS = new Set([
  'share', 'sharebox', 'comment', 'comments', 'related', 'recommend', 'footer', 'copyright', 'breadcrumb',
  'crumb', 'crumbs', 'nav', 'navbar', 'menu', 'sidebar', 'toolbar', 'ad', 'ads', 'advert', 'qrcode', 'erweima',
  'tags', 'keywords', 'caption', 'reply', 'login',
]);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'ul', 'ol', 'li', 'table', 'tbody', 'thead', 'tr', 'td', 'th',
  'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'figure', 'center', 'form', 'body',
  'html', 'hr', 'address', 'fieldset', 'caption',
]);
// Blocks whose text is credited to the element that holds them, as a paragraph is to its container.
const PARAGRAPH_TAGS = new Set(['p', 'li', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'dd']);

const PUNCT_RE = /[，。！？；、：,;!?“”]/g;
const SENTENCE_END_RE = /[。！？!?…”」』）)]$/;
const WS_RE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

const EDITOR_LINE_RE = /^[【\[（(]?\s*(责任编辑|责编|编辑|主编|值班编辑|审核|审校|校对|监制|终审|二审|初审|文章来源|本文来源|稿件来源|新闻来源|信息来源|来源|图片来源|原标题|原题|作者|记者|通讯员|摄影|撰稿|供稿|制作|策划|统筹|出品|声明|免责声明|版权声明|特别声明|本文链接|原文链接|关键词|标签|摘要)\s*[:：丨|]/;
const FURNITURE_LINE_RE = /^(分享到|分享至|分享：|扫一扫|扫描二维码|【?打印】?|【?关闭窗口】?|返回顶部|上一篇|下一篇|相关(新闻|阅读|文章|链接|推荐)|推荐阅读|延伸阅读|热门推荐|更多精彩|点击查看|举报|我要纠错|字号[:：]?|【字体[:：])/;
const END_MARK_RE = /[（(]\s*完\s*[）)]\s*$/;
// A short parenthesised credit after the last sentence: "（德清县发改局）", "(文/图 张三)".
const TRAILING_CREDIT_RE = /([。！？!?”])\s*[（(][^（）()。，]{1,30}[）)]\s*$/;

const normalize = (s: string) => s.replace(WS_RE, ' ').trim();
const compact = (s: string) => s.replace(WS_RE, '');

function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function attr(el: Element, name: string): string {
  return el.attribs?.[name] ?? '';
}

function isHidden(el: Element): boolean {
  return /display\s*:\s*none/i.test(attr(el, 'style')) || 'hidden' in (el.attribs ?? {});
}

function isFurnitureByName(el: Element): boolean {
  if (FURNITURE_TAGS.has(el.name)) return true;
  const tokens = `${attr(el, 'class')} ${attr(el, 'id')}`.toLowerCase().split(/[\s_-]+/);
  return tokens.some((t) => FURNITURE_TOKENS.has(t));
}

// Class names are only a hint ("js_img_share_area" may wrap the whole article): a named block full
// of unlinked prose is kept for the scoring to judge.
function isFurniture(el: Element, s: NodeStats): boolean {
  return isFurnitureByName(el) && (s.chars < 300 || s.linkChars / s.chars > 0.4);
}

/** Elements matching `pred` that have no matching ancestor below `root`. */
function topmost(root: AnyNode, pred: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const walk = (n: AnyNode) => {
    if (!isElement(n)) return;
    if (pred(n)) {
      found.push(n);
      return;
    }
    for (const c of n.children) walk(c);
  };
  walk(root);
  return found;
}

/**
 * Elements below `root` matching `pred`, in document order. Used instead of cheerio's .find(),
 * which filters the context's children against each other: quadratic when an element holds
 * many thousands of children.
 */
export function descendants(root: Element, pred: (el: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (pred(n)) found.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return found;
}

/** Every comment node below `root`, found without recursion. */
function commentsUnder(root: Element): AnyNode[] {
  const comments: AnyNode[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'comment') comments.push(n);
    else if (isElement(n)) for (const c of n.children) stack.push(c);
  }
  return comments;
}

function removeWhere($: CheerioAPI, root: AnyNode, pred: (el: Element) => boolean): void {
  for (const el of topmost(root, pred)) $(el).remove();
}

function textOf(n: AnyNode): string {
  if (n.type === 'text') return n.data;
  if (!isElement(n)) return '';
  let s = '';
  for (const c of n.children) s += textOf(c);
  return s;
}

interface NodeStats {
  chars: number;
  linkChars: number;
}

/** Whitespace-free text length and link text length of every element, bottom-up. */
function measure(root: Element, skip: ReadonlySet<Element> = new Set()): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  const walk = (el: Element, inLink: boolean): NodeStats => {
    const s: NodeStats = { chars: 0, linkChars: 0 };
    if (skip.has(el)) return s;
    const link = inLink || el.name === 'a';
    for (const c of el.children) {
      if (c.type === 'text') {
        const n = compact(c.data).length;
        s.chars += n;
        if (link) s.linkChars += n;
      } else if (isElement(c)) {
        const cs = walk(c, link);
        s.chars += cs.chars;
        s.linkChars += cs.linkChars;
      }
    }
    stats.set(el, s);
    return s;
  };
  walk(root, false);
  return stats;
}

/** The text an element holds outside its block-level descendants, and how much of it is link text. */
function ownText(el: Element): { text: string; linkText: string } {
  let text = '';
  let linkText = '';
  const walk = (n: AnyNode, inLink: boolean) => {
    if (n.type === 'text') {
      text += n.data;
      if (inLink) linkText += n.data;
    } else if (isElement(n) && (n === el || !BLOCK_TAGS.has(n.name))) {
      for (const c of n.children) walk(c, inLink || n.name === 'a');
    }
  };
  walk(el, false);
  return { text: compact(text), linkText: compact(linkText) };
}

/**
 * Scores containers by the paragraphs they hold: each block of text adds points for its length
 * and punctuation (prose is full of commas; menus and link lists are not) to its container and,
 * less, to the container's ancestors. Link-heavy containers are then discounted.
 */
function bestContainer(body: Element, skip: ReadonlySet<Element>): Element {
  const stats = measure(body, skip);
  const scores = new Map<Element, number>();
  const add = (el: Element | null, v: number) => {
    if (el && stats.has(el)) scores.set(el, (scores.get(el) ?? 0) + v);
  };
  for (const el of stats.keys()) {
    if (!BLOCK_TAGS.has(el.name) || el.name === 'body' || el.name === 'html') continue;
    const { text, linkText } = ownText(el);
    const plain = text.length - linkText.length;
    if (plain < 4) continue;
    const punct = (text.match(PUNCT_RE) ?? []).length;
    if (punct === 0 && plain < 20) continue;
    const points = 1 + punct + Math.min(plain / 40, 5);
    let container: Element | null = PARAGRAPH_TAGS.has(el.name) ? (el.parent as Element | null) : el;
    for (let level = 0; container && level < 3; level++) {
      add(container, level === 0 ? points : points / (level * 2));
      container = container.parent as Element | null;
    }
  }
  let best = body;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    const s = stats.get(el)!;
    const linkDensity = s.chars ? s.linkChars / s.chars : 1;
    const score = raw * (1 - linkDensity);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

/** Splits an element's text into lines at block boundaries and <br>. */
function linesOf(root: Element): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = normalize(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      current += n.data;
      return;
    }
    if (!isElement(n)) return;
    if (n.name === 'br') return flush();
    const block = BLOCK_TAGS.has(n.name);
    if (block) flush();
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

/** Drops link lists and other furniture blocks inside the chosen container. */
function pruneContainer($: CheerioAPI, root: Element): void {
  const stats = measure(root);
  removeWhere($, root, (el) => {
    if (el === root) return false;
    if (isFurniture(el, stats.get(el)!)) return true;
    if (!BLOCK_TAGS.has(el.name) || PARAGRAPH_TAGS.has(el.name)) return false;
    const { chars, linkChars } = stats.get(el)!;
    return chars > 0 && linkChars / chars > 0.5;
  });
  // A link closing the last paragraph ("返回首页>>") is navigation, not part of the sentence before it.
  const paragraphs = descendants(root, (el) => el.name === 'p');
  const last = paragraphs[paragraphs.length - 1];
  const tail = last?.children.filter((c) => !(c.type === 'text' && compact(c.data) === '')).pop();
  if (last && tail && isElement(tail) && tail.name === 'a' && !SENTENCE_END_RE.test(compact(textOf(tail)))) {
    const before = compact(textOf(last)).slice(0, -compact(textOf(tail)).length);
    if (SENTENCE_END_RE.test(before)) $(tail).remove();
  }
}

function cleanLines(lines: string[]): string[] {
  const kept = lines.filter((l) => {
    const c = compact(l);
    if (c.length < 80 && (EDITOR_LINE_RE.test(c) || FURNITURE_LINE_RE.test(c))) return false;
    return !/^[（(]\s*完\s*[）)]$/.test(c);
  });
  while (kept.length > 0) {
    const last = kept.length - 1;
    const stripped = kept[last].replace(END_MARK_RE, '').replace(TRAILING_CREDIT_RE, '$1').trim();
    if (stripped === '' || /^[（(][^（）()]{1,30}[）)]$/.test(stripped)) {
      kept.pop();
      continue;
    }
    kept[last] = stripped;
    break;
  }
  return kept;
}

function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (b.includes(a)) return a.length / b.length;
  return 0;
}

const HEADLINE_META = ['og:title', 'twitter:title', 'headline', 'articletitle', 'title'];

/** Picks the headline: a visible heading that the <title> or og:title contains, preferring h1. */
function findTitle($: CheerioAPI): { title: string | null; element: Element | null } {
  const docTitle = normalize($('title').first().text());
  const metas = new Map<string, string>();
  $('meta').each((_, el) => {
    const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop')).trim().toLowerCase();
    const content = normalize(attr(el, 'content'));
    if (key && content && !metas.has(key)) metas.set(key, content);
  });
  const metaTitle = HEADLINE_META.map((k) => metas.get(k)).find((v) => v) ?? null;
  const references = [docTitle, metaTitle].filter((t): t is string => !!t);

  const candidates = $('h1, h2, h3, [class*="title" i], [id*="title" i]')
    .toArray()
    .filter((el) => el.name !== 'title' && el.name !== 'meta' && !isHidden(el))
    .map((el) => ({ el, text: normalize($(el).text()) }))
    .filter((c) => compact(c.text).length >= 4 && c.text.length <= 120);

  let best: { el: Element; text: string; score: number } | null = null;
  for (const c of candidates) {
    const match = Math.max(0, ...references.map((r) => similarity(compact(c.text), compact(r))));
    if (match === 0) continue;
    const score = match + (c.el.name === 'h1' ? 0.3 : c.el.name === 'h2' ? 0.1 : 0);
    if (!best || score > best.score) best = { ...c, score };
  }
  if (best) return { title: best.text, element: best.el };

  if (metaTitle) return { title: metaTitle, element: null };
  const h1s = candidates.filter((c) => c.el.name === 'h1');
  if (h1s.length === 1) return { title: h1s[0].text, element: h1s[0].el };
  if (!docTitle) return { title: null, element: null };
  // "Headline_Column_Site": keep the longest part.
  const parts = docTitle.split(/\s*(?:_|\||｜| - | – | — |--)\s*/).filter(Boolean);
  return { title: parts.sort((a, b) => b.length - a.length)[0] ?? docTitle, element: null };
}

const DATE_META_KEYS = [
  'article:published_time', 'og:release_date', 'pubdate', 'publishdate', 'publish_date', 'publishtime',
  'datepublished', 'firstpublishedtime', 'og:time', 'dc.date.issued', 'dc.date', 'date', 'dateupdate',
  'article:modified_time', 'lastmodifiedtime',
];

function metaDate($: CheerioAPI, timezone: string): FoundDate | null {
  const byKey = new Map<string, string>();
  $('meta').each((_, el) => {
    const key = (attr(el, 'property') || attr(el, 'name') || attr(el, 'itemprop')).trim().toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, attr(el, 'content'));
  });
  for (const key of DATE_META_KEYS) {
    const v = byKey.get(key);
    const found = v ? findDateIn(v, { timezone }) : null;
    if (found && !found.yearInferred) return found;
  }
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    const m = /"(?:datePublished|pubDate|dateCreated)"\s*:\s*"([^"]+)"/.exec(textOf(el));
    const found = m ? findDateIn(m[1], { timezone }) : null;
    if (found) return found;
  }
  return null;
}

// Pages that render the date by script ("昨天" on WeChat) keep the real value in a variable.
const SCRIPT_DATE_RE = /\b(?:publish_?time|publish_?date|pub_?time|pub_?date|create_?time|ct)["']?\s*[:=]\s*["']?(\d{13}|\d{10}|\d{4}-\d{1,2}-\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)\b/i;

function scriptDate($: CheerioAPI, timezone: string): FoundDate | null {
  for (const el of $('script:not([src])').toArray()) {
    const m = SCRIPT_DATE_RE.exec(textOf(el));
    if (!m) continue;
    if (/^\d+$/.test(m[1])) {
      const date = new Date(Number(m[1]) * (m[1].length === 10 ? 1000 : 1));
      return { date, hasTime: true, yearInferred: false, index: 0, match: m[0] };
    }
    const found = findDateIn(m[1], { timezone });
    if (found) return found;
  }
  return null;
}

const DATE_LABEL_RE = /(发布|发表|更新|上传|成文|印发)?(时间|日期)\s*[:：]/;

/** Text of the page in document order, with where the headline ends and the body starts and ends. */
function documentText(root: Element, title: Element | null, content: Element) {
  let text = '';
  let titleEnd = -1;
  let contentStart = -1;
  let contentEnd = -1;
  const walk = (n: AnyNode) => {
    if (n === content) contentStart = text.length;
    if (n.type === 'text') text += n.data.replace(WS_RE, ' ');
    else if (isElement(n)) {
      if (BLOCK_TAGS.has(n.name) || n.name === 'br') text += '\n';
      for (const c of n.children) walk(c);
      if (BLOCK_TAGS.has(n.name)) text += '\n';
    }
    if (n === title) titleEnd = text.length;
    if (n === content) contentEnd = text.length;
  };
  walk(root);
  return { text, titleEnd, contentStart, contentEnd };
}

function pickDate(
  $: CheerioAPI,
  fromScript: FoundDate | null,
  root: Element,
  titleEl: Element | null,
  content: Element,
  timezone: string,
): FoundDate | null {
  const fromMeta = metaDate($, timezone);
  const reference = fromMeta?.date;
  const opts = { timezone, reference };
  const withMetaYear = (d: FoundDate | null) => (d && d.yearInferred && !fromMeta ? null : d);

  const { text, titleEnd, contentStart, contentEnd } = documentText(root, titleEl, content);
  // The byline between headline and body is where pages show the publication time.
  if (titleEnd >= 0) {
    const end = contentStart > titleEnd ? Math.min(contentStart, titleEnd + 600) : titleEnd + 300;
    const near = withMetaYear(findDateIn(text.slice(titleEnd, end), opts));
    if (near) return fromMeta && sameDay(near, fromMeta, timezone) && !near.hasTime ? fromMeta : near;
  }
  if (fromMeta) return fromMeta;
  const outsideBody = contentStart >= 0 ? `${text.slice(0, contentStart)}\n${text.slice(contentEnd)}` : text;
  for (const line of outsideBody.split('\n')) {
    if (!DATE_LABEL_RE.test(line)) continue;
    const labelled = findDateIn(line.slice(line.search(DATE_LABEL_RE)), opts);
    if (labelled && !labelled.yearInferred) return labelled;
  }
  return fromScript;
}

function sameDay(a: FoundDate, b: FoundDate, timezone: string): boolean {
  return formatInZone(a.date, timezone, false) === formatInZone(b.date, timezone, false);
}

/**
 * Extracts headline, publication time and main text from an article page with no known selectors.
 * Throws PermanentPageError ('too-costly') for a page too long or too deeply nested to read.
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): GenericArticle {
  const timezone = opts.timezone ?? 'Asia/Shanghai';
  const $ = loadBoundedHtml(wellFormed(html));
  const { title, element: titleEl } = findTitle($);

  const root = ($('body').get(0) ?? $.root().children('html').get(0)) as Element | undefined;
  if (!root) return { title, published: null, text: '' };
  const fromScript = scriptDate($, timezone);
  $('script:not([type="application/ld+json"])').remove();
  removeWhere($, root, (el) => NON_CONTENT.has(el.name) || isHidden(el));
  // Collected by one walk: cheerio's .contents() over every element concatenates arrays
  // element by element, quadratic in the number of elements.
  $(commentsUnder(root)).remove();

  // Furniture is judged against the whole page so that a wrapper named e.g. "main-side" that holds
  // the article is not thrown away with the real sidebars.
  const stats = measure(root);
  const total = stats.get(root)!.chars;
  const furniture = new Set(
    topmost(root, (el) => isFurniture(el, stats.get(el)!) && stats.get(el)!.chars < total * 0.5 && !(titleEl && $(el).find(titleEl).length > 0)),
  );
  const content = bestContainer(root, furniture);
  // The headline and byline may sit in furniture (an <aside>), so dates are looked for before it goes.
  const date = pickDate($, fromScript, root, titleEl, content, timezone);
  for (const el of furniture) $(el).remove();

  pruneContainer($, content);
  const lines = cleanLines(linesOf(content));
  const headline = title ? compact(title) : null;
  const text = (headline && lines.length && compact(lines[0]) === headline ? lines.slice(1) : lines).join('\n');
  return {
    title,
    published: date ? formatInZone(date.date, timezone, date.hasTime) : null,
    text,
    html: $.html(content),
  };
}
