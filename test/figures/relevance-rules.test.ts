import { describe, expect, it } from 'vitest';
import { classify } from '../../src/figures/classify.ts';
import { negativeWeight } from '../../src/figures/lexicon/relevance.ts';

describe('relevance: a report is about a region below the country', () => {
  it('rejects Taiwan\'s and Hong Kong\'s production statistics, saying why', () => {
    const r = classify('经济部今日公布10月工业生产指数为108.2,年增1.6%,其中制造业年增率为2.1%,电子零组件业年增5.3%。');
    expect(r.relevant).toBe(false);
    expect(r.reasons.some((x) => x.includes('Taiwan'))).toBe(true);
  });
  it('rejects a definition that starts by naming an abbreviation', () => {
    const r = classify('规上工业是规模以上工业的简称。规模以上工业企业是指年主营业务收入2000万元及以上的工业法人企业。');
    expect(r.relevant).toBe(false);
    expect(r.reasons.some((x) => x.includes('definition'))).toBe(true);
  });
  it('weighs against a page that names no region at all', () => {
    const r = classify('制造业企业数字化转型的五个步骤:规划、试点、推广、评估、迭代。工业互联网平台是关键。');
    expect(r.reasons).toContain('-1.5 no region below the country named');
  });
  it('rejects a national release whose figures are the whole country\'s', () => {
    const text = '国家统计局今天发布数据。1-10月,全国规模以上工业增加值同比增长5.8%。全国工业投资增长9.1%。全国制造业增加值增长6.2%。全国高技术制造业增加值增长8.9%。';
    const r = classify(text);
    expect(r.relevant).toBe(false);
    expect(r.reasons.some((x) => x.includes('about the whole country'))).toBe(true);
  });
  it('rejects a wire story from the capital on the country\'s figures, saying why', () => {
    const text = '新华社北京5月16日电 国家统计局16日发布的数据显示,4月份,规模以上工业增加值同比增长6.7%,比上月加快2.2个百分点。工业企业产品销售率为96.8%。工业企业出口交货值增长3.1%。';
    const r = classify(text);
    expect(r.relevant).toBe(false);
    expect(r.reasons.some((x) => x.includes('wire story from the capital'))).toBe(true);
    // The dateline names where the agency filed, not the region the story is about.
    expect(r.reasons).toContain('-1.5 no region below the country named');
  });
  it('still accepts a regional report that compares itself with the country', () => {
    const text = '1-10月,临江市规上工业增加值同比增长7.8%,高于全国2.0个百分点。全市工业投资增长11.1%。全市高技术制造业增加值增长12.9%。';
    expect(classify(text, { region: '临江市' }).relevant).toBe(true);
  });
  it('weighs a topic more the more often the page returns to it', () => {
    expect(negativeWeight(1, 3)).toBe(1);
    expect(negativeWeight(1, 9)).toBe(2);
    expect(negativeWeight(1, 30)).toBe(3);
    expect(negativeWeight(2, 1)).toBe(2);
  });
});
