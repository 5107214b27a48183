import { describe, expect, it } from 'vitest';
import { brief, figures } from './helpers.ts';

describe('figure kinds', () => {
  it('signs growth by its verb', () => {
    expect(brief('2022年,临江市工业投资同比增长9.3%。')).toEqual([['growth', 9.3, '%', '工业投资']]);
    expect(brief('2022年,临江市综合能耗同比下降2.1%。')).toEqual([['growth', -2.1, '%', '综合能耗']]);
  });
  it('reads shares from 占…比重 and level verbs', () => {
    expect(brief('临江市数字经济核心产业增加值占地区生产总值比重升至8.5%。')).toEqual([['share', 8.5, '%', '数字经济核心产业增加值占地区生产总值比重']]);
  });
  it('carries the indicator over to the values after it', () => {
    expect(brief('1-6月,临江市规上工业增加值增长6.1%,低于全省0.4个百分点。')).toEqual([
      ['growth', 6.1, '%', '规模以上工业增加值'],
      ['gap', -0.4, '百分点', '规模以上工业增加值增速'],
    ]);
    expect(brief('临江市出口总额88.2亿元,同比增长4.4%。')).toEqual([
      ['amount', 88.2, '亿元', '出口总额'],
      ['growth', 4.4, '%', '出口总额'],
    ]);
  });
  it('pairs 分别 lists of indicators and values', () => {
    expect(brief('临江市装备制造业增加值、电子信息产业增加值分别增长11.2%、8.7%。')).toEqual([
      ['growth', 11.2, '%', '装备制造业增加值'],
      ['growth', 8.7, '%', '电子信息产业增加值'],
    ]);
  });
  it('gives one rank per ranked set and per indicator under 均', () => {
    expect(brief('临江市工业投资增速在全省各市及全国15个城市中位居第二。').filter((f) => f[0] === 'rank')).toHaveLength(2);
    const r = brief('临江市工业用电量同比增长5.5%,规上工业利润率7.1%,均列全省第2。').filter((f) => f[0] === 'rank');
    expect(r.map((f) => f[3])).toEqual(['工业用电量增速', '规模以上工业利润率']);
  });
  it('counts things named after the number, with what they did', () => {
    expect(brief('临江市新增18家省级技术中心。')).toEqual([['amount', 18, '家', '新增省级技术中心']]);
    expect(brief('临江市共有45家企业纳入省级培育库。')).toEqual([['amount', 45, '家', '纳入省级培育库企业']]);
  });
});

describe('shares of a plan and gaps of a generic 增速', () => {
  it('reads 完成年度计划的N% as a share of the plan', () => {
    expect(figures('1-9月,临江市完成工业投资86.2亿元,完成年度计划的71.5%。').map((x) => [x.kind, x.value, x.indicator, x.basis])).toEqual([
      ['amount', 86.2, '工业投资', null],
      ['share', 71.5, '工业投资占年度计划比重', '年度计划'],
    ]);
  });
  it('names every gap and rank after 增速 by the indicator it stands for', () => {
    expect(brief('前三季度,临江市规上工业增加值增长7.4%,增速比上半年加快0.5个百分点,高于全省1.6个百分点,居全省第四位。')).toEqual([
      ['growth', 7.4, '%', '规模以上工业增加值'],
      ['gap', 0.5, '百分点', '规模以上工业增加值增速'],
      ['gap', 1.6, '百分点', '规模以上工业增加值增速'],
      ['rank', 4, '位', '规模以上工业增加值增速'],
    ]);
  });
});

describe('a total share of what was just counted', () => {
  it('names the indicator before it and the whole after 占, also after 达到了', () => {
    const f = figures('上半年,全区战略性新兴产业实现产值1200亿元,合计占全市的比重达到了39.8%。', { published: '2024-07', region: '浦东新区' });
    expect(f.map((x) => [x.kind, x.value, x.indicator, x.basis])).toEqual([
      ['amount', 1200, '战略性新兴产业产值', null],
      ['share', 39.8, '战略性新兴产业产值占全市比重', '全市'],
    ]);
  });
  it('reads a bare 占比 after a share of a named whole as a share of that whole', () => {
    expect(brief('分行业看,食品加工业22家,占全部新增企业比重19.6%;饮料制造业15家,占比13.4%。', { region: '临江市', published: '2024-08' }).map((r) => r[3])).toEqual([
      '食品加工业',
      '食品加工业占全部新增企业比重',
      '饮料制造业',
      '饮料制造业占全部新增企业比重',
    ]);
  });
});
