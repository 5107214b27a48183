import { charTable } from './char-table.ts';
import { stripHtmlDebris, stripMarkdown, stripMirrorNoise } from './debris.ts';
import { removeFurniture } from './furniture.ts';
import { joinBrokenLines } from './line-breaks.ts';
import { wellFormed } from './well-formed.ts';
import { identityMapped, mapChars, originalRange, type MappedText } from './mapped-text.ts';

export interface NormalisedText extends MappedText {
  /** The raw text the offsets point into. */
  original: string;
  /** Publication date found in the page's metadata lines, if any (YYYY-MM-DD). */
  published: string | null;
}

/**
 * Raw page text → clean simplified half-width text with a map back to the original:
 * HTML debris, traditional characters, full-width forms, pinyin annotations and garbage,
 * markdown emphasis, furniture lines, hard line breaks and stray spaces; lone surrogates.
 */
export function normalise(input: string): NormalisedText {
  // Lone surrogates become U+FFFD (one unit for one), which the garbage rule then drops.
  const raw = wellFormed(input);
  let t = identityMapped(raw);
  t = stripHtmlDebris(t);
  t = mapChars(t, charTable());
  t = stripMirrorNoise(t);
  t = stripMarkdown(t);
  const f = removeFurniture(t);
  t = joinBrokenLines(f.text);
  return { ...t, original: raw, published: f.published };
}

/**
 * The original text behind normalised range [from, to), as a quote: exactly as it stands,
 * except that line breaks which split the span are removed.
 */
export function quoteOf(n: NormalisedText, from: number, to: number): string {
  const [a, b] = originalRange(n, from, to);
  return n.original.slice(a, b).replace(/[ \t]*\r?\n\s*/g, '');
}
