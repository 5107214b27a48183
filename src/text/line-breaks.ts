import { replaceMapped, type MappedText } from './mapped-text.ts';

// Characters after which a line break really ends a sentence or a block.
const ENDS_BLOCK = /[。！？!?;；…:]$|[。！？!?][”」』)]$/;

/**
 * Undoes hard wrapping and stray spacing. A line break (with any blank lines around it)
 * after a character that cannot end a sentence joins the two lines, so `成交\n\n额305.8亿元`
 * reads as one phrase; breaks after a full stop stay, as single newlines. Spaces are dropped
 * unless both neighbours are Latin letters or digits, so `2 千亿级` becomes `2千亿级`.
 */
export function joinBrokenLines(src: MappedText): MappedText {
  const text = src.text;
  return replaceMapped(src, /[ \t\f\v\r]*\n[\s]*|[ \t\f\v\r]+/g, (m) => {
    const before = text.slice(Math.max(0, m.index - 2), m.index);
    const after = text.charAt(m.index + m[0].length);
    if (m[0].includes('\n')) {
      if (!before || !after) return '\n';
      if (ENDS_BLOCK.test(before)) return '\n';
      // A new list item or caption bullet starts its own line.
      if (after === '-' || after === '•') return '\n';
      return '';
    }
    const prev = before.charAt(before.length - 1);
    return /[A-Za-z0-9]/.test(prev) && /[A-Za-z]/.test(after) || /[A-Za-z]/.test(prev) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}
