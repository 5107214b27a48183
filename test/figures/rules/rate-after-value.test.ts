import { describe, expect, it } from 'vitest';
import { rateAfterValue } from '../../../src/figures/rules/rate-after-value.ts';
import { brief } from '../helpers.ts';

describe('rule: a rate word after the value', () => {
  it('makes the value that rate of the subject after any comparison', () => {
    expect(rateAfterValue('明显快于轻工业', '的增速')).toBe('轻工业');
    expect(rateAfterValue('出口', '增幅')).toBe('出口');
    expect(rateAfterValue('占规上工业', '的比重')).toBeNull();
  });
  it('gives the compared indicator its change', () => {
    expect(brief('前三季度,全市重工业增加值增长9.5%,明显快于轻工业3.1%的增速。', { published: '2024-10', region: '柳州市' })).toEqual([
      ['growth', 9.5, '%', '重工业增加值'],
      ['growth', 3.1, '%', '轻工业'],
    ]);
  });
});
