import { describe, expect, it } from 'vitest';
import { outputIndicator } from '../../../src/figures/rules/output-verb.ts';
import { brief } from '../helpers.ts';

describe('rule: a verb of making before its product', () => {
  it('names the product\'s output', () => {
    expect(outputIndicator('当月生产摩托车')).toBe('摩托车产量');
    expect(outputIndicator('累计产出钢材')).toBe('钢材产量');
  });
  it('leaves names that only hold the verb', () => {
    expect(outputIndicator('地区生产总值')).toBe('地区生产总值');
    expect(outputIndicator('电力热力生产和供应业')).toBe('电力热力生产和供应业');
    expect(outputIndicator('安全生产企业')).toBe('安全生产企业');
    expect(outputIndicator('国家级智能制造示范工厂')).toBe('国家级智能制造示范工厂');
  });
  it('gives a month and a run of months the same indicator, and their changes', () => {
    expect(brief('9月当月生产摩托车2.1万辆,同比增长8.5%;1-9月累计生产摩托车17.4万辆,增长6.1%。', { published: '2024-10' })).toEqual([
      ['amount', 2.1, '万辆', '摩托车产量'],
      ['growth', 8.5, '%', '摩托车产量'],
      ['amount', 17.4, '万辆', '摩托车产量'],
      ['growth', 6.1, '%', '摩托车产量'],
    ]);
  });
});
