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
  it('lends its items to the runs after it in the sentence', () => {
    expect(brief('前三季度,全市电子、轻纺、建材产业增加值增速均在8%以上,同比分别加快2.1、0.6、1.5个百分点,占规模以上工业的比重为21.4%、12.3%和9.8%,比上年同期提高1.1、0.4和1.1个百分点。', { published: '2024-10', region: '泉州市' })).toEqual([
      ['growth', 8, '%', '电子增加值'],
      ['growth', 8, '%', '轻纺增加值'],
      ['growth', 8, '%', '建材产业增加值'],
      ['gap', 2.1, '百分点', '电子增加值增速'],
      ['gap', 0.6, '百分点', '轻纺增加值增速'],
      ['gap', 1.5, '百分点', '建材产业增加值增速'],
      ['share', 21.4, '%', '电子增加值占规模以上工业比重'],
      ['share', 12.3, '%', '轻纺增加值占规模以上工业比重'],
      ['share', 9.8, '%', '建材产业增加值占规模以上工业比重'],
      // One value twice in a run, for two items: two figures, not a repeat.
      ['gap', 1.1, '百分点', '电子增加值占规模以上工业比重'],
      ['gap', 0.4, '百分点', '轻纺增加值占规模以上工业比重'],
      ['gap', 1.1, '百分点', '建材产业增加值占规模以上工业比重'],
    ]);
  });
  it('reads a value reached among changes as a change, for items named in the clause before or before 均', () => {
    expect(brief('一季度,全省电子信息制造业、汽车制造业增速较快,分别达17.9%和14.7%;饮料制造业增长14%,回升5.2个百分点;通用设备制造、专用设备制造均达10%。', { region: '四川省', published: '2024-04' })).toEqual([
      ['growth', 17.9, '%', '电子信息制造业'],
      ['growth', 14.7, '%', '汽车制造业'],
      ['growth', 14, '%', '饮料制造业'],
      ['gap', 5.2, '百分点', '饮料制造业增速'],
      ['growth', 10, '%', '通用设备制造'],
      ['growth', 10, '%', '专用设备制造'],
    ]);
  });
});
