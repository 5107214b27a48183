import { describe, expect, it } from 'vitest';
import { placeName, placeOnlySubject } from '../../../src/figures/rules/place-subject.ts';
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

describe('rule: a place\'s full name', () => {
  it('comes from the gazetteer, an autonomous prefecture also by its short name and 州', () => {
    expect(placeName('临夏州')).toBe('临夏回族自治州');
    expect(placeName('怀宁县')).toBe('怀宁县');
    expect(placeName('大连')).toBe('大连市');
    expect(placeName('制造业')).toBeNull();
  });
  it('is the region of a figure whose clause names only that place', () => {
    const f = figures('前三季度,全省规上工业增加值增长12%,其中恩施州为13.1%。', { region: '湖北省' });
    expect(f.map((x) => x.region)).toEqual(['湖北省', '恩施土家族苗族自治州']);
  });
});

describe('rule: a note on how a figure is reckoned', () => {
  it('leaves the subject in the clause before it', () => {
    const f = figures('1-8月,临江市规上工业增加值按可比价格计算,同比下降1.7%。', { region: '临江市' });
    expect(f.map((x) => [x.indicator, x.value])).toEqual([['规模以上工业增加值', -1.7]]);
  });
});
