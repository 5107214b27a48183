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
    expect(brief('临江市18个行业增加值实现正增长。')).toEqual([['amount', 18, '个', '实现正增长行业增加值']]);
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
