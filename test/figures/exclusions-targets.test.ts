import { describe, expect, it } from 'vitest';
import { brief, figures } from './helpers.ts';

describe('exclusions', () => {
  it('skips dates, names, slogans, lists and ordinals', () => {
    expect(brief('2023年5月12日,临江市实施“七个聚焦”,落实25条政策措施,推进十大工程,第三批名单公布。')).toEqual([]);
    expect(brief('临江市围绕前100户重点企业,把全市9个地区分成3个组别。')).toEqual([]);
    expect(brief('临江市《2024产业发展报告》发布,建设5G网络。')).toEqual([]);
  });
  it('skips specifications, ranges and thresholds', () => {
    expect(brief('临江船厂交付全球最大的8.5万吨散货船。')).toEqual([]);
    expect(brief('电池续航提升了15%至30%,可在-30℃至50℃工作。')).toEqual([]);
    expect(brief('临江市500万元及以上项目开工,20兆瓦级机组下线。')).toEqual([]);
  });
  it('counts industries only when the sentence says they grew', () => {
    expect(brief('临江市18个行业增加值实现正增长。')).toEqual([['amount', 18, '个', '增加值实现正增长的行业']]);
    expect(brief('临江市逐月开展20个重点行业分析。')).toEqual([]);
  });
});

describe('targets', () => {
  it('marks goals and plans', () => {
    expect(figures('临江市力争工业投资增长10%。')[0].target).toBe(true);
    expect(figures('临江市新材料项目可新增年产值50亿元。')[0].target).toBe(true);
    expect(figures('临江市计划投资总额120亿元。')[0].target).toBe(true);
    expect(figures('临江市打造2千亿级装备产业集群。')[0].target).toBe(true);
  });
  it('does not mark achievements or shares of a plan', () => {
    expect(figures('临江市工业投资增长10%。')[0].target).toBe(false);
    expect(figures('临江市更新设备800台(套),占年度计划75.5%。').map((f) => f.target)).toEqual([false, false]);
  });
});

describe('policy rules and firms\' plans', () => {
  it('skips the amounts and rates of a subsidy scheme', () => {
    expect(brief('对新认定的示范工厂,一次性奖励200万元;按设备投资额的10%给予补助,单个项目最高不超过300万元。')).toEqual([]);
  });
  it('keeps a reward that firms received', () => {
    expect(brief('临江市9家单项冠军企业各获得100万元奖励资金。').map((f) => f[1])).toContain(100);
  });
  it('skips a firm\'s own plans as its manager tells them, not the region\'s', () => {
    const f = figures('临江市签约项目48个。某汽车集团负责人表示,公司计划明年再投资30亿元。临江市负责人介绍,全市力争再签约项目100个以上。');
    expect(f.map((x) => [x.value, x.target])).toEqual([
      [48, false],
      [100, true],
    ]);
  });
  it('reads `N以上` ending its clause as at least N, and before a noun as a threshold', () => {
    expect(brief('新增规上工业企业150家以上。')).toEqual([['amount', 150, '家', '新增规模以上工业企业']]);
    expect(brief('设备投资额在500万元以上的项目开工。')).toEqual([]);
  });
  it('marks figures about a year after the report as targets', () => {
    const f = figures('2024年,临江市工业投资增长18%。2025年,全市工业投资增长15%左右。', { published: '2024-12-26' });
    expect(f.map((x) => [x.period, x.target])).toEqual([
      ['2024', false],
      ['2025', true],
    ]);
  });
});

describe('tourism and selection lists', () => {
  it('skips visitor and parking numbers beside industrial figures', () => {
    expect(brief('临江市公园单日接待游客2.3万人次,停车场车位1200个全部停满。')).toEqual([]);
  });
  it('names what firms were selected into from the list announced before, and ranks that count', () => {
    expect(brief('省工信厅公布2024年度省级专精特新中小企业名单,临江市218家企业入选,入选数量居全省第3位。')).toEqual([
      ['amount', 218, '家', '入选省级专精特新中小企业'],
      ['rank', 3, '位', '入选省级专精特新中小企业数量'],
    ]);
  });
});

describe('plans told by a spokesman', () => {
  it('keeps a region\'s targets that an office\'s spokesman states', () => {
    const f = figures('市工业和信息化局相关负责人表示,力争到2027年,全市专精特新企业达到300家。', { published: '2024-06-01' });
    expect(f.map((x) => [x.value, x.target])).toEqual([[300, true]]);
  });
  it('still skips a firm manager\'s own plans', () => {
    expect(brief('公司总经理张强表示,企业明年产值力争达到20亿元。')).toEqual([]);
  });
});
