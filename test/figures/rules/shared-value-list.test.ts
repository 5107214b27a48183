import { describe, expect, it } from 'vitest';
import { sharedValueItems } from '../../../src/figures/rules/shared-value-list.ts';
import { brief } from '../helpers.ts';

describe('rule: one value stated for a list of items', () => {
  it('finds the items before 均 and before 等', () => {
    expect(sharedValueItems('食品加工、纺织服装、电子信息增长均超过')).toEqual(['食品加工', '纺织服装', '电子信息']);
    expect(sharedValueItems('造纸业、家具制造业等行业增速超过')).toEqual(['造纸业', '家具制造业']);
    expect(sharedValueItems('新材料和生物医药增加值增速均在')).toEqual(['新材料增加值', '生物医药增加值']);
  });
  it('is no list without 均 or 等, or with one item', () => {
    expect(sharedValueItems('食品加工、纺织服装增长')).toBeNull();
    expect(sharedValueItems('食品加工等行业增长')).toBeNull();
    // Firms named as examples of a class are not given the class's value one by one.
    expect(sharedValueItems('甲公司、乙公司等企业产值增幅超过')).toBeNull();
  });
  it('gives each item the value, as a change', () => {
    expect(brief('上半年,食品加工、纺织服装、电子信息增长均超过12%。')).toEqual([
      ['growth', 12, '%', '食品加工'],
      ['growth', 12, '%', '纺织服装'],
      ['growth', 12, '%', '电子信息'],
    ]);
    expect(brief('新材料、生物医药增加值增速均在10%以上。')).toEqual([
      ['growth', 10, '%', '新材料增加值'],
      ['growth', 10, '%', '生物医药增加值'],
    ]);
  });
});
