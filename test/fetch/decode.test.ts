import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, normalizeEncoding } from '../../src/fetch/decode.ts';

// Short texts written for these tests; 镕 and 堃 are in GBK but not in GB2312.
const SIMPLIFIED = '市工信局通报：一季度全市规模以上工业增加值同比增长百分之六点五，朱镕堃项目开工。';
const TRADITIONAL = '市經濟部通報：第一季度工業產值成長百分之五點二，新廠房落成啟用。';

function page(body: string, metaCharset?: string): string {
  const meta = metaCharset ? `<meta charset="${metaCharset}">` : '';
  return `<!DOCTYPE html><html><head>${meta}<title>工业运行</title></head><body><p>${body}</p></body></html>`;
}

const httpEquiv = (body: string, charset: string) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><p>${body}</p></body></html>`;

describe('decodeBody', () => {
  it('decodes GBK with the charset only in <meta>', () => {
    const r = decodeBody(iconv.encode(page(SIMPLIFIED, 'gbk'), 'gbk'));
    expect(r.text).toContain(SIMPLIFIED);
    expect(r).toMatchObject({ encoding: 'gb18030', source: 'meta' });
  });

  it('decodes GBK-only characters on a page declared gb2312 (as GB18030)', () => {
    const r = decodeBody(iconv.encode(httpEquiv(SIMPLIFIED, 'gb2312'), 'gbk'));
    expect(r.text).toContain('朱镕堃');
    expect(r.source).toBe('meta');
  });

  it('decodes GB18030 four-byte characters', () => {
    const text = `${SIMPLIFIED}𠀀`;
    const r = decodeBody(iconv.encode(page(text), 'gb18030'), { contentType: 'text/html; charset=GB18030' });
    expect(r.text).toContain(text);
    expect(r).toMatchObject({ encoding: 'gb18030', source: 'header' });
  });

  it('decodes Big5 with the charset only in the header', () => {
    const r = decodeBody(iconv.encode(page(TRADITIONAL), 'big5'), { contentType: 'text/html;charset="big5"' });
    expect(r.text).toContain(TRADITIONAL);
    expect(r).toMatchObject({ encoding: 'big5', source: 'header' });
  });

  it('prefers the header charset over the <meta> one', () => {
    const r = decodeBody(iconv.encode(page(TRADITIONAL, 'gbk'), 'big5'), { contentType: 'text/html; charset=big5' });
    expect(r.text).toContain(TRADITIONAL);
    expect(r.source).toBe('header');
  });

  it('falls back to the <meta> charset when a header claims UTF-8 for GBK bytes', () => {
    const r = decodeBody(iconv.encode(page(SIMPLIFIED, 'gbk'), 'gbk'), { contentType: 'text/html; charset=utf-8' });
    expect(r.text).toContain(SIMPLIFIED);
    expect(r.source).toBe('meta');
  });

  it('decodes UTF-8 with and without a BOM', () => {
    const plain = Buffer.from(page(SIMPLIFIED, 'utf-8'));
    expect(decodeBody(plain)).toMatchObject({ encoding: 'utf-8', source: 'meta' });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(SIMPLIFIED))]);
    const r = decodeBody(bom);
    expect(r).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(r.text.startsWith('<!DOCTYPE')).toBe(true);
    expect(r.text).toContain(SIMPLIFIED);
  });

  it('lets a BOM win over a contradicting header charset', () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(SIMPLIFIED, 'gbk'))]);
    const r = decodeBody(bom, { contentType: 'text/html; charset=gbk' });
    expect(r).toMatchObject({ encoding: 'utf-8', source: 'bom' });
    expect(r.text).toContain(SIMPLIFIED);
  });

  it('decodes UTF-16LE with a BOM', () => {
    const r = decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(SIMPLIFIED), 'utf-16le')]));
    expect(r).toMatchObject({ encoding: 'utf-16le', source: 'bom' });
    expect(r.text).toContain(SIMPLIFIED);
  });

  it('reads UTF-8 bytes as UTF-8 when <meta> wrongly says gb2312', () => {
    const r = decodeBody(Buffer.from(page(SIMPLIFIED, 'gb2312')));
    expect(r.text).toContain(SIMPLIFIED);
    expect(r).toMatchObject({ encoding: 'utf-8', source: 'sniff' });
  });

  it('sniffs GBK and Big5 when nothing is declared', () => {
    const gbk = decodeBody(iconv.encode(page(SIMPLIFIED), 'gbk'));
    expect(gbk).toMatchObject({ encoding: 'gb18030', source: 'sniff' });
    expect(gbk.text).toContain(SIMPLIFIED);
    const big5 = decodeBody(iconv.encode(page(TRADITIONAL), 'big5'));
    expect(big5).toMatchObject({ encoding: 'big5', source: 'sniff' });
    expect(big5.text).toContain(TRADITIONAL);
  });

  it('sniffs UTF-8 and defaults to UTF-8 for plain ASCII', () => {
    expect(decodeBody(Buffer.from(page(SIMPLIFIED)))).toMatchObject({ encoding: 'utf-8', source: 'sniff' });
    expect(decodeBody(Buffer.from('<html><body><p>plain ascii</p></body></html>'))).toMatchObject({ encoding: 'utf-8', source: 'default' });
  });

  it('applies a per-source override over everything, and ignores "auto"', () => {
    const bytes = iconv.encode(page(TRADITIONAL, 'gbk'), 'big5');
    const r = decodeBody(bytes, { override: 'big5', contentType: 'text/html; charset=gbk' });
    expect(r).toMatchObject({ encoding: 'big5', source: 'override' });
    expect(r.text).toContain(TRADITIONAL);
    expect(decodeBody(Buffer.from(page(SIMPLIFIED, 'utf-8')), { override: 'auto' }).source).toBe('meta');
    expect(() => decodeBody(bytes, { override: 'klingon' })).toThrow(/unknown encoding "klingon"/);
  });

  it('normalizes labels', () => {
    expect(normalizeEncoding('GB2312')).toBe('gb18030');
    expect(normalizeEncoding(' x-gbk ')).toBe('gb18030');
    expect(normalizeEncoding('UTF8')).toBe('utf-8');
    expect(normalizeEncoding('Big5-HKSCS')).toBe('big5');
    expect(normalizeEncoding('nonsense')).toBeNull();
  });
});

describe('decodeBody when the declarations contradict the bytes', () => {
  const TEXT = '一季度全市规模以上工业增加值同比增长6.5%，高技术制造业增长12.3%。';

  // Before: decoded as Shift_JIS, '荳蟄｣蠎ｦ蜈ｨ蟶...' was stored.
  it('takes UTF-8 when the header says Shift_JIS, <meta> says GBK and the bytes are UTF-8', () => {
    const body = Buffer.from(`<html><head><meta charset="gbk"><title>t</title></head><body><p>${TEXT}</p></body></html>`, 'utf8');
    const decoded = decodeBody(body, { contentType: 'text/html; charset=Shift_JIS' });
    expect(decoded.text).toContain(TEXT);
    expect(decoded.encoding).toBe('utf-8');
  });

  it('takes the <meta> charset when the header one gives replacement characters and it decodes cleanly', () => {
    const body = iconv.encode(`<html><head><meta charset="gbk"></head><body><p>${TEXT}</p></body></html>`, 'gbk');
    const decoded = decodeBody(body, { contentType: 'text/html; charset=euc-kr' });
    expect(decoded.text).toContain(TEXT);
    expect(decoded.source).toBe('meta');
  });

  it('leaves no lone surrogate in text decoded from broken UTF-16', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('\udc00\udc00增长', 'utf16le')]);
    const { text } = decodeBody(body);
    expect(text).toBe('\ufffd\ufffd增长');
    expect(text).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
