import { describe, expect, it } from 'vitest';
import { bracketedValue } from '../../../src/figures/rules/bracketed-value.ts';
import { figures } from '../helpers.ts';

const at = (s: string, value: string) => {
  const i = s.indexOf(value);
  return bracketedValue(s, i, i + value.length);
};

describe('rule: a percentage alone in brackets after a name', () => {
  it('belongs to the item named before it, as a change after a change', () => {
    const s = '增长较快的行业有:纺织服装(12.5%)、医药制造(9.8%)';
    expect(at(s, '12.5%')).toEqual({ name: '纺织服装', place: false, kind: 'growth' });
    expect(at(s, '9.8%')).toEqual({ name: '医药制造', place: false, kind: 'growth' });
  });
  it('is a share when the name says so, and a place\'s value when it names a place', () => {
    expect(at('高耗能行业占规上工业的比重(28.1%)', '28.1%')?.kind).toBe('share');
    expect(at('全市规上工业增长6.1%,高于全国(5.1%)', '5.1%')).toEqual({ name: '全国', place: true, kind: 'growth' });
  });
  it('is a change when the change word follows the list, and takes the measure the list is framed by', () => {
    const s = '八种重点新产品产量中,工业母机(31.2%)、锂电池(18.4%)和医用口罩(9.5%)等增长较快';
    expect(at(s, '31.2%')).toEqual({ name: '工业母机产量', place: false, kind: 'growth' });
    expect(at(s, '9.5%')).toEqual({ name: '医用口罩产量', place: false, kind: 'growth' });
    expect(at('高耗能行业中,化工(12.0%)占规上工业比重最高,增长放缓', '12.0%')?.kind).toBe('share');
  });
  it('is no bracketed value with more inside the brackets', () => {
    expect(at('全市规上工业增长6.1%(全国增长5.1%)', '5.1%')).toBeNull();
  });
  it('gives figures for items and for the place compared with', () => {
    const f = figures('1-6月,临江市规上工业增加值增长6.1%,高于全国(5.1%)。增长较快的行业有:纺织服装(12.5%)、医药制造(9.8%)。', { published: '2024-07', region: '临江市' });
    expect(f.map((x) => [x.indicator, x.value, x.region])).toEqual([
      ['规模以上工业增加值', 6.1, '临江市'],
      ['规模以上工业增加值', 5.1, '全国'],
      ['纺织服装', 12.5, '临江市'],
      ['医药制造', 9.8, '临江市'],
    ]);
  });
});

describe('rule: a multiple as a change', () => {
  it('reads 增长N倍 as growth of N×100 percent, and a bare multiple as no figure', () => {
    expect(figures('临江市非煤工业利润同比增长1.4倍。').map((x) => [x.kind, x.value, x.unit])).toEqual([['growth', 140, '%']]);
    expect(figures('临江市工业产值是十年前的2倍。')).toEqual([]);
  });
  it('reads a place\'s rate written after the place (郑州市平均增速(7.9%)) as that place\'s change', () => {
    const got = figures('1-4月,临水县规上工业增加值同比增长10.9%,高于郑州市平均增速(7.9%)3个百分点。', { region: '临水县', published: '2024-05-10' });
    expect(got.map((f) => [f.kind, f.value, f.region])).toContainEqual(['growth', 7.9, '郑州市']);
  });
});
