import { load, type AnyNode, type CheerioAPI } from 'cheerio';
import { PermanentPageError } from '../crawl/page-errors.ts';

/** What one article page may cost to read. */
export interface HtmlLimits {
  /** Characters of decoded HTML; longer pages are refused before parsing. */
  maxChars: number;
  /** Element nesting depth; selector matching and tree walks cost up to depth × elements. */
  maxDepth: number;
}

// Real article pages nest a few dozen levels and weigh well under a megabyte; these leave room
// for the worst CMS output seen while keeping a hostile page's cost to a fraction of a second.
export const ARTICLE_LIMITS: HtmlLimits = { maxChars: 10_000_000, maxDepth: 400 };

/**
 * Parses an article page with htmlparser2, whose cost grows linearly with the input (parse5, the
 * default of cheerio's `load`, grows with depth squared: 100,000 nested <div> took minutes), and
 * refuses a page too long or too deeply nested to read in bounded time, before anything walks it.
 */
export function loadBoundedHtml(html: string, limits: HtmlLimits = ARTICLE_LIMITS): CheerioAPI {
  if (html.length > limits.maxChars) {
    throw new PermanentPageError('too-costly', `page is ${html.length} characters long, more than the ${limits.maxChars} an article may have`);
  }
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const depth = maxDepth($.root().get(0)!, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new PermanentPageError('too-costly', `page nests elements more than ${limits.maxDepth} deep`);
  }
  return $;
}

/** Nesting depth below `root`, walked without recursion and given up once past `stopAt`. */
function maxDepth(root: AnyNode, stopAt: number): number {
  let deepest = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAt) return deepest;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}
