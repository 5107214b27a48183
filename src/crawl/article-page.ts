import { load } from 'cheerio';
import type { Source } from '../sources/schema.ts';

export interface ArticlePage {
  title: string | null;
  dateText: string | null;
  /** Main text, one paragraph a line. */
  text: string;
}

const BLOCKS = 'p, div, br, li, h1, h2, h3, h4, h5, h6, tr, section, article, table';

/**
 * Reads an article with the source's selectors. Returns null when the source has no body
 * selector, so the caller can fall back to generic extraction.
 */
export function parseArticlePage(html: string, article: Source['article']): ArticlePage | null {
  if (!article.body) return null;
  const $ = load(html);
  $('script, style, noscript, iframe').remove();
  for (const sel of article.remove) $(sel).remove();
  const body = $(article.body).first();
  if (!body.length) return { title: pick($, article.title), dateText: pick($, article.date), text: '' };
  // Block elements become line breaks so paragraphs survive the move to plain text.
  body.find(BLOCKS).each((_, el) => {
    $(el).prepend('\n').append('\n');
  });
  const text = body
    .text()
    .split('\n')
    .map((line) => line.replace(/[\s\u3000\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { title: pick($, article.title) ?? (clean($('h1').first().text()) || null), dateText: pick($, article.date), text };
}

function pick($: ReturnType<typeof load>, selector: string | undefined): string | null {
  if (!selector) return null;
  const node = $(selector).first();
  const value = node.is('meta') ? node.attr('content') ?? '' : node.text();
  return clean(value) || null;
}

function clean(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}
