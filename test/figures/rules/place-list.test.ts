import { describe, expect, it } from 'vitest';
import { placeList } from '../../../src/figures/rules/place-list.ts';
import { figures } from '../helpers.ts';

describe('rule: a list naming only places before 分别', () => {
  it('reads short names through the gazetteer, after the words that open the list', () => {
    expect(placeList('全省九个设区市中除厦门、南平')).toEqual({ regions: ['厦门市', '南平市'], rankedBy: null });
    expect(placeList('工业总量前两位的泉州、福州')).toEqual({ regions: ['泉州市', '福州市'], rankedBy: '工业总量' });
    expect(placeList('纺织、服装')).toBeNull();
  });
  it('gives each place its value of the figure before, and ranks a ranked list in order', () => {
    const got = figures('10月份,全省规上工业增加值增长13.1%。宜昌、襄阳分别增长12.4%、10.3%,工业总量前两位的武汉、襄阳分别增长9.3%、10.3%。', { region: '湖北省', published: '2024-11-08' });
    expect(got.map((f) => [f.kind, f.value, f.region, f.indicator])).toEqual([
      ['growth', 13.1, '湖北省', '规模以上工业增加值'],
      ['growth', 12.4, '宜昌市', '规模以上工业增加值'],
      ['growth', 10.3, '襄阳市', '规模以上工业增加值'],
      ['growth', 9.3, '武汉市', '规模以上工业增加值'],
      ['rank', 1, '武汉市', '工业总量'],
      ['rank', 2, '襄阳市', '工业总量'],
    ]);
  });
  it('gives a place named later the measure of the places before, not of a set of places', () => {
    const got = figures('10月份,湖北省规上工业增加值增长13.1%,九个设区市中除宜昌、襄阳分别增长12.4%、12.3%外,其它七个设区市增速均超13%,其中荆州市增长18.4%。', { region: '湖北省', published: '2024-11-08' });
    expect(got.map((f) => [f.value, f.region, f.indicator])).toEqual([
      [13.1, '湖北省', '规模以上工业增加值'],
      [12.4, '宜昌市', '规模以上工业增加值'],
      [12.3, '襄阳市', '规模以上工业增加值'],
      [13, '湖北省', '其它七个设区市'],
      [18.4, '荆州市', '规模以上工业增加值'],
    ]);
  });
  it('ranks places tied at one position, and gives them the value they share after', () => {
    const got = figures('1-6月,新增规上企业占比前三的市州分别为遵义市10.9%、毕节市4.7%、铜仁市、安顺市、六盘水市并列第三,占比均为2.5%。', { region: '贵州省', published: '2024-07-20' });
    expect(got.filter((f) => f.value === 3 || f.value === 2.5).map((f) => [f.kind, f.value, f.region])).toEqual([
      ['rank', 3, '铜仁市'],
      ['share', 2.5, '铜仁市'],
      ['rank', 3, '安顺市'],
      ['rank', 3, '六盘水市'],
      ['share', 2.5, '安顺市'],
      ['share', 2.5, '六盘水市'],
    ]);
  });
});
