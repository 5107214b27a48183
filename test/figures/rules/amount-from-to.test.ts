import { describe, expect, it } from 'vitest';
import { amountFromTo } from '../../../src/figures/rules/amount-from-to.ts';
import { figures } from '../helpers.ts';

describe('rule: an amount changing from one level to another', () => {
  it('finds the earlier amount after 从/由 and the later after the verb of the change', () => {
    expect(amountFromTo('全县规上工业企业从')).toEqual({ step: 'from', subject: '全县规上工业企业' });
    expect(amountFromTo('增加至')).toEqual({ step: 'to', year: null });
    expect(amountFromTo('增长到2023年')).toEqual({ step: 'to', year: '2023' });
    expect(amountFromTo('全县规上工业企业')).toBeNull();
  });
  it('gives both amounts the subject named before 从, the earlier without a time', () => {
    const got = figures('全县规上工业企业由52家增加至96家,园区规上工业总产值由86.4亿元增长到2023年142.7亿元。', { region: '扶绥县', published: '2024-03-01' });
    expect(got.map((f) => [f.value, f.unit, f.indicator, f.period])).toEqual([
      [52, '家', '规模以上工业企业', null],
      [96, '家', '规模以上工业企业', null],
      [86.4, '亿元', '规模以上工业总产值', null],
      [142.7, '亿元', '规模以上工业总产值', '2023'],
    ]);
  });
});
