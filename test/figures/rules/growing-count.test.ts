import { describe, expect, it } from 'vitest';
import { growingCount, isCountThreshold, thresholdCount } from '../../../src/figures/rules/growing-count.ts';
import { notAFigure } from '../../../src/figures/rules/not-a-figure.ts';
import { brief } from '../helpers.ts';

describe('rule: a count of things that grew', () => {
  it('puts the predicate of growth before the things', () => {
    expect(growingCount('产品产量保持增长')).toBe('产量保持增长的产品');
    expect(growingCount('县区呈现两位数增长,')).toBe('呈现两位数增长的县区');
    expect(growingCount('行业实现正增长')).toBe('实现正增长的行业');
  });
  it('is none without a noun after the count, or without growth', () => {
    expect(growingCount('实现增长')).toBeNull();
    expect(growingCount('产品产量下降')).toBeNull();
    expect(growingCount('企业入选')).toBeNull();
  });
  it('gives the count of places that grew, and no figure for the set they are drawn from', () => {
    expect(brief('前三季度,全省规上工业增加值增长6.2%。在统的160种工业产品中,86种产品产量保持增长;全省12个市州中,7个地区呈现两位数增长。', { published: '2024-10', region: '湖北省' })).toEqual([
      ['growth', 6.2, '%', '规模以上工业增加值'],
      ['amount', 86, '种', '产量保持增长的产品'],
      ['amount', 7, '个', '呈现两位数增长的地区'],
    ]);
  });
  it('sets aside a count that ends its clause with 中', () => {
    const token = { index: 0, end: 3, value: 160, unit: '种', type: 'count' as const, chinese: false };
    expect(notAFigure({ token, clauseBefore: '在统的', before: '在统的', after: '工业产品中', tail: '工业产品中', clause: '在统的160种工业产品中', head: '在统的', insideTitle: false, insideSlogan: false })).toBe('set of a breakdown');
  });
  it('reads a count of things over a threshold of growth, and sets the threshold aside', () => {
    expect(thresholdCount('县区预计增速20%以上')).toBe('增速20%以上的县区');
    expect(thresholdCount('企业增长15%')).toBeNull();
    expect(isCountThreshold('甲县、乙县等6个县区增速', '以上')).toBe(true);
    expect(isCountThreshold('全市工业增速', '以上')).toBe(false);
    expect(brief('前三季度,甲县、乙县、丙区、丁县等6个县区预计增速15%以上。', { region: '甘肃省', published: '2024-10' })).toEqual([['amount', 6, '个', '增速15%以上的县区']]);
  });
  it('reads the set a count of growing things is drawn from through 有 as well as 中有', () => {
    expect(brief('上半年,全市36个大类行业有28个实现增长。', { region: '宜春市', published: '2024-07' })).toEqual([['amount', 28, '个', '实现增长的大类行业']]);
  });
  it('reads 增速高于X% after a count of places as the threshold, not a gap', () => {
    expect(isCountThreshold('一季度共有18个市(州)增速高于', '。')).toBe(true);
    expect(thresholdCount('市(州)增速高于8%')).toBe('增速高于8%的市(州)');
    expect(brief('一季度,共有12个市(州)增速高于8%。', { region: '四川省', published: '2024-04' })).toEqual([['amount', 12, '个', '增速高于8%的市(州)']]);
  });
});
