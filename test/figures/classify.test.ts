import { describe, expect, it } from 'vitest';
import { classify } from '../../src/figures/classify.ts';

describe('classify', () => {
  it('accepts a regional industrial report, with reasons', () => {
    const r = classify('临江市工业经济稳中有进。1-9月,临江市规上工业增加值同比增长7.2%,高于全省1.1个百分点;工业投资增长9.5%。新增专精特新企业12家。');
    expect(r.relevant).toBe(true);
    expect(r.reasons.some((x) => x.includes('headline'))).toBe(true);
  });
  it('rejects tourism stories, definition pages and spam', () => {
    expect(classify('临江市旅游旺季,景区接待游客120万人次,门票收入增长,游客满意,酒店入住率高。').relevant).toBe(false);
    expect(classify('产业集群是指在特定区域内相互关联的企业集合。').relevant).toBe(false);
    expect(classify('欢迎来到彩票开奖网,六合彩资料大全,博彩娱乐城。').relevant).toBe(false);
  });
});

describe('classify: investment news and policy explainers', () => {
  it('accepts an investment-promotion story', () => {
    const story = '临江日报讯 重大项目集中签约活动举行,现场签约项目48个,总投资386.5亿元。今年以来,我市坚持招商引资,新签约亿元以上项目312个,协议投资额2150亿元,同比增长23.6%。';
    expect(classify(story, { region: '临江市' }).relevant).toBe(true);
  });
  it('accepts a story about a plant coming on stream', () => {
    const story = '临江港储能装备产业园一期项目近日投产。该项目总投资18.4亿元,全部达产后年产值可达50亿元。园区已落户上下游企业16家,前三季度完成产值22.7亿元,同比增长31.2%。';
    const r = classify(story, { region: '临江市' });
    expect(r.relevant).toBe(true);
    expect(r.reasons).toContain('+1.5 industrial project');
  });
  it('rejects a policy explainer, industrial words and all', () => {
    const r = classify('《临江市支持制造业数字化转型若干措施》政策解读。适用对象:规模以上工业企业。支持内容:对智能制造示范工厂奖励200万元。申报时间:6月1日至30日。');
    expect(r.relevant).toBe(false);
    expect(r.reasons.some((x) => x.includes('policy explainer'))).toBe(true);
  });
});
