import { describe, expect, it } from 'vitest';
import { periodSeries } from '../../../src/figures/rules/period-series.ts';
import { figures } from '../helpers.ts';

describe('rule: a series of values, one per month of a run', () => {
  it('gives each value its own period', () => {
    expect(periodSeries('1-3月累计增速分别为', 3, '2024')).toEqual({ periods: ['2024-01', '2024-01~2024-02', '2024-01~2024-03'], name: '累计增速' });
    expect(periodSeries('4—6月份各月增幅分别是', 3, 'XXXX')).toEqual({ periods: ['XXXX-04', 'XXXX-05', 'XXXX-06'], name: '各月增幅' });
  });
  it('is no series when the values do not count the months, or no series word says how', () => {
    expect(periodSeries('1-6月累计增速分别为', 3, '2024')).toBeNull();
    expect(periodSeries('1-3月甲区、乙区、丙区增速分别为', 3, '2024')).toBeNull();
  });
  it('reads the series in a report, with the sign of a decline', () => {
    const got = figures('今年以来,全市工业生产逐月回暖。从统计数据看,1-4月累计增速分别为-2.1%、1.8%、3.6%、5.2%,回升态势明显。', { region: '柳州市', published: '2024-05-20' });
    expect(got.map((f) => [f.value, f.period, f.indicator])).toEqual([
      [-2.1, '2024-01', '累计增速'],
      [1.8, '2024-01~2024-02', '累计增速'],
      [3.6, '2024-01~2024-03', '累计增速'],
      [5.2, '2024-01~2024-04', '累计增速'],
    ]);
  });
});
