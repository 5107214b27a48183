import { describe, expect, it } from 'vitest';
import { brief, figures } from './helpers.ts';

describe('indicator noun phrases', () => {
  it('strips the region, county or zone heading the subject and keeps the noun phrase whole', () => {
    expect(brief('前三季度,临江市规模以上工业增加值同比增长8.6%,高于全省2.1个百分点,增速居全省各市第2位。')).toEqual([
      ['growth', 8.6, '%', '规模以上工业增加值'],
      ['gap', 2.1, '百分点', '规模以上工业增加值增速'],
      ['rank', 2, '位', '规模以上工业增加值增速'],
    ]);
    expect(brief('临水县实现规上工业总产值86.2亿元。')).toEqual([['amount', 86.2, '亿元', '规模以上工业总产值']]);
    expect(brief('全县新能源产业实现产值42.8亿元。')).toEqual([['amount', 42.8, '亿元', '新能源产业产值']]);
    expect(brief('园区完成工业投资15.6亿元。')).toEqual([['amount', 15.6, '亿元', '工业投资']]);
  });
  it('keeps the whole a share is taken of, and words that merely start like a verb', () => {
    expect(brief('临江市电子产业营收增长9%,占全市规上工业营业收入的比重达42.6%。')[1]).toEqual(['share', 42.6, '%', '电子产业营收占全市规模以上工业营业收入比重']);
    expect(brief('临江市有色金属冶炼业增长6.4%。')).toEqual([['growth', 6.4, '%', '有色金属冶炼业']]);
  });
  it('drops an aside in brackets inside the name', () => {
    expect(brief('1-5月,临江市规模以上工业(不含电力)实现增加值52.3亿元。', { published: '2024-06' })).toEqual([['amount', 52.3, '亿元', '规模以上工业增加值']]);
    expect(brief('临江市规上工业(招商加盟热线)增加值增长7.2%。')).toEqual([['growth', 7.2, '%', '规模以上工业增加值']]);
  });
  it('drops the Latin debris of a mirror site\'s garbled characters inside a name', () => {
    expect(brief('1-5月,临江市电力、热力、燃?xì)饧八纳a(chǎn)和供应业增加值同比增长6.1%。', { published: '2024-06' })).toEqual([['growth', 6.1, '%', '电力、热力、燃饧八纳和供应业增加值']]);
  });
  it('keeps a part named by a qualifier inside the name apart from the whole with the same value', () => {
    expect(brief('1-9月,临江市规上工业增加值同比增长3.1%,比1-8月加快0.8个百分点。全市规上民营工业增加值同比增长2.6%,比1-8月加快0.8个百分点。', { published: '2024-10' }).map((r) => r[3])).toEqual([
      '规模以上工业增加值',
      '规模以上工业增加值增速',
      '规模以上民营工业增加值',
      '规模以上民营工业增加值增速',
    ]);
  });
  it('leaves what drove a change (在…带动下) out of its subject', () => {
    expect(brief('1-8月,临江市高技术制造业投资在集成电路、生物医药等领域带动下增长38%。', { published: '2024-09' })).toEqual([['growth', 38, '%', '高技术制造业投资']]);
  });
  it('reads a bare rate (一季度增速达到x%) as the indicator the sentence named before it', () => {
    expect(brief('上半年,临江市工业投资保持高速增长,一季度增速达到59.3%。', { published: '2024-07' })).toEqual([['growth', 59.3, '%', '工业投资']]);
  });
  it('leaves a conjunction and a month range written 1月至6月 out of the subject', () => {
    expect(brief('临江市1月至6月完成工业投资218.3亿元,而6月份完成工业总产值36.7亿元。', { published: '2024-07' }).map((r) => r[3])).toEqual(['工业投资', '工业总产值']);
  });
  it('keeps a figure of one month and the same value of the months to it apart', () => {
    expect(figures('临江市6月当月规上工业增加值增长5.1%,居全省第一;1-6月规上工业增加值增长7.4%,居全省第一。', { published: '2024-07-10' }).map((f) => [f.kind, f.value, f.period])).toEqual([
      ['growth', 5.1, '2024-06'],
      ['rank', 1, '2024-06'],
      ['growth', 7.4, '2024-01~2024-06'],
      ['rank', 1, '2024-01~2024-06'],
    ]);
  });
  it('keeps target words out of the indicator', () => {
    expect(brief('临江市规上工业增加值力争增长9%。')).toEqual([['growth', 9, '%', '规模以上工业增加值']]);
  });
  it('names the investment of the projects just counted, and flows by what they add to', () => {
    expect(brief('临江市现场签约项目48个,总投资386.5亿元。').map((f) => f[3])).toEqual(['现场签约项目', '现场签约项目总投资']);
    expect(brief('临江市共有规上工业企业1682家,较年初净增58家。').map((f) => f[3])).toEqual(['规模以上工业企业', '较年初净增规模以上工业企业']);
  });
  it('puts an adverb with the verb it modifies', () => {
    expect(brief('临江市10个重点项目集中开工。')).toEqual([['amount', 10, '个', '集中开工重点项目']]);
  });
  it('ranks among the set named after the rank verb', () => {
    const r = brief('临水县规上工业产值增长9%,增速列湖州市三县两区第一。');
    expect(r[1]).toEqual(['rank', 1, '位', '规模以上工业产值增速']);
  });
  it('counts the industries that grew, not the set they are taken from', () => {
    expect(brief('临江市41个工业大类行业中有29个实现增长。')).toEqual([['amount', 29, '个', '实现增长的工业大类行业']]);
    expect(brief('临江市39个工业大类行业中有30个行业增加值实现增长。').map((f) => f[1])).toEqual([30]);
  });
  it('reads a count of clusters of a size as the size', () => {
    expect(brief('到2027年,临江市要培育形成2个千亿级产业集群。')).toEqual([['amount', 2, '千亿', '产业集群']]);
  });
});

describe('headlines, plans and deadlines around a subject', () => {
  it('does not take a time word after a count for the thing counted', () => {
    expect(brief('临江市新增国家级专精特新企业12家\n近日,名单公布。')).toEqual([['amount', 12, '家', '新增国家级专精特新企业']]);
  });
  it('reads what a project yields once running as its plan, without the condition in the indicator', () => {
    expect(figures('该项目总投资32.6亿元,全部达产后可实现年产值80亿元。').map((f) => [f.indicator, f.target])).toEqual([
      ['项目总投资', false],
      ['年产值', true],
    ]);
  });
  it('drops a target year from the indicator', () => {
    expect(brief('到2027年,全市省级专精特新中小企业达到600家。')[0][3]).toBe('省级专精特新中小企业');
    expect(brief('到2027年全市省级专精特新中小企业达到600家。')[0][3]).toBe('省级专精特新中小企业');
  });
});
