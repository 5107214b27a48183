import { describe, expect, it } from 'vitest';
import { detectRegion } from '../../src/figures/region.ts';
import { figures } from './helpers.ts';

describe('counties, development zones and provincial bulletins', () => {
  it('takes a county named throughout, with 全县, over the city it belongs to', () => {
    const text = '临水县工业提速。一季度,临水县规上工业产值增长9%,增速列湖州市各县区第一。全县工业投资增长12%。';
    expect(detectRegion(text)?.name).toBe('临水县');
    expect(figures(text).map((f) => f.region)).toEqual(['临水县', '临水县', '临水县']);
  });
  it('takes a development zone whose name starts with its city', () => {
    const text = '株洲高新区产业提质。株洲高新区规模以上工业产值增长10%,高于全市2个百分点。园区新增企业12家。';
    expect(detectRegion(text)?.name).toBe('株洲高新区');
    expect(figures(text).map((f) => f.region)).toEqual(['株洲高新区', '株洲高新区', '株洲高新区']);
  });
  it('leaves the count of the places listed out of the last place (沈阳、大连两市)', () => {
    expect(figures('今年前5个月,沈阳、大连两市规上工业增加值同比分别增长12.5%和13.5%。', { region: '辽宁省', published: '2023-06-20' }).map((f) => [f.value, f.region])).toEqual([
      [12.5, '沈阳市'],
      [13.5, '大连市'],
    ]);
  });
  it('keeps the city when a county is only mentioned in passing', () => {
    expect(detectRegion('湖州市工业增长。全市投资增长。长兴县一个项目开工。')?.name).toBe('湖州市');
  });
  it('reads a bulletin that says only 全省 as the province of the cities it lists', () => {
    const text = '1-8月,全省规上工业增长7%。全省投资增长。全省用电增长。分市看,长沙市、株洲市规上工业增加值分别增长8.9%、9.4%。';
    expect(detectRegion(text)?.name).toBe('湖南省');
  });
  it('gives each region of a 分别 list its own value', () => {
    const f = figures('1-8月,全省规上工业增长7%。全省投资增长5%。分市看,长沙市、株洲市、岳阳市规上工业增加值分别增长8.9%、9.4%、7.7%。');
    expect(f.slice(2).map((x) => [x.region, x.indicator, x.value])).toEqual([
      ['长沙市', '规模以上工业增加值', 8.9],
      ['株洲市', '规模以上工业增加值', 9.4],
      ['岳阳市', '规模以上工业增加值', 7.7],
    ]);
  });
});

describe('districts', () => {
  it('takes a district that the text calls 全区', () => {
    const text = '江北区工业向好。前三季度,江北区规上工业产值增长6.7%。全区工业投资增长11.3%,全区新增企业14家。';
    expect(detectRegion(text)?.name).toBe('江北区');
    expect(figures(text).map((f) => f.region)).toEqual(['江北区', '江北区', '江北区']);
  });
  it('does not take ordinary words ending in 区 for districts', () => {
    expect(detectRegion('临江市产业园区建设。临江市示范区、产业园区发展,全区上下齐努力。全市新增企业。')?.name).toBe('临江市');
  });
});

describe('development zones that call themselves 开发区', () => {
  it('counts the bare zone word and the short name for the zone', () => {
    const text = '临江经济技术开发区一季度经济运行情况\n一季度,开发区规上工业总产值完成96.3亿元,同比增长8.8%。开发区完成固定资产投资21.4亿元。临江经开区新签约项目7个。';
    expect(detectRegion(text)?.name).toBe('临江经济技术开发区');
    const f = figures(text);
    expect(f.map((x) => x.region)).toEqual(Array(f.length).fill('临江经济技术开发区'));
    expect(f[0].indicator).toBe('规模以上工业总产值');
  });
});

describe('districts listed before 分别', () => {
  it('gives each listed district its count of the thing named after the run', () => {
    const f = figures('临江市新增省级专精特新企业60家。从区域看,江北区、东湖区分别有21家、9家企业获评。');
    expect(f.slice(1).map((x) => [x.region, x.value, x.indicator])).toEqual([
      ['江北区', 21, '获评企业'],
      ['东湖区', 9, '获评企业'],
    ]);
  });
  it('does not read ordinary words ending in 区 as a district list', () => {
    const f = figures('临江市园区、示范区分别有12家、8家企业获评。', { region: '临江市' });
    expect(f.map((x) => x.region)).toEqual(['临江市', '临江市']);
  });
});
