import { describe, expect, it } from 'vitest';
import { placeValue } from '../../../src/figures/rules/place-value.ts';
import { figures } from '../helpers.ts';

describe('rule: a place written right before its value in a list', () => {
  it('finds the place, the measure named by the list head and the length of its ranking', () => {
    expect(placeValue('新增规上企业数前两位的县区分别为秭归县')).toMatchObject({ region: '秭归县', subject: '新增规模以上企业', top: 2, set: '县区', opens: true });
    expect(placeValue('、黔南州')).toMatchObject({ region: '黔南布依族苗族自治州', subject: '', top: 0, opens: false });
    expect(placeValue('另有毕节市占比')).toMatchObject({ region: '毕节市', rest: true });
    expect(placeValue('全市新增企业')).toBeNull();
    expect(placeValue('、经开区')).toBeNull();
  });
  it('gives each value its place, and ranks the leading places of a ranking head', () => {
    const got = figures('1-6月,全省新增规上工业企业数前两位的市州分别为遵义市18家、黔南州11家,其余3个市州分别为贵阳市9家、毕节市6家、铜仁市4家。', { region: '贵州省', published: '2024-07-10' });
    expect(got.map((f) => [f.kind, f.value, f.region, f.indicator])).toEqual([
      ['amount', 18, '遵义市', '新增规模以上工业企业'],
      ['amount', 11, '黔南布依族苗族自治州', '新增规模以上工业企业'],
      ['amount', 9, '贵阳市', '新增规模以上工业企业'],
      ['amount', 6, '毕节市', '新增规模以上工业企业'],
      ['amount', 4, '铜仁市', '新增规模以上工业企业'],
      ['rank', 1, '遵义市', '新增规模以上工业企业'],
      ['rank', 2, '黔南布依族苗族自治州', '新增规模以上工业企业'],
    ]);
  });
});
