import { describe, expect, it } from 'vitest';
import { changeFromTo, previousPeriod } from '../../../src/figures/rules/change-from-to.ts';
import { figures } from '../helpers.ts';

const ctx = { published: '2024-09-10', region: '临江市' };
const rows = (text: string) => figures(text, ctx).map((f) => [f.kind, f.value, f.indicator, f.period]);

describe('rule: a change from one value to another (由…回落至…)', () => {
  it('reads the earlier and the later value, their signs and what changed', () => {
    expect(changeFromTo('工业用电量增速由')).toMatchObject({ step: 'from', subject: '工业用电量', sign: 1, when: '' });
    expect(changeFromTo('出口由上月下降')).toMatchObject({ step: 'from', subject: '出口', sign: -1, when: '上月' });
    expect(changeFromTo('出口由上月下降2.1%回升至增长')).toMatchObject({ step: 'to', subject: '出口', sign: 1 });
    expect(changeFromTo('增幅由二季度的5.5%回落至')).toMatchObject({ step: 'to', subject: '', sign: 1 });
    expect(changeFromTo('工业投资同比增长')).toBeNull();
  });
  it('finds the month or quarter before the one reported', () => {
    expect(previousPeriod('上月', '2024-08')).toBe('2024-07');
    expect(previousPeriod('上月', '2024-01')).toBe('2023-12');
    expect(previousPeriod('上月', '2024-01~2024-08')).toBe('2024-01~2024-07');
    expect(previousPeriod('上季度', 'XXXX-01~XXXX-09')).toBe('XXXX-01~XXXX-06');
    expect(previousPeriod('一季度', '2024-08')).toBeNull();
  });
  it('gives both values to the indicator named before, each with its own time', () => {
    expect(rows('8月份,全市实现社会消费品零售总额119.6亿元,由上月下降2.2%回升至增长0.5%。')).toEqual([
      ['amount', 119.6, '社会消费品零售总额', '2024-08'],
      ['growth', -2.2, '社会消费品零售总额', '2024-07'],
      ['growth', 0.5, '社会消费品零售总额', '2024-08'],
    ]);
    expect(rows('上半年,全市规上工业增加值增幅由一季度的6.2%上升至6.9%。')).toEqual([
      ['growth', 6.2, '规模以上工业增加值', '2024-01~2024-03'],
      ['growth', 6.9, '规模以上工业增加值', '2024-01~2024-06'],
    ]);
  });
  it('narrows the later value to the month a qualifier names', () => {
    expect(rows('1-8月,全市规上工业增加值增长7.1%,其中8月当月增速由上月的7.5%回落至4.2%。')).toEqual([
      ['growth', 7.1, '规模以上工业增加值', '2024-01~2024-08'],
      ['growth', 7.5, '规模以上工业增加值', '2024-07'],
      ['growth', 4.2, '规模以上工业增加值', '2024-08'],
    ]);
  });
});
