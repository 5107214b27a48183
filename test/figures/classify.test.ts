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
