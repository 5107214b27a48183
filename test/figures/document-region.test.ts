import { describe, expect, it } from 'vitest';
import { documentRegion } from '../../src/figures/region.ts';
import { figures } from './helpers.ts';

describe('the region a document reports on', () => {
  it('is the source\'s region when the text names it, even if it names its city more', () => {
    const text = '近日,安庆日报报道。怀宁县今年一季度招商引资成效明显。安庆市领导调研。安庆市重点项目推进。';
    expect(documentRegion(text, null)?.name).toBe('安庆市');
    expect(documentRegion(text, '怀宁县')?.name).toBe('怀宁县');
  });
  it('is found by the short name of the source\'s region too', () => {
    expect(documentRegion('今年上半年,宁夏规上工业增加值增长9%。银川市、石嘴山市增长较快。银川市领先。', '宁夏回族自治区')?.name).toBe('宁夏回族自治区');
    expect(documentRegion('去年浦东规上工业产值突破万亿元。', '浦东新区')?.name).toBe('浦东新区');
  });
  it('is what the text names when it does not name the source\'s region', () => {
    expect(documentRegion('临江市工业投资增长5%,临江市规上工业增长6%。', '湖州市')?.name).toBe('临江市');
  });
  it('reaches each figure of a county\'s report through 全县 and 全市', () => {
    expect(figures('全县工业投资增长5%。', { region: '长阳土家族自治县' })[0].region).toBe('长阳土家族自治县');
    // A county-level city's 全市 is the city itself, its prefecture's is the prefecture.
    expect(figures('全市工业投资增长5%。', { region: '仙桃市' })[0].region).toBe('仙桃市');
    expect(figures('鲁山县工业投资增长6%,全市工业投资增长5%。', { region: '鲁山县' }).map((f) => f.region)).toEqual(['鲁山县', '平顶山市']);
  });
});
