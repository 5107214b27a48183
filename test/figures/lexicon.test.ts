import { describe, expect, it } from 'vitest';
import { extractFigures } from '../../src/figures/extract.ts';
import { CAPACITY_CUES, CHANGE_TO_VERBS, FIRST_WORDS, GAP_CUES, GROWTH_CUES, INVESTMENT_CUES, OUTPUT_VERBS, RANK_CUES, SECTOR_CLASSES, SHARE_ENDINGS } from '../../src/figures/lexicon/cues.ts';
import { RANK_SETS } from '../../src/figures/lexicon/frames.ts';
import { ZONES } from '../../src/figures/lexicon/regions.ts';
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

describe('each set a rank is taken among gives a rank with that basis', () => {
  for (const set of RANK_SETS) {
    it(set, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值同比增长6.5%，增速居${set}第3位。`, ctx);
      expect(figures).toContainEqual(expect.objectContaining({ kind: 'rank', value: 3 }));
    });
  }
});

describe('each verb from one change to another gives two changes', () => {
  for (const verb of CHANGE_TO_VERBS) {
    it(verb, () => {
      const figures = extractFigures(`1-7月，临江市规模以上工业增加值增速由上半年的5.5%${verb}6.5%。`, ctx);
      expect(figures.map((f) => [f.kind, f.value, f.indicator])).toEqual([
        ['growth', 5.5, '规模以上工业增加值'],
        ['growth', 6.5, '规模以上工业增加值'],
      ]);
    });
  }
});

describe('each verb of making names an output', () => {
  for (const verb of OUTPUT_VERBS) {
    it(verb, () => {
      expect(extractFigures(`1-7月，临江市${verb}钢材120万吨。`, ctx)).toContainEqual(expect.objectContaining({ indicator: '钢材产量', value: 120 }));
    });
  }
});

describe('each investment and capacity cue names the project after it', () => {
  for (const cue of INVESTMENT_CUES) {
    it(cue, () => {
      expect(extractFigures(`今年新签约项目中，包括${cue}5亿元的临江轴承项目。`, ctx)).toContainEqual(expect.objectContaining({ indicator: `临江轴承项目${cue}`, value: 5 }));
    });
  }
  for (const [cue, measure] of Object.entries(CAPACITY_CUES)) {
    it(cue, () => {
      expect(extractFigures(`今年开工的项目中，有${cue}5万吨的临江硅材料项目。`, ctx)).toContainEqual(expect.objectContaining({ indicator: `临江硅材料项目${measure}`, value: 5 }));
    });
  }
});

describe('each sector class closes a list of sectors', () => {
  for (const cls of SECTOR_CLASSES) {
    it(cls, () => {
      const figures = extractFigures(`1-7月，临江市纺织、造纸和家具等${cls}增加值分别增长9.1%、7.4%和5.2%。`, ctx);
      expect(figures.map((f) => f.indicator)).toEqual([`纺织${cls}增加值`, `造纸${cls}增加值`, `家具${cls}增加值`]);
    });
  }
});

describe('each state-level zone is a place of its own', () => {
  for (const z of ZONES) {
    it(z.name, () => {
      const figures = extractFigures(`1-7月，全省规模以上工业增加值同比增长6.5%，其中${z.short[0] ?? z.name}增长9.5%。`, { region: z.province, published: '2025-08-15' });
      expect(figures).toContainEqual(expect.objectContaining({ value: 9.5, region: z.name }));
    });
  }
});
