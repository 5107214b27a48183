import { describe, expect, it } from 'vitest';
import { documentYear, findPeriods } from '../../src/figures/period.ts';
import { figures } from './helpers.ts';

const p = (s: string, year = '2024') => findPeriods(s, year, null).map((x) => x.period);

describe('periods', () => {
  it('writes each period form canonically', () => {
    expect(p('2023年,全市')).toEqual(['2023']);
    expect(p('1—10月,全市')).toEqual(['2024-01~2024-10']);
    expect(p('1-8月份')).toEqual(['2024-01~2024-08']);
    expect(p('今年前7个月')).toEqual(['2024-01~2024-07']);
    expect(p('前7月浙江工业')).toEqual(['2024-01~2024-07']);
    expect(p('前三季度')).toEqual(['2024-01~2024-09']);
    expect(p('上半年')).toEqual(['2024-01~2024-06']);
    expect(p('一季度')).toEqual(['2024-01~2024-03']);
    expect(p('截至9月底')).toEqual(['2024-01~2024-09']);
    expect(p('截至今年8月底')).toEqual(['2024-01~2024-08']);
    expect(p('1月一6月')).toEqual(['2024-01~2024-06']);
    expect(p('5月份')).toEqual(['2024-05']);
    expect(p('去年')).toEqual(['2023']);
    expect(p('1-10月', 'XXXX')).toEqual(['XXXX-01~XXXX-10']);
  });
  it('does not take dates or comparison years for periods', () => {
    expect(p('10月15日,开幕')).toEqual([]);
    expect(p('比2020年下降')).toEqual([]);
    expect(p('较上年同期提高')).toEqual([]);
  });
  it('dates the document by publication, else its latest reported year', () => {
    expect(documentYear('2022年增长', '2023-03-01')).toBe('2023');
    expect(documentYear('2021年增长,2022年增长,到2035年实现', null)).toBe('2022');
    expect(documentYear('没有年份', null)).toBe('XXXX');
  });
  it('leaves stocks without a period and carries periods to later sentences', () => {
    const f = figures('2023年,临江市新增12家省级单项冠军,累计达到40家。新培育省级工厂3个。');
    expect(f.map((x) => x.period)).toEqual(['2023', null, '2023']);
  });
  it('reads a running total of what was brought in since the year began as a flow of that year', () => {
    const f = figures('今年以来,临江市累计引进10亿元以上重大项目17个。临江市累计引进外资企业120家。', { published: '2024-07-02' });
    expect(f.map((x) => [x.value, x.period])).toEqual([[17, '2024'], [120, null]]);
    const g = figures('1—9月,临江市新入规企业累计达到46家,规上企业总数达到391家。', { published: '2024-10-12' });
    expect(g.map((x) => [x.value, x.period])).toEqual([[46, '2024-01~2024-09'], [391, null]]);
  });
});

describe('periods across a report', () => {
  it('reads the end of a month range as the basis it is, not a month', () => {
    expect(p('比1-7月加快0.2个百分点')).toEqual([]);
  });
  it('does not carry a period mentioned after a sentence\'s first figure', () => {
    const f = figures('上半年,临江市规上工业增长10.2%,二季度增长11%。电子产业营收增长13.5%。');
    expect(f.map((x) => x.period)).toEqual(['2024-01~2024-06', '2024-04~2024-06', '2024-01~2024-06'].map((s) => s.replace(/2024/g, 'XXXX')));
  });
  it('falls back to the report\'s period at a new paragraph', () => {
    const f = figures('1-8月,临江市规上工业增长7.3%。8月当月,临江市规上工业增长6.8%。\n分行业看,装备制造业增长9.1%。', { published: '2024-09-20' });
    expect(f.map((x) => x.period)).toEqual(['2024-01~2024-08', '2024-08', '2024-01~2024-08']);
  });
});

describe('periods framing a sentence after numbers that are not figures', () => {
  it('carries a year stated after an ordinal or a date in the same sentence', () => {
    const f = figures('——2025年2月8日在临江市第十届人民代表大会第三次会议上一、2024年工作回顾过去一年,全市工业增加值增长6.1%。规上工业营业收入增长4.2%。');
    expect(f.map((x) => [x.indicator, x.period])).toEqual([
      ['工业增加值', '2024'],
      ['规模以上工业营业收入', '2024'],
    ]);
  });
  it('keeps a part of a stock (其中…) a stock', () => {
    const f = figures('上半年,临江市工业投资增长8%。目前,全市现有规上工业企业420家,其中高新技术企业136家。');
    expect(f.slice(1).map((x) => [x.indicator, x.value, x.period])).toEqual([
      ['规模以上工业企业', 420, null],
      ['高新技术企业', 136, null],
    ]);
  });
});

describe('period forms of real reports', () => {
  it('reads runs of quarters and month ranges written with 月 twice', () => {
    expect(p('1—3季度期间,全市')).toEqual(['2024-01~2024-09']);
    expect(p('一至二季度')).toEqual(['2024-01~2024-06']);
    expect(p('今年1月至5月,全省')).toEqual(['2024-01~2024-05']);
    expect(p('1月份—4月份')).toEqual(['2024-01~2024-04']);
  });
  it('gives a yearless period the year the text stated, not the publication\'s', () => {
    expect(p('2015年,全市工业平稳。1—9月,全市', '2016')).toEqual(['2015', '2015-01~2015-09']);
    const f = figures('2015年,临江市工业平稳。1—9月,全市规上工业增加值增长6.1%。', { published: '2016-03' });
    expect(f[0].period).toBe('2015-01~2015-09');
  });
  it('does not let a goal\'s year frame later periods', () => {
    expect(p('到2027年,力争翻番。1-6月,全市', '2024')).toEqual(['2027', '2024-01~2024-06']);
  });
});

describe('a running total over a stated period', () => {
  it('keeps the period (1-10月累计实现), while a total reached stays a stock', () => {
    const f = figures('1-10月,全市规模以上工业企业累计实现增加值349.9亿元,同比增长4.9%;新增专精特新企业12家,累计达到81家。', { published: '2024-11-12', region: '柳州市' });
    expect(f.map((x) => [x.value, x.indicator, x.period])).toEqual([
      [349.9, '规模以上工业企业增加值', '2024-01~2024-10'],
      [4.9, '规模以上工业企业增加值', '2024-01~2024-10'],
      [12, '新增专精特新企业', '2024-01~2024-10'],
      [81, '专精特新企业', null],
    ]);
  });
  it('reads a dash set as 一 between two months, and a point of an enumeration as the indicator before it', () => {
    expect(figures('全省规上工业增加值增速领先全国:一是5月当月,同比增长12.2%(全国增长5.6%);二是1月一5月,同比增长10.4%(全国增长6.2%)。', { region: '临海省', published: '2024-06-20' }).map((f) => [f.value, f.region, f.period, f.indicator])).toEqual([
      [12.2, '临海省', '2024-05', '规模以上工业增加值'],
      [5.6, '全国', '2024-05', '规模以上工业增加值'],
      [10.4, '临海省', '2024-01~2024-05', '规模以上工业增加值'],
      [6.2, '全国', '2024-01~2024-05', '规模以上工业增加值'],
    ]);
  });
});
