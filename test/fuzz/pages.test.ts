import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PermanentPageError } from '../../src/crawl/page-errors.ts';
import { decodeBody } from '../../src/fetch/decode.ts';
import { extractArticle } from '../../src/parse/generic-article.ts';
import { findDateIn } from '../../src/parse/dates.ts';
import { normalise, quoteOf } from '../../src/text/normalise.ts';
import { anyText, htmlSoup } from './arbitraries.ts';
import { fuzzRuns, linearity, repeatTo, Tally } from './kit.ts';

const tally = new Tally('decoding, HTML, normalisation, dates');
afterAll(() => tally.print());

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Runs `f`, allowing only the typed refusal of a page too costly to read. */
function refusesOnlyTooCostly(f: () => void): void {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(PermanentPageError);
    expect((err as PermanentPageError).reason).toBe('too-costly');
  }
}

describe('decoding any bytes', () => {
  const contentType = fc.option(fc.oneof(fc.constantFrom('text/html; charset=gbk', 'text/html; charset=utf-8', 'text/html; charset="big5"', 'text/html; charset=nonsense', 'text/html'), fc.string({ maxLength: 30 })));
  const body = fc.oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.tuple(fc.constantFrom('<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', '\ufeff', ''), fc.uint8Array({ maxLength: 300 })).map(([head, tail]) => Buffer.concat([Buffer.from(head), Buffer.from(tail)])),
    fc.constantFrom([0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0x84, 0x31, 0x95, 0x33]).chain((bom) => fc.uint8Array({ maxLength: 301 }).map((b) => Buffer.concat([Buffer.from(bom), b]))),
  );

  it('gives well-formed text and a known encoding whatever the bytes and the header say', () => {
    fc.assert(
      fc.property(
        body,
        contentType,
        tally.count('decodeBody', (bytes: Uint8Array, ct: string | null) => {
          const d = decodeBody(Buffer.from(bytes), { contentType: ct });
          expect(typeof d.text).toBe('string');
          expect(LONE_SURROGATE.test(d.text)).toBe(false);
          expect(d.encoding.length).toBeGreaterThan(0);
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });

  const shapes: Record<string, (n: number) => Buffer> = {
    'GBK-looking high bytes': (n) => Buffer.alloc(n, 0xb0),
    'random-looking bytes': (n) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 131 + 7) & 0xff)),
    'meta tags over and over': (n) => Buffer.from(repeatTo('<meta charset=', n)),
    'invalid UTF-8 under a UTF-8 header': (n) => Buffer.from(repeatTo('增\xff', n), 'latin1'),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`costs time linear in the body on ${name}`, () => {
      const r = linearity(make, (b) => decodeBody(b as Buffer, { contentType: 'text/html; charset=utf-8' }), 8);
      tally.add('decodeBody (linear)', 2);
      expect(r.ratio).toBeLessThan(8);
    });
  }
});

describe('HTML article extraction on tag soup', () => {
  it('returns text without lone surrogates, or refuses as too costly, and never throws anything else', () => {
    fc.assert(
      fc.property(
        htmlSoup,
        tally.count('extractArticle', (html: string) => {
          refusesOnlyTooCostly(() => {
            const a = extractArticle(html, { url: 'http://127.0.0.1/a.html' });
            expect(LONE_SURROGATE.test(a.text)).toBe(false);
            if (a.published !== null) expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$/);
          });
        }),
      ),
      { numRuns: fuzzRuns() * 2 },
    );
  });

  const shapes: Record<string, (n: number) => string> = {
    'nested tags up to the depth limit': (n) => '<div>'.repeat(300) + repeatTo('增长1.2%', n),
    'nesting past the depth limit': (n) => repeatTo('<div><span>', n),
    'many sibling paragraphs': (n) => `<body>${repeatTo('<p>全市工业增长1.2%</p>', n)}`,
    'unclosed inline tags': (n) => repeatTo('<p><b><i>', n),
    'many attributes': (n) => `<div ${repeatTo('a=1 ', n)}>x</div>`,
    'comments': (n) => `<body>${repeatTo('<!-- c --><p>x</p>', n)}`,
    'dates everywhere': (n) => `<body>${repeatTo('<span>2024-03-11</span>', n)}`,
    'one long text node': (n) => `<body><p>${repeatTo('增长', n)}</p>`,
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`costs time linear in the page on ${name}`, () => {
      const r = linearity(make, (h) => extractArticle(h as string), 8);
      tally.add('extractArticle (linear)', 2);
      expect(r.ratio).toBeLessThan(8);
    });
  }
});

describe('normalisation of any text', () => {
  it('maps every character back into the original and quotes any range', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.nat(),
        fc.nat(),
        tally.count('normalise', (text: string, a: number, b: number) => {
          const n = normalise(text);
          expect(n.starts.length).toBe(n.text.length);
          expect(n.ends.length).toBe(n.text.length);
          expect(LONE_SURROGATE.test(n.text)).toBe(false);
          for (let i = 0; i < n.text.length; i++) {
            expect(0 <= n.starts[i] && n.starts[i] <= n.ends[i] && n.ends[i] <= n.original.length).toBe(true);
          }
          const len = n.text.length + 1;
          expect(typeof quoteOf(n, Math.min(a, b) % len, Math.max(a, b) % len)).toBe('string');
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });

  const shapes: Record<string, string> = {
    'HTML debris': '<br>&nbsp;增长 \n',
    'broken lines': '增\n',
    'spaces': ' \u3000\t',
    'traditional and full-width': '與個０１．',
    'markdown emphasis': '**增长**',
    'furniture lines': '来源：本站\n发布时间：2024-03-11\n',
  };
  for (const [name, unit] of Object.entries(shapes)) {
    it(`costs time linear in the text on ${name}`, () => {
      const r = linearity((n) => repeatTo(unit, n), (t) => normalise(t as string), 8);
      tally.add('normalise (linear)', 2);
      expect(r.ratio).toBeLessThan(8);
    });
  }
});

describe('dates in any text', () => {
  it('finds a valid date inside the text or none', () => {
    fc.assert(
      fc.property(
        fc.oneof(anyText, fc.string({ unit: fc.constantFrom('2', '0', '1', '4', '-', '/', '.', '年', '月', '日', ' ', ':', '时', 'T', 'Z', '+', '〇', '二', '十', '三'), maxLength: 40 })),
        tally.count('findDateIn', (text: string) => {
          const f = findDateIn(text, { reference: new Date('2026-03-01T00:00:00Z') });
          if (f) {
            expect(Number.isNaN(f.date.getTime())).toBe(false);
            expect(text.includes(f.match)).toBe(true);
          }
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });

  const shapes: Record<string, (n: number) => string> = {
    'a year then spaces': (n) => `2024${' '.repeat(n)}`,
    'a year, a dash and spaces': (n) => `2024-${' '.repeat(n)}`,
    'a full date then spaces': (n) => `2024-03-11${' '.repeat(n)}x`,
    'digits': (n) => '2'.repeat(n),
    'near dates': (n) => repeatTo('2024-13-', n),
    'month-day pairs without time': (n) => repeatTo('3-11 ', n),
    'spaces between digits': (n) => repeatTo('1 ', n),
    'Chinese numerals': (n) => repeatTo('二〇二四年十三月', n),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(`costs time linear in the text on ${name}`, () => {
      const r = linearity(make, (t) => findDateIn(t as string), 8);
      tally.add('findDateIn (linear)', 2);
      expect(r.ratio).toBeLessThan(8);
    });
  }
});
