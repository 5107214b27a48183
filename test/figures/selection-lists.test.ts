import { describe, expect, it } from 'vitest';
import { brief, figures } from './helpers.ts';

describe('firms selected into a published list', () => {
  it('reads 榜上有名 as 入选 the list named before, without its edition', () => {
    expect(brief('近日,省工信厅公布第三批省级制造业单项冠军企业名单,临江市15家企业榜上有名,入选数量居全省第一位。')).toEqual([
      ['amount', 15, '家', '入选省级制造业单项冠军企业'],
      ['rank', 1, '位', '入选省级制造业单项冠军企业数量'],
    ]);
  });
  it('names the list from the words after the verb when none was named before', () => {
    expect(brief('临江12家企业入选第二批省级绿色工厂')).toEqual([['amount', 12, '家', '入选第二批省级绿色工厂企业']]);
  });
  it('takes the list from an earlier sentence', () => {
    const f = figures('省工信厅公布2024年度省级数字化车间名单。临江市有8家企业入选。');
    expect(f.map((x) => x.indicator)).toEqual(['入选省级数字化车间']);
  });
});

describe('runs of values and the projects they belong to', () => {
  it('gives a second 分别 run the subjects of the first', () => {
    expect(brief('生物医药、电子信息产业分别实现产值52.6亿元、38.1亿元,同比分别增长12.5%、7.3%。')).toEqual([
      ['amount', 52.6, '亿元', '生物医药'],
      ['amount', 38.1, '亿元', '电子信息产业'],
      ['growth', 12.5, '%', '生物医药'],
      ['growth', 7.3, '%', '电子信息产业'],
    ]);
  });
  it('reads 计划完成投资 as the investment of the projects just counted', () => {
    expect(brief('今年,临江市将实施亿元以上工业项目150个,计划完成投资420亿元。').map((x) => x[3])).toEqual(['将实施亿元以上工业项目', '将实施亿元以上工业项目计划投资']);
  });
  it('keeps the quotes of a quoted name inside the indicator', () => {
    expect(brief('2024年全市“单项冠军”企业实现营业收入128.5亿元。')).toEqual([['amount', 128.5, '亿元', '"单项冠军"企业营业收入']]);
  });
});
