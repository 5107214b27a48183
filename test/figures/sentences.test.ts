import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/figures/sentences.ts';

const pieces = (text: string, max?: number) => sentenceSpans(text, max).map(([a, b]) => text.slice(a, b));

describe('sentence spans', () => {
  it('end at full stops, semicolons and line breaks', () => {
    expect(pieces('工业投资增长5%。利润下降2%;\n新增企业8家')).toEqual(['工业投资增长5%', '利润下降2%', '新增企业8家']);
  });
  it('do not end at a garbled character written as ? before Latin debris, but do at a question mark', () => {
    expect(pieces('热力、燃?xì)供应业增长8%。为什么?因为需求回升。')).toEqual(['热力、燃?xì)供应业增长8%', '为什么', '因为需求回升']);
  });
  it('leave out spans too short to hold a figure', () => {
    expect(pieces('好。。工业投资增长5%')).toEqual(['工业投资增长5%']);
  });
  it('cut an over-long sentence at its last clause break before the limit', () => {
    const text = '甲产业增长1%,乙产业增长2%,丙产业增长3%';
    expect(pieces(text, 20)).toEqual(['甲产业增长1%,乙产业增长2%', '丙产业增长3%']);
  });
  it('cut at a list joiner, then anywhere, when there is no clause break', () => {
    expect(pieces('增长1%、增长2%、增长3%', 12)).toEqual(['增长1%、增长2%', '增长3%']);
    const solid = '一'.repeat(25);
    expect(pieces(solid, 10).join('')).toBe(solid);
  });
  it('never make a span longer than the limit', () => {
    const text = '增长1.2%、'.repeat(2000);
    expect(Math.max(...sentenceSpans(text).map(([a, b]) => b - a))).toBeLessThanOrEqual(600);
  });
});
