import { describe, expect, it } from 'vitest';
import { countDifference } from '../../../src/figures/rules/count-difference.ts';
import { figures } from '../helpers.ts';

describe('rule: a count written as a difference from a basis', () => {
  it('names the difference after the thing counted, with the time compared as basis', () => {
    expect(countDifference('比上年同期增加', '新开工项目')).toEqual({ name: '新开工项目比上年同期增加', basis: '上年同期' });
    expect(countDifference('较2023年多', '新入规企业')).toEqual({ name: '新入规企业较2023年多', basis: '2023年' });
    expect(countDifference('其中高新技术企业', '新入规企业')).toBeNull();
  });
  it('reads the difference after a count in a report', () => {
    const got = figures('今年以来,全市新开工亿元以上项目216个,比上年同期增加48个;新增规上工业企业96家,比上年多21家。', { region: '荆州市', published: '2024-07-20' });
    expect(got.map((f) => [f.value, f.unit, f.indicator, f.basis])).toEqual([
      [216, '个', '新开工亿元以上项目', null],
      [48, '个', '新开工亿元以上项目比上年同期增加', '上年同期'],
      [96, '家', '新增规模以上工业企业', null],
      [21, '家', '新增规模以上工业企业比上年多', '上年'],
    ]);
  });
});
