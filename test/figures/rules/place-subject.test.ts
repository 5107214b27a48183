import { describe, expect, it } from 'vitest';
import { placeOnlySubject } from '../../../src/figures/rules/place-subject.ts';
import { figures } from '../helpers.ts';

describe('rule: a clause whose subject is only a place', () => {
  it('is recognised for listed cities and for divisions the gazetteer knows', () => {
    expect(placeOnlySubject('其中,营口市同比')).toBe('营口市');
    expect(placeOnlySubject('酒泉市为')).toBe('酒泉市');
    expect(placeOnlySubject('怀宁县')).toBe('怀宁县');
    expect(placeOnlySubject('营口市工业投资')).toBeNull();
    expect(placeOnlySubject('超市')).toBeNull();
  });
  it('takes the indicator of the sentence before, for that place', () => {
    const f = figures('今年前5个月,全省规上工业增加值同比增长5.3%。其中,营口市同比增长10.3%、丹东市同比增长7.3%。', { region: '辽宁省', published: '2023-07' });
    expect(f.map((x) => [x.region, x.indicator, x.value])).toEqual([
      ['辽宁省', '规模以上工业增加值', 5.3],
      ['营口市', '规模以上工业增加值', 10.3],
      ['丹东市', '规模以上工业增加值', 7.3],
    ]);
  });
  it('reads `为` after a change as that change, not as a share', () => {
    const f = figures('前三季度,全省规上工业增加值增长12%,其中白银市为19.1%,酒泉市为12.6%。', { region: '甘肃省' });
    expect(f.map((x) => [x.kind, x.region, x.value])).toEqual([
      ['growth', '甘肃省', 12],
      ['growth', '白银市', 19.1],
      ['growth', '酒泉市', 12.6],
    ]);
  });
});
