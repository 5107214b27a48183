// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text with every lone surrogate (what a truncated or mis-decoded UTF-16 page leaves)
 * replaced by U+FFFD, one code unit for one, so offsets into it stay those of the input.
 * Parsers and `String.fromCodePoint`-based tokenizers throw on lone surrogates; well-formed
 * text never makes them.
 */
export function wellFormed(text: string): string {
  LONE_SURROGATE.lastIndex = 0;
  return LONE_SURROGATE.test(text) ? text.replace(LONE_SURROGATE, '\ufffd') : text;
}
