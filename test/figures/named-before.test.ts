import { describe, expect, it } from 'vitest';
import { cleanSubject, lastNamedIndicator } from '../../src/figures/indicator.ts';
import { figures } from './helpers.ts';

describe('an indicator named before a colon, and a superlative before a subject', () => {
  it('finds the last indicator of the table a text names', () => {
    expect(lastNamedIndicator('上半年,全省规上工业增加值增速实现了两个“全国第一”:一是')).toBe('规模以上工业增加值');
    expect(lastNamedIndicator('今年以来,全市经济平稳运行:一是')).toBeNull();
  });
  it('gives an enumerated figure with no subject the indicator named before', () => {
    const f = figures('上半年,全省规模以上工业增加值增速实现了两个“全国第一”:一是6月当月,同比增长16.5%(全国增长4.4%),全国排名第一。', { published: '2024-07-20', region: '海南省' });
    expect(f.map((x) => [x.kind, x.value, x.indicator, x.region, x.period])).toEqual([
      ['growth', 16.5, '规模以上工业增加值', '海南省', '2024-06'],
      ['growth', 4.4, '规模以上工业增加值', '全国', '2024-06'],
      ['rank', 1, '规模以上工业增加值增速', '海南省', '2024-06'],
    ]);
  });
  it('drops a superlative clause before the noun', () => {
    expect(cleanSubject('占比最大的装备制造业')).toBe('装备制造业');
    expect(cleanSubject('增速最快的医药制造业')).toBe('医药制造业');
  });
});
