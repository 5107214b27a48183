import { describe, expect, it } from 'vitest';
import { rankChange } from '../../../src/figures/rules/rank-change.ts';
import { figures } from '../helpers.ts';

const rows = (text: string) => figures(text, { region: '宜昌市', published: '2023-10-15' }).map((f) => [f.kind, f.value, f.indicator, f.period, f.basis]);

describe('rule: a move in a ranking', () => {
  it('finds the earlier position after 从/由 and the later after the verb of the move', () => {
    expect(rankChange('增速全国排名从年初的')).toEqual({ step: 'from', when: '年初', at: 6 });
    expect(rankChange('提升到')).toEqual({ step: 'to', when: '', at: 0 });
    expect(rankChange('增速居全省')).toBeNull();
  });
  it('gives two ranks, the earlier of the time it was held, the later of the clause\'s time', () => {
    expect(rows('1-9月,全市工业投资增长12.5%,增速在全省的排名由上半年的第8位上升至第3位。')).toEqual([
      ['growth', 12.5, '工业投资', '2023-01~2023-09', null],
      ['rank', 8, '工业投资增速', '2023-01~2023-06', '全省'],
      ['rank', 3, '工业投资增速', '2023-01~2023-09', '全省'],
    ]);
    // A position held at the start of the year has no period of its own.
    expect(rows('1-9月,全市规上工业增加值增长9.9%。增速逐月回升。增速全省排名从年初的第13位提升到第2位。').slice(1)).toEqual([
      ['rank', 13, '规模以上工业增加值增速', null, '全省'],
      ['rank', 2, '规模以上工业增加值增速', '2023-01~2023-09', '全省'],
    ]);
  });
});
