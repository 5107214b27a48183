import { replaceMapped, type MappedText } from './mapped-text.ts';

// Characters after which a line break really ends a sentence or a block.
const ENDS_BLOCK = /[。！？!?;；…:]$|[。！？!?][”」』)]$/;
// Words that open a paragraph or a numbered section, never the rest of a wrapped line: a
// heading before them (`某市38家企业入选…\n\n近日,…`) stays a line of its own.
const OPENS_BLOCK = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|(?:近日|日前|近期|记者从|据了解|据统计)[,，])/;

const SECTION_HEADING = /^\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])[^,，。;；]*$/;
const HEADING_MAX = 24;

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
      if (OPENS_BLOCK.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8))) return '\n';
      // A numbered section heading (`三、招商引资`) is a line of its own.
      const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
      if (m.index - lineStart <= HEADING_MAX && SECTION_HEADING.test(text.slice(lineStart, m.index))) return '\n';
      // A new list item or caption bullet starts its own line.
      if (after === '-' || after === '•') return '\n';
      return '';
    }
    const prev = before.charAt(before.length - 1);
    return /[A-Za-z0-9]/.test(prev) && /[A-Za-z]/.test(after) || /[A-Za-z]/.test(prev) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}
