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

describe('places that are no administrative division, and places listed a clause early', () => {
  const rows = (text: string) => figures(text, { published: '2024-07-10', region: '宁夏回族自治区' }).map((f) => [f.kind, f.value, f.indicator, f.region]);
  it('reads a state-level new area or base by its name or short name, and gives it the gap after its figure', () => {
    expect(rows('上半年,全区规上工业增加值增长8.1%,其中宁东基地增长18%,高于全区9.9个百分点。')).toEqual([
      ['growth', 8.1, '规模以上工业增加值', '宁夏回族自治区'],
      ['growth', 18, '规模以上工业增加值', '宁东能源化工基地'],
      ['gap', 9.9, '规模以上工业增加值增速', '宁东能源化工基地'],
    ]);
    expect(figures('1-9月,兰州新区规上工业增加值增长15.2%。', { region: '甘肃省', published: '2024-10' })[0].region).toBe('兰州新区');
  });
  it('pairs places listed in the clause before 分别 with the values, and a place alone after them', () => {
    expect(rows('上半年,宁夏规上工业增加值增长8.1%。银川市、吴忠市增长较快,分别增长11.5%和9.2%;中卫市增长4.4%。')).toEqual([
      ['growth', 8.1, '规模以上工业增加值', '宁夏回族自治区'],
      ['growth', 11.5, '规模以上工业增加值', '银川市'],
      ['growth', 9.2, '规模以上工业增加值', '吴忠市'],
      ['growth', 4.4, '规模以上工业增加值', '中卫市'],
    ]);
  });
  it('reads a city by its short name before its rate, with the measure of the report, not of a set of places', () => {
    expect(placeOnlySubject('成都增速达')).toBe('成都');
    expect(placeOnlySubject('工业增速达')).toBeNull();
    const got = figures('一季度,四川省规上工业增加值增长7.2%。其中,甘孜、泸州等6市(州)增速高于10%;成都增速达8.5%,同比提高3.5个百分点。', { region: '四川省', published: '2015-04-20' });
    expect(got.filter((f) => f.region === '成都市').map((f) => [f.kind, f.value, f.indicator])).toEqual([
      ['growth', 8.5, '规模以上工业增加值'],
      ['gap', 3.5, '规模以上工业增加值增速'],
    ]);
  });
});
