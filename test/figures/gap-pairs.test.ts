import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const gaps = (text: string) =>
  figures(text)
    .filter((f) => f.kind === 'gap')
    .map((f) => [f.value, f.unit, f.indicator, f.basis]);

describe('gaps whose unit is written once for a pair of bases', () => {
  it('reads 分别快于A、B x个和y个百分点 as one gap per basis', () => {
    const f = figures('1-8月,临江市规上工业增加值增长6.9%,增速分别快于全国、全省1.3个和0.4个百分点。');
    expect(f.map((x) => [x.kind, x.value, x.unit, x.indicator, x.basis])).toEqual([
      ['growth', 6.9, '%', '规模以上工业增加值', null],
      ['gap', 1.3, '百分点', '规模以上工业增加值增速', '全国'],
      ['gap', 0.4, '百分点', '规模以上工业增加值增速', '全省'],
    ]);
    expect(f.every((x) => x.period === 'XXXX-01~XXXX-08')).toBe(true);
  });
  it('reads 高于A、B x和y个百分点, with the first number bare', () => {
    expect(gaps('临江市工业投资增长9.8%,高于全国、全省3.6和2.1个百分点。')).toEqual([
      [3.6, '百分点', '工业投资增速', '全国'],
      [2.1, '百分点', '工业投资增速', '全省'],
    ]);
  });
  it('reads 分别比A、B高/低 x个、y个百分点 with the sign of 高 or 低', () => {
    expect(gaps('临江市制造业投资增长5.5%,分别比全国、全省高1.7个、0.9个百分点。')).toEqual([
      [1.7, '百分点', '制造业投资增速', '全国'],
      [0.9, '百分点', '制造业投资增速', '全省'],
    ]);
    expect(gaps('临江市出口增长1.2%,分别比全国、全省低2.5个和0.3个百分点。')).toEqual([
      [-2.5, '百分点', '出口增速', '全国'],
      [-0.3, '百分点', '出口增速', '全省'],
    ]);
  });
  it('gives a second comparison in the same clause its own basis', () => {
    expect(gaps('临江市规上工业增加值增长7.7%,高于全国2.2个百分点、高于全省0.8个百分点。')).toEqual([
      [2.2, '百分点', '规模以上工业增加值增速', '全国'],
      [0.8, '百分点', '规模以上工业增加值增速', '全省'],
    ]);
  });
  it('gives one gap per basis when one value is measured against both', () => {
    expect(gaps('临江市工业投资增长8.8%,均高于全国、全省0.6个百分点。')).toEqual([
      [0.6, '百分点', '工业投资增速', '全国'],
      [0.6, '百分点', '工业投资增速', '全省'],
    ]);
  });
  it('takes periods compared with as bases, not as the period', () => {
    const f = figures('临江市规上工业增加值增长5.9%,增速比1-9月、上半年分别提高0.3和0.8个百分点。').filter((x) => x.kind === 'gap');
    expect(f.map((x) => [x.value, x.basis, x.period])).toEqual([
      [0.3, '1-9月', null],
      [0.8, '上半年', null],
    ]);
  });
  it('reads no count from the pair', () => {
    expect(figures('临江市工业用电量增长4.4%,快于全国、全省0.6个和0.1个百分点。').some((f) => f.kind === 'amount')).toBe(false);
  });
});

describe('a difference of rates written with %', () => {
  it('is a gap in points against what the rate is compared with', () => {
    const f = figures('1-2月,全市规上工业增加值增长8.5%,增速高于全省2.1%。', { published: '2024-03', region: '拉萨市' });
    expect(f.map((x) => [x.kind, x.value, x.unit, x.basis])).toEqual([
      ['growth', 8.5, '%', null],
      ['gap', 2.1, '百分点', '全省'],
    ]);
    const g = figures('1-2月,全市工业投资增长9.5%,增速比全国高出了3.3%。', { published: '2024-03', region: '拉萨市' });
    expect(g.map((x) => [x.kind, x.value, x.unit, x.basis])).toEqual([
      ['growth', 9.5, '%', null],
      ['gap', 3.3, '百分点', '全国'],
    ]);
  });
  it('leaves a share alone', () => {
    expect(figures('全市高技术产业增加值占比为35%。', { region: '拉萨市' }).map((x) => x.kind)).toEqual(['share']);
  });
  it('reads 下滑 as a fall and 回升 as a rise of a rate against its basis', () => {
    const got = figures('1-4月,临江市规上服务业营业收入增长10.1%,增速比1-3月下滑9.5个百分点;工业投资增长8.2%,增速比1-3月回升2.4个百分点。', { published: '2024-05-20' });
    expect(got.filter((f) => f.kind === 'gap').map((f) => [f.value, f.basis])).toEqual([
      [-9.5, '1-3月'],
      [2.4, '1-3月'],
    ]);
  });
  it('reads a bare share word before a gap as the share of what the figure before measured', () => {
    const got = figures('上半年,临江市工业技术改造投资增长12.7%,占比同期提高2个百分点。', { published: '2024-07-20' });
    expect(got.map((f) => [f.kind, f.value, f.indicator])).toEqual([
      ['growth', 12.7, '工业技术改造投资'],
      ['gap', 2, '工业技术改造投资占比'],
    ]);
  });
});
