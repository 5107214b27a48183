import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';
import { FIRST_WORDS, GAP_CUES, GROWTH_CUES, RANK_CUES, SHARE_ENDINGS } from '../../src/figures/lexicon/cues.ts';
import { INDICATORS } from '../../src/figures/lexicon/indicators.ts';
import { YEAR_PARTS } from '../../src/figures/lexicon/periods.ts';
import { MAGNITUDES, UNITS } from '../../src/figures/lexicon/units.ts';

// Every entry of the declarative tables, put to work in a sentence written for it: an analyst who
// adds an entry gets it checked here without writing a test of their own.
const ctx = { region: '临江市', published: '2025-08-15' };
const pad = (m: number) => String(m).padStart(2, '0');

describe('each growth cue gives a signed growth', () => {
  for (const { word, sign } of GROWTH_CUES) {
    it(word, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值同比${word}6.5%。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'growth', value: sign * 6.5, unit: '%' }));
    });
  }
});

describe('each gap cue gives a signed gap', () => {
  for (const { word, sign } of GAP_CUES) {
    it(word, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值同比增长6.5%，${word}全省1.2个百分点。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'gap', value: sign * 1.2, unit: '百分点' }));
    });
  }
});

describe('each rank cue and word for first gives a rank', () => {
  for (const word of RANK_CUES) {
    it(word, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值同比增长6.5%，增速${word}全省第3位。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'rank', value: 3, unit: '位' }));
    });
  }
  for (const word of FIRST_WORDS) {
    it(word, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值同比增长6.5%，增速居全省${word}。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'rank', value: 1, unit: '位' }));
    });
  }
});

describe('each part of the year gives its run of months', () => {
  for (const [part, [from, to]] of Object.entries(YEAR_PARTS)) {
    it(part, () => {
      const [figure] = extractFigures(`2024年${part}，临江市规模以上工业增加值同比增长6.5%。`, ctx);
      expect(figure?.period).toBe(from === to ? `2024-${pad(from)}` : `2024-${pad(from)}~2024-${pad(to)}`);
    });
  }
});

describe('each tier-1 indicator and alias gives a tier-1 figure', () => {
  for (const name of INDICATORS.filter((e) => e.tier === 1).flatMap((e) => [e.canonical, ...e.aliases])) {
    it(name, () => {
      if (SHARE_ENDINGS.some((end) => name.endsWith(end))) {
        const figures = extractFigures(`1-7月，临江市${name}达到70.5%。`, ctx);
        expect(figures).toContainEqual(expect.objectContaining({ kind: 'share', value: 70.5, tier: 1 }));
      } else {
        // A bare qualifier (规模以上, 规上) stands before the noun it qualifies.
        const phrase = /以上$|^规上$/.test(name) ? `${name}工业企业营业收入` : name;
        const figures = extractFigures(`1-7月，临江市${phrase}同比增长6.5%。`, ctx);
        expect(figures).toContainEqual(expect.objectContaining({ kind: 'growth', value: 6.5, tier: 1 }));
      }
    });
  }
});

describe('each unit gives an amount in that unit', () => {
  for (const { unit, type, canonical } of UNITS.filter((u) => u.type === 'count' || u.type === 'measure' || u.type === 'money')) {
    it(unit, () => {
      const magnitude = type === 'money' || unit === '条' ? '亿' : '';
      const figures = extractFigures(`截至7月底，临江市工业园区累计实现产出37${magnitude}${unit}。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'amount', value: 37, unit: `${magnitude}${canonical ?? unit}` }));
    });
  }
  for (const magnitude of MAGNITUDES) {
    it(`magnitude ${magnitude}`, () => {
      const figures = extractFigures(`截至7月底，临江市工业园区累计实现产值37${magnitude}元。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'amount', value: 37, unit: `${magnitude}元` }));
    });
  }
});
