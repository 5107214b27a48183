import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const rows = (text: string, region: string) => figures(text, { published: '2024-10-12', region }).map((f) => [f.kind, f.value, f.indicator, f.region, f.basis]);

describe('ranks after an adverb of duration, and 全省 in a county report', () => {
  it('reads the rank of the figure before through 持续, 连续N个月', () => {
    expect(rows('1-9月,全市规上工业增加值增长8.8%,增速持续保持全省第二。', '宜昌市')).toEqual([
      ['growth', 8.8, '规模以上工业增加值', '宜昌市', null],
      ['rank', 2, '规模以上工业增加值增速', '宜昌市', '全省'],
    ]);
    expect(rows('1-9月,全市工业投资增长12.1%,连续3个月居全省第一位。', '宜昌市')[1]).toEqual(['rank', 1, '工业投资增速', '宜昌市', '全省']);
  });
  it('reads a rate\'s rank in the next sentence of the paragraph as the figure before\'s, and not across paragraphs', () => {
    expect(rows('1-9月,全市规上工业增加值增长8.8%,高于全省1.2个百分点。工业生产稳中有进,增速保持全省第二。', '宜昌市')[2]).toEqual(['rank', 2, '规模以上工业增加值增速', '宜昌市', '全省']);
    expect(rows('1-9月,全市新签约项目总投资增长8.8%。\n会议认为,全市工业稳中有进,增速保持全省第二。', '宜昌市')).toHaveLength(1);
  });
  it('reads a count of cities before the position as the set ranked, not a figure', () => {
    expect(rows('2023年,全市规上工业增速6.3%,居24个万亿城市第3。', '宜昌市')).toEqual([
      ['growth', 6.3, '规模以上工业', '宜昌市', null],
      ['rank', 3, '规模以上工业增速', '宜昌市', '24个万亿城市'],
    ]);
    expect(rows('总投资1.2亿元的宜昌第三届文化节主会场建成。', '宜昌市').map((r) => r[1])).toEqual([1.2]);
  });
  it('reads 跃升至 as a rank cue, and a rank after 、 as the same figure in another set', () => {
    expect(rows('1-7月,全市规上工业增加值增长8.6%,跃升至全省第4位、24个万亿GDP城市第5位。', '宜昌市').slice(1)).toEqual([
      ['rank', 4, '规模以上工业增加值增速', '宜昌市', '全省'],
      ['rank', 5, '规模以上工业增加值增速', '宜昌市', '24个万亿GDP城市'],
    ]);
  });
  it('reads a rate unchanged against a basis as a gap of nought', () => {
    expect(rows('1-9月,全市规上工业增加值增长8.8%,增速与上半年持平。', '宜昌市')[1]).toEqual(['gap', 0, '规模以上工业增加值增速', '宜昌市', '上半年']);
  });
  it('takes 全省 in a county\'s report for its province, not its prefecture', () => {
    expect(rows('1-9月,全省规上工业增加值增长6.1%,全县增长9.3%。', '秭归县').map((r) => r[3])).toEqual(['湖北省', '秭归县']);
  });
});
