import { describe, expect, it } from 'vitest';
import { gazetteer, shortName } from '../../src/regions/gazetteer.ts';

describe('gazetteer of administrative divisions', () => {
  const g = gazetteer();

  it('resolves full names at every level, with their parents', () => {
    const county = g.resolve('长阳土家族自治县')!;
    expect(county.level).toBe('county');
    expect(g.lineage(county).map((d) => d.name)).toEqual(['长阳土家族自治县', '宜昌市', '湖北省']);
    expect(g.resolve('辽宁省')?.level).toBe('province');
    expect(g.resolve('大连市')?.parent?.name).toBe('辽宁省');
  });

  it('resolves short forms: autonomous counties and prefectures, districts, provinces', () => {
    expect(g.resolve('长阳')?.name).toBe('长阳土家族自治县');
    expect(g.resolve('恩施')?.name).toBe('恩施土家族苗族自治州');
    expect(g.resolve('广西')?.name).toBe('广西壮族自治区');
    expect(g.resolve('江宁')?.parent?.name).toBe('南京市');
    expect(g.resolve('大连')?.name).toBe('大连市');
  });

  it('leaves no short form where one character would remain', () => {
    expect(shortName('沛县', 'county')).toBeNull();
    expect(shortName('城区', 'county')).toBeNull();
    expect(shortName('秭归县', 'county')).toBe('秭归');
    expect(shortName('浦东新区', 'county')).toBe('浦东');
    // Autonomous regions whose name holds no 族 still shorten to their common name.
    expect(shortName('西藏自治区', 'province')).toBe('西藏');
    expect(shortName('新疆维吾尔自治区', 'province')).toBe('新疆');
    expect(shortName('内蒙古自治区', 'province')).toBe('内蒙古');
  });

  it('picks among namesakes by the region a text is about', () => {
    expect(g.resolve('朝阳区', '北京市')?.parent?.name).toBe('北京市');
    expect(g.resolve('朝阳区', '长春市')?.parent?.name).toBe('长春市');
    expect(g.resolve('鼓楼区')).toBeNull();
    expect(g.resolve('鼓楼区', '福州市')?.parent?.name).toBe('福州市');
    // A prefecture beats a county of the same short name when nothing says otherwise.
    expect(g.resolve('朝阳')?.name).toBe('朝阳市');
  });

  it('hangs a municipality\'s districts and a province-administered county off the province', () => {
    expect(g.resolve('浦东新区')?.parent?.name).toBe('上海市');
    expect(g.resolve('仙桃市')?.parent?.name).toBe('湖北省');
  });

  it('knows what lies within what, and marks statistical zones', () => {
    expect(g.within(g.resolve('江宁')!, g.resolve('江苏省')!)).toBe(true);
    expect(g.within(g.resolve('大连市')!, g.resolve('吉林省')!)).toBe(false);
    const zone = g.all().find((d) => d.name === '吉林经济开发区')!;
    expect(zone.zone).toBe(true);
    expect(zone.short).toBeNull();
  });

  it('returns nothing for words that are not places', () => {
    expect(g.resolve('全市')).toBeNull();
    expect(g.resolve('拉动全市')).toBeNull();
  });
});
