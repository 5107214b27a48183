import { describe, expect, it } from 'vitest';
import { NOT_A_FIGURE } from '../../../src/figures/rules/not-a-figure.ts';
import { brief } from '../helpers.ts';

/** For each rule: a sentence whose number the rule sets aside, and one that stays a figure. */
const CASES: Record<string, { out: string; kept: string }> = {
  'inside a title': { out: '印发《临江市培育100家专精特新企业行动方案》。', kept: '临江市培育专精特新企业100家。' },
  'inside a slogan': { out: '全市推进“三个中心”建设。', kept: '全市新建三个研发中心。' },
  'end of a range': { out: '单机容量从3兆瓦到25兆瓦不等的机组。', kept: '全市新增风电装机25兆瓦。' },
  'subsidy rule': { out: '对认定的智能工厂奖励200万元。', kept: '全市智能工厂完成投资200万元。' },
  'list or ordinal': { out: '全市营收前200户企业稳定增长。', kept: '全市营收超亿元企业200户。' },
  'threshold or class': { out: '全市500万元以上项目开工顺利。', kept: '全市项目完成投资500万元。' },
  'product specification': { out: '下线全球最大的24000标箱集装箱船,载重20万吨。', kept: '全市船舶完工量20万吨。' },
  'glued to a number': { out: '编号12家3号厂房。', kept: '园区入驻企业12家。' },
  'threshold of a count': { out: '甲县和乙县两个县区增速20%以上。', kept: '全市工业增速20%以上。' },
  'rest of a list': { out: '其余3个市州分别为甲市、乙市和丙市。', kept: '全省新增3个产业园区。' },
  'set of a breakdown': { out: '在统的160种工业产品中,多数产量增长。', kept: '全市新增160种工业新产品。' },
  'set of a ranking': { out: '在全国15个副省级城市中位居第二。', kept: '全市建成15个产业园区。' },
  'structure or slogan counted': { out: '出台10条措施支持制造业。', kept: '全市新增规上企业10家。' },
  'industries counted without growth': { out: '全市36个行业大类中,产值占比最高的是电子业。', kept: '全市有28个行业实现增长。' },
  'numeral restating or naming': { out: '临港和滨海两个基地同步推进。', kept: '全市新开工两个重点项目。' },
  'slogan counted': { out: '今年全市实现了两个“全省第一”。', kept: '全市新增两个重点项目。' },
  'class of firm': { out: '全市过百亿企业加快成长。', kept: '全市工业产值突破千亿。' },
};

describe('rules: numbers that are not key figures', () => {
  it('every rule has its sentences', () => {
    expect(NOT_A_FIGURE.map((r) => r.name).sort()).toEqual(Object.keys(CASES).sort());
  });
  for (const rule of NOT_A_FIGURE) {
    describe(rule.name, () => {
      const c = CASES[rule.name];
      it('sets the number aside', () => {
        expect(brief(c.out)).toEqual([]);
      });
      it('leaves a figure of the same shape alone', () => {
        expect(brief(c.kept).length).toBeGreaterThan(0);
      });
    });
  }
});
