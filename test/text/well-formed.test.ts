import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';
import { normalise, quoteOf } from '../../src/text/normalise.ts';
import { wellFormed } from '../../src/text/well-formed.ts';

describe('lone surrogates', () => {
  it('become U+FFFD, one code unit for one, and pairs stay', () => {
    expect(wellFormed('\udc00\udc00')).toBe('\ufffd\ufffd');
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
    expect(wellFormed('𠀋\ud83d')).toBe('𠀋\ufffd');
    expect(wellFormed('规上工业增加值')).toBe('规上工业增加值');
  });
  it('leave normalised text clean and its quotes exact', () => {
    const n = normalise('\udc00\udc00全市规上工业增加值增长5.1%\ud800。');
    expect(n.text).toBe('全市规上工业增加值增长5.1%。');
    expect(n.text).not.toMatch(/[\ud800-\udfff]/);
    expect(quoteOf(n, 2, 15)).toBe('规上工业增加值增长5.1%');
  });
  it('do not stop a report from being read', () => {
    expect(() => extractFigures('\udc00\udc00')).not.toThrow();
    expect(extractFigures('\udc00临江市规上工业增加值同比增长6.2%\udbff。').map((f) => f.value)).toEqual([6.2]);
  });
  it('named by a character reference become U+FFFD too', () => {
    expect(normalise('增长&#xD800;5%&#56320;').text).toBe('增长5%');
  });
});
