import type { CheerioAPI, Element } from 'cheerio';
import { pdfToText } from '../fetch/pdf-text.ts';
import { descendants, extractArticle } from '../parse/generic-article.ts';
import { loadBoundedHtml } from '../parse/bounded-html.ts';
import { parseChineseDate } from '../parse/dates.ts';
import { sourceTimezone, type Source } from '../sources/schema.ts';
import { clean } from './html.ts';

export interface ArticlePage {
  title: string | null;
  dateText: string | null;
  /** Main text, one paragraph a line. */
  text: string;
}

/** An article page read into what is stored, with what looked wrong on the way. */
export interface ArticleRead {
  title: string;
  publishedAt: Date | null;
  text: string;
  via: 'selectors' | 'generic' | 'pdf';
  /** Per selector: matched nothing, date unparsed, text suspiciously short. */
  problems: string[];
}

/** What the list page said about the article, used where the page itself is silent. */
export interface ListHint {
  title: string;
  dateText: string | null;
}

/** Below this many characters a body is more likely a wrong selector than a short notice. */
const SHORT_TEXT = 60;

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'section', 'article', 'table']);

/**
 * Reads an article with the source's selectors. Returns null when the source has no body
 * selector, so the caller can fall back to generic extraction.
 */
export function parseArticlePage(html: string, article: Source['article']): ArticlePage | null {
  if (!article.body) return null;
  const $ = loadBoundedHtml(html);
  $('script, style, noscript, iframe').remove();
  for (const sel of article.remove) $(sel).remove();
  const body = $(article.body).first();
  const title = pick($, article.title) ?? (clean($('h1').first().text()) || null);
  if (!body.length) return { title, dateText: pick($, article.date), text: '' };
  // Block elements become line breaks so paragraphs survive the move to plain text.
  for (const el of descendants(body.get(0) as Element, (e) => BLOCKS.has(e.name))) $(el).prepend('\n').append('\n');
  const text = body
    .text()
    .split('\n')
    .map((line) => clean(line))
    .filter(Boolean)
    .join('\n');
  return { title, dateText: pick($, article.date), text };
}

/** Reads an HTML article: with the source's selectors, or by generic extraction when it has no body selector. */
export function readArticleHtml(html: string, url: string, source: Source, hint: ListHint): ArticleRead {
  const timezone = sourceTimezone(source);
  const problems: string[] = [];
  const listDate = hint.dateText ? parseChineseDate(hint.dateText, { timezone }) : null;
  const bySelectors = parseArticlePage(html, source.article);
  if (!bySelectors) {
    const generic = extractArticle(html, { url, timezone });
    const published = generic.published ? parseChineseDate(generic.published, { timezone }) : null;
    if (!generic.text) problems.push('generic extraction found no article text on the page');
    if (!published && !listDate) problems.push('no publication date found on the page or in the list');
    checkLength(generic.text, problems);
    return { title: generic.title ?? hint.title, publishedAt: published ?? listDate, text: generic.text, via: 'generic', problems };
  }
  const { article } = source;
  if (!bySelectors.text) problems.push(`article.body "${article.body}" matched nothing`);
  if (article.title && !bySelectors.title) problems.push(`article.title "${article.title}" matched nothing`);
  let published: Date | null = null;
  if (article.date) {
    published = bySelectors.dateText ? parseChineseDate(bySelectors.dateText, { timezone }) : null;
    if (!bySelectors.dateText) problems.push(`article.date "${article.date}" matched nothing`);
    else if (!published) problems.push(`article.date "${article.date}" gave "${bySelectors.dateText.slice(0, 40)}", which holds no date`);
  }
  // A page that hides its date from the selector usually still shows it: read it as the generic
  // extractor would before settling for the list's date, which has no time of day.
  if (!published) {
    const shown = extractArticle(html, { url, timezone }).published;
    published = shown ? parseChineseDate(shown, { timezone }) : null;
  }
  if (!published && !listDate) problems.push('no publication date: neither the article nor the list gives one');
  checkLength(bySelectors.text, problems);
  return { title: bySelectors.title ?? hint.title, publishedAt: published ?? listDate, text: bySelectors.text, via: 'selectors', problems };
}

/** Reads a PDF attachment: its text layer, with title and date from the list. */
export async function readArticlePdf(bytes: Uint8Array, source: Source, hint: ListHint): Promise<ArticleRead> {
  const timezone = sourceTimezone(source);
  const problems: string[] = [];
  let text = '';
  try {
    text = await pdfToText(bytes);
  } catch (err) {
    problems.push(`PDF could not be read: ${(err as Error).message}`);
  }
  if (!text && !problems.length) problems.push('PDF has no text layer (a scan?)');
  const publishedAt = hint.dateText ? parseChineseDate(hint.dateText, { timezone }) : null;
  if (!publishedAt) problems.push('no publication date: PDFs take theirs from the list');
  checkLength(text, problems);
  return { title: hint.title, publishedAt, text, via: 'pdf', problems };
}

function checkLength(text: string, problems: string[]): void {
  const length = text.replace(/\s/g, '').length;
  if (length > 0 && length < SHORT_TEXT) problems.push(`text suspiciously short (${length} characters)`);
}

function pick($: CheerioAPI, selector: string | undefined): string | null {
  if (!selector) return null;
  const node = $(selector).first();
  const value = node.is('meta') ? (node.attr('content') ?? '') : node.text();
  return clean(value) || null;
}
