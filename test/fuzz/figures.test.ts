import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';
import { parseChineseNumber, parseNumber } from '../../src/figures/numbers.ts';
import { documentYear, findPeriods } from '../../src/figures/period.ts';
import { publishedYear } from '../../src/figures/published.ts';
import { anyText, codeUnit, reportText } from './arbitraries.ts';
import { fuzzRuns, linearity, repeatTo, Tally } from './kit.ts';

const tally = new Tally('figures, numbers, periods');
afterAll(() => tally.print());

const PERIOD = /^(?:\d{4}|XXXX)(?:-\d{2}(?:~(?:\d{4}|XXXX)-\d{2})?)?$/;
const published = fc.oneof(fc.constant(null), fc.date({ noInvalidDate: false }), fc.string({ unit: codeUnit, maxLength: 12 }), fc.constantFrom('2024', '2024-08', '2024-08-14', '2024-08-14T10:00:00+08:00'));

describe('figure extractor on any text', () => {
  it('returns figures with finite values and well-formed periods, and never throws', () => {
    fc.assert(
      fc.property(
        anyText,
        published,
        fc.option(fc.string({ maxLength: 6 })),
        tally.count('extractFigures', (text: string, pub: Date | string | null, region: string | null) => {
          for (const f of extractFigures(text, { published: pub, region })) {
            expect(Number.isFinite(f.value)).toBe(true);
            expect(f.quote.length).toBeGreaterThan(0);
            if (f.period !== null) expect(f.period).toMatch(PERIOD);
          }
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });
});

describe('number, period and publication-date parsers on any text', () => {
  it('parseNumber reads plain digit strings as Number does and returns a number for anything', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^\d{1,15}(\.\d{1,6})?$/), fc.string({ unit: codeUnit, maxLength: 20 }), fc.string({ unit: fc.constantFrom('一', '二', '两', '十', '百', '千', '零', '〇', '九'), maxLength: 10 })),
        tally.count('parseNumber', (s: string) => {
          const n = parseNumber(s);
          expect(typeof n).toBe('number');
          if (/^\d+(\.\d+)?$/.test(s)) expect(n).toBe(Number(s));
          const c = parseChineseNumber(s);
          expect(Number.isNaN(c) || (Number.isInteger(c) && c >= 0)).toBe(true);
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });

  it('findPeriods and documentYear give canonical periods and years inside the sentence', () => {
    fc.assert(
      fc.property(
        reportText,
        fc.constantFrom('2024', 'XXXX'),
        fc.option(fc.constantFrom('2023', '2019')),
        tally.count('findPeriods', (sentence: string, docYear: string, ctx: string | null) => {
          for (const m of findPeriods(sentence, docYear, ctx)) {
            expect(m.period).toMatch(PERIOD);
            expect(0 <= m.index && m.index < m.end && m.end <= sentence.length).toBe(true);
          }
          expect(documentYear(sentence, null)).toMatch(/^(?:\d{4}|XXXX)$/);
        }),
      ),
      { numRuns: fuzzRuns() * 4 },
    );
  });

  it('publishedYear answers a four-digit year or null for any string or date', () => {
    fc.assert(
      fc.property(
        published,
        tally.count('publishedYear', (p: Date | string | null) => {
          const y = publishedYear(p);
          expect(y === null || /^\d{4}$/.test(y)).toBe(true);
        }),
      ),
      { numRuns: fuzzRuns() * 2 },
    );
  });
});

// Adversarial pages: the same piece repeated (a list gone wrong), long digit runs, brackets never closed.
const SHAPES: Record<string, string> = {
  "'增长'.repeat(n)": '增长',
  'a run of 增长1.2%、': '增长1.2%、',
  'long digit runs': '1',
  'digits and dots': '1.',
  'numbers with commas': '1,',
  'periods back to back': '1-9月',
  'years': '2024年',
  'unclosed brackets': '《“（增长',
  'Chinese numerals': '十二',
  'one endless line of a report': '2024年1-9月全市规上工业增加值增长6.5%，',
  'line breaks': '增长\n',
};

describe('extractFigures cost is linear in the text', () => {
  for (const [name, unit] of Object.entries(SHAPES)) {
    it(`on ${name}`, () => {
      const r = linearity((n) => repeatTo(unit, n), (t) => extractFigures(t as string), 8);
      tally.add('extractFigures (linear)', 2);
      expect(r.ratio, `µs per char: ${r.smallUsPerChar.toFixed(3)} at 1 KB, ${r.largeUsPerChar.toFixed(3)} at the largest`).toBeLessThan(8);
    });
  }
  it('on periods and years in one long sentence', () => {
    const r = linearity((n) => repeatTo('1-', n), (t) => { findPeriods(t as string, '2024', null); documentYear(t as string, null); }, 8);
    tally.add('findPeriods (linear)', 2);
    expect(r.ratio).toBeLessThan(8);
  });
});
