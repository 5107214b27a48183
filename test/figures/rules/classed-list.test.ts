import { describe, expect, it } from 'vitest';
import { classedList, leadingItems } from '../../../src/figures/rules/classed-list.ts';
import { brief } from '../helpers.ts';

describe('rule: a list of sectors closed by 等 or a count', () => {
  it('splits the list from what each item is measured by', () => {
    expect(classedList('纺织、造纸和家具等行业增加值')).toEqual({ head: '纺织、造纸和家具', shared: '行业增加值' });
    expect(classedList('有色、建材和化工三大传统产业营业收入')).toEqual({ head: '有色、建材和化工', shared: '产业营业收入' });
    expect(classedList('电子信息等行业增加值')).toBeNull();
    expect(classedList('规上工业增加值')).toBeNull();
  });
  it('pairs each sector with its value', () => {
    expect(brief('1-4月,全市纺织、造纸和家具等行业增加值同比分别增长9.1%、7.4%和下降2.2%。', { published: '2024-05', region: '湖州市' })).toEqual([
      ['growth', 9.1, '%', '纺织行业增加值'],
      ['growth', 7.4, '%', '造纸行业增加值'],
      ['growth', -2.2, '%', '家具行业增加值'],
    ]);
    expect(brief('前三季度,有色、建材和化工三大传统产业营业收入分别增长4.2%、3.3%、8.0%。', { published: '2024-10', region: '湖州市' })).toEqual([
      ['growth', 4.2, '%', '有色产业营业收入'],
      ['growth', 3.3, '%', '建材产业营业收入'],
      ['growth', 8, '%', '化工产业营业收入'],
    ]);
  });
  it('gives fewer values than sectors to the leading sectors, in order', () => {
    expect(leadingItems('纺织、造纸、家具、化工', 2)).toEqual(['纺织', '造纸']);
    expect(leadingItems('纺织、造纸', 2)).toBeNull();
    expect(brief('上半年,全省纺织、造纸、家具、化工、建材、冶金等行业增加值同比分别增长9.1%、7.4%、5.2%。', { published: '2024-07', region: '海南省' })).toEqual([
      ['growth', 9.1, '%', '纺织行业增加值'],
      ['growth', 7.4, '%', '造纸行业增加值'],
      ['growth', 5.2, '%', '家具行业增加值'],
    ]);
  });
  it('reads a list of products closed by 等新产品 with the measure after it', () => {
    expect(brief('1-4月,工业机器人、集成电路、光伏电池等新产品产量分别增长38.0%、17.3%、11.4%。', { published: '2025-05', region: '江阴市' })).toEqual([
      ['growth', 38, '%', '工业机器人产品产量'],
      ['growth', 17.3, '%', '集成电路产品产量'],
      ['growth', 11.4, '%', '光伏电池产品产量'],
    ]);
  });
});
