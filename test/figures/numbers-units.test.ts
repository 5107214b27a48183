import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/figures/numbers.ts';
import { findTokens } from '../../src/figures/tokens.ts';

const tok = (s: string) => findTokens(s).map((t) => [t.value, t.unit, t.type]);

describe('numbers and units', () => {
  it('parses Chinese numerals', () => {
    expect(parseNumber('十二')).toBe(12);
    expect(parseNumber('三百零五')).toBe(305);
    expect(parseNumber('两')).toBe(2);
    expect(parseNumber('1,234.5')).toBe(1234.5);
  });
  it('reads numbers with magnitudes and units as written', () => {
    expect(tok('投资88.5亿元')).toEqual([[88.5, '亿元', 'money']]);
    expect(tok('利用外资3.2亿美元')).toEqual([[3.2, '亿美元', 'money']]);
    expect(tok('业务量2.4亿条')).toEqual([[2.4, '亿条', 'count']]);
    expect(tok('设备1234台(套)')).toEqual([[1234, '台(套)', 'count']]);
    expect(tok('设备12台套')).toEqual([[12, '台(套)', 'count']]);
  });
  it('reads percentages, points and tenths', () => {
    expect(tok('增长7.5%')).toEqual([[7.5, '%', 'percent']]);
    expect(tok('高于全省0.3个百分点')).toEqual([[0.3, '百分点', 'points']]);
    expect(tok('贡献率达到近七成')).toEqual([[70, '%', 'tenths']]);
  });
  it('reads a minus sign before a percentage, but not a range dash', () => {
    expect(tok('利润增长-3.4%')).toEqual([[-3.4, '%', 'percent']]);
    expect(tok('分别增长6.5%和-0.9%')).toEqual([
      [6.5, '%', 'percent'],
      [-0.9, '%', 'percent'],
    ]);
    expect(tok('预计增长4-6%')).toEqual([[6, '%', 'percent']]);
    expect(tok('型号A-12%')).toEqual([[12, '%', 'percent']]);
  });
  it('gives numbers before a shared unit that unit', () => {
    expect(tok('高于全国、全省1.3个和0.2个百分点')).toEqual([
      [1.3, '百分点', 'points'],
      [0.2, '百分点', 'points'],
    ]);
    expect(tok('快于全国、全省1.3和0.2个百分点')).toEqual([
      [1.3, '百分点', 'points'],
      [0.2, '百分点', 'points'],
    ]);
    expect(tok('分别增长7.7、4.2和-1.5%')).toEqual([
      [7.7, '%', 'percent'],
      [4.2, '%', 'percent'],
      [-1.5, '%', 'percent'],
    ]);
    // A count of its own before a percentage keeps its unit.
    expect(tok('3家企业和12%')).toEqual([
      [3, '家', 'count'],
      [12, '%', 'percent'],
    ]);
    expect(tok('1-5和8%')).toEqual([[8, '%', 'percent']]);
  });
  it('reads approximate counts, levels, bare magnitudes and ranks', () => {
    expect(tok('300余家企业')).toEqual([[300, '家', 'count']]);
    expect(tok('打造3千亿级产业集群')).toEqual([[3, '千亿', 'level']]);
    expect(tok('超万户')).toEqual([[1, '万户', 'bare']]);
    expect(tok('居全省第3位')).toEqual([[3, '位', 'rank']]);
    expect(tok('位居全省首位')).toEqual([[1, '位', 'rank']]);
  });
  it('does not read articles, slogans or names as numbers', () => {
    expect(tok('一座新工厂')).toEqual([]);
    expect(tok('千家企业')).toEqual([]);
    expect(tok('十条措施')).toEqual([]);
    expect(tok('5G基站')).toEqual([]);
  });
});
