/**
 * Splits a normalised text into the spans the rules read one at a time: sentences, ended by
 * `。!?;` or a line break. The rules look back and forth inside a span, so a span is also cut
 * to at most `MAX_SPAN` characters (at the last clause break or list joiner before the
 * limit): a page that is one endless "sentence" (`增长1.2%、增长1.2%、…`) then costs time in
 * proportion to its length, not to its square. Real sentences are far shorter than the cap.
 */

export const MAX_SPAN = 600;

// A `?` glued to a Han character before and Latin letters after (`燃?xì)`) is a mirror site's
// garbled character, not a question.
const SENTENCE_END = /[。!;\n]|(?<![\u4e00-\u9fff])\?|\?(?![a-z\u00e0-\u00fc\u0101-\u01dc])/g;
// Where an over-long span may be cut, best first.
const SOFT_BREAKS = [',', '、', ':', ' '];

/** [from, to) offsets of each span of `text`, in order; spans shorter than 3 characters are left out. */
export function sentenceSpans(text: string, maxSpan = MAX_SPAN): [number, number][] {
  const out: [number, number][] = [];
  const push = (from: number, to: number) => {
    while (to - from > maxSpan) {
      const cut = softCut(text, from, from + maxSpan);
      if (cut - from >= 3) out.push([from, cut]);
      // A break character belongs to neither span; a hard cut loses nothing.
      from = cut < from + maxSpan ? cut + 1 : cut;
    }
    if (to - from >= 3) out.push([from, to]);
  };
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    push(from, m.index);
    from = m.index + 1;
  }
  push(from, text.length);
  return out;
}

/** The offset of the best break in (from, limit]: the last clause break, else the last joiner, else the limit itself. */
function softCut(text: string, from: number, limit: number): number {
  for (const b of SOFT_BREAKS) {
    const at = text.lastIndexOf(b, limit - 1);
    if (at > from + 2) return at;
  }
  return limit;
}
