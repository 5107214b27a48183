import { describe, expect, it } from 'vitest';
import { brief, figures } from './helpers.ts';

const growth = (text: string) => brief(text).filter((f) => f[0] === 'growth');

describe('分别 runs whose last value is joined by 和/及/与', () => {
  it('pairs every subject with its value when the last is joined by 和', () => {
    expect(brief('轻工业、重工业、高技术制造业增加值分别增长4.1%、7.3%和11.6%。')).toEqual([
      ['growth', 4.1, '%', '轻工业增加值'],
      ['growth', 7.3, '%', '重工业增加值'],
      ['growth', 11.6, '%', '高技术制造业增加值'],
    ]);
    expect(brief('民间投资、工业投资分别增长2.2%及6.8%。')).toEqual([
      ['growth', 2.2, '%', '民间投资'],
      ['growth', 6.8, '%', '工业投资'],
    ]);
  });
  it('reads a signed last value (-1.8%, −1.8%) as a fall', () => {
    expect(brief('采矿业、制造业、电力热力燃气及水生产和供应业增加值分别增长3.4%、8.9%和-2.7%。')).toEqual([
      ['growth', 3.4, '%', '采矿业增加值'],
      ['growth', 8.9, '%', '制造业增加值'],
      ['growth', -2.7, '%', '电力热力燃气及水生产和供应业增加值'],
    ]);
    expect(growth('化工、建材产值分别增长1.5%与−0.4%。')).toEqual([
      ['growth', 1.5, '%', '化工产值'],
      ['growth', -0.4, '%', '建材产值'],
    ]);
  });
  it('lets the last value bring its own direction (和下降1.8%)', () => {
    expect(brief('采矿业、制造业、电力热力燃气及水生产和供应业增加值分别增长6.2%、5.1%和下降0.8%。')).toEqual([
      ['growth', 6.2, '%', '采矿业增加值'],
      ['growth', 5.1, '%', '制造业增加值'],
      ['growth', -0.8, '%', '电力热力燃气及水生产和供应业增加值'],
    ]);
    expect(growth('纺织业、医药制造业营业收入分别增长3.3%、下降5.6%。')).toEqual([
      ['growth', 3.3, '%', '纺织业营业收入'],
      ['growth', -5.6, '%', '医药制造业营业收入'],
    ]);
  });
  it('splits a list joined by 和 only where the count of values asks', () => {
    expect(growth('采矿业、制造业和电力热力燃气及水生产和供应业增加值分别增长1.2%、2.3%和3.4%。').map((f) => f[3])).toEqual([
      '采矿业增加值',
      '制造业增加值',
      '电力热力燃气及水生产和供应业增加值',
    ]);
    expect(growth('汽车、手机和电脑产量分别增长9.1%、2.5%和4.4%。').map((f) => f[3])).toEqual(['汽车产量', '手机产量', '电脑产量']);
  });
  it('keeps a name that holds 、 and 和 in one piece', () => {
    expect(brief('计算机、通信和其他电子设备制造业、汽车制造业增加值分别增长14.2%和6.6%。')).toEqual([
      ['growth', 14.2, '%', '计算机、通信和其他电子设备制造业增加值'],
      ['growth', 6.6, '%', '汽车制造业增加值'],
    ]);
    expect(growth('汽车制造业、计算机、通信和其他电子设备制造业增加值分别增长6.6%与14.2%。').map((f) => f[3])).toEqual([
      '汽车制造业增加值',
      '计算机、通信和其他电子设备制造业增加值',
    ]);
  });
  it('reads a rate stated with 为 as a change', () => {
    expect(brief('采矿业、制造业增加值增速分别为2.8%、-0.5%。')).toEqual([
      ['growth', 2.8, '%', '采矿业增加值'],
      ['growth', -0.5, '%', '制造业增加值'],
    ]);
    expect(brief('临江市工业投资降幅为3.1%。')).toEqual([['growth', -3.1, '%', '工业投资']]);
  });
  it('shares a percent sign written once after the run', () => {
    expect(brief('钢铁、石化、建材行业增加值分别增长2.7、5.9和-1.2%。')).toEqual([
      ['growth', 2.7, '%', '钢铁增加值'],
      ['growth', 5.9, '%', '石化增加值'],
      ['growth', -1.2, '%', '建材行业增加值'],
    ]);
  });
  it('gives each region of a list ending in 和 its value and keeps the indicator', () => {
    const f = figures('临江市、江北市和东湖市规上工业增加值分别增长6.4%、5.8%和-0.7%。');
    expect(f.map((x) => [x.region, x.value, x.indicator])).toEqual([
      ['临江市', 6.4, '规模以上工业增加值'],
      ['江北市', 5.8, '规模以上工业增加值'],
      ['东湖市', -0.7, '规模以上工业增加值'],
    ]);
  });
  it('gives no figure to a value beyond the subjects listed', () => {
    expect(growth('钢铁、石化增加值分别增长2.7%、5.9%和1.2%。').map((f) => f[3])).toEqual(['钢铁增加值', '石化增加值']);
  });
});

describe('a run of gaps after a run of changes', () => {
  it('follows the subjects of the run before when it names none', () => {
    const f = figures('上半年,全市高技术制造业、装备制造业分别增长20.1%、15.4%,同比加快8.3、6.4个百分点。', { published: '2024-07', region: '柳州市' });
    expect(f.map((x) => [x.kind, x.value, x.indicator])).toEqual([
      ['growth', 20.1, '高技术制造业'],
      ['growth', 15.4, '装备制造业'],
      ['gap', 8.3, '高技术制造业增速'],
      ['gap', 6.4, '装备制造业增速'],
    ]);
  });
});
