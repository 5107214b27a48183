import { describe, expect, it } from 'vitest';
import { figures } from './helpers.ts';

const brief = (text: string) => figures(text, { published: '2025-06-10' }).map((f) => [f.value, f.indicator, f.period]);

describe('a bare period qualifier (当月, 单月) as the subject', () => {
  it('keeps the indicator named before it in the sentence', () => {
    expect(brief('临江市规模以上工业增加值1-4月增长6.3%,4月份当月增长9.7%。')).toEqual([
      [6.3, '规模以上工业增加值', '2025-01~2025-04'],
      [9.7, '规模以上工业增加值', '2025-04'],
    ]);
    expect(brief('1-5月,临江市工业投资同比增长11.4%,其中5月单月增长15.2%。')).toEqual([
      [11.4, '工业投资', '2025-01~2025-05'],
      [15.2, '工业投资', '2025-05'],
    ]);
  });
  it('keeps the indicator of the sentence before', () => {
    expect(brief('1-4月,临江市规上工业增加值增长6.3%。4月份当月同比增长9.7%。')).toEqual([
      [6.3, '规模以上工业增加值', '2025-01~2025-04'],
      [9.7, '规模以上工业增加值', '2025-04'],
    ]);
  });
  it('takes the last month of the run when 当月 names none', () => {
    expect(brief('1-5月,临江市工业用电量增长4.8%,当月增长7.1%。')).toEqual([
      [4.8, '工业用电量', '2025-01~2025-05'],
      [7.1, '工业用电量', '2025-05'],
    ]);
  });
  it('drops a period written after the indicator from its name', () => {
    expect(brief('临江市高技术制造业增加值前5个月增长12.2%。').map((f) => f[1])).toEqual(['高技术制造业增加值']);
  });
  it('gives no figure to a qualifier with nothing before it', () => {
    expect(brief('4月份当月增长9.7%。')).toEqual([]);
  });
});
