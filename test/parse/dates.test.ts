import { describe, expect, it } from 'vitest';
import { findDateIn, formatInZone, parseChineseDate } from '../../src/parse/dates.ts';

const reference = new Date('2024-06-01T04:00:00Z');
const shown = (s: string, timezone?: string) => {
  const d = parseChineseDate(s, { reference, timezone });
  return d && formatInZone(d, timezone);
};

describe('parseChineseDate', () => {
  it.each([
    ['2024-03-11', '2024-03-11 00:00'],
    ['2024/3/11', '2024-03-11 00:00'],
    ['2024.03.11', '2024-03-11 00:00'],
    ['2024年03月11日 09:30', '2024-03-11 09:30'],
    ['2024年3月11日', '2024-03-11 00:00'],
    ['2024 年 3 月 11 日 9时30分', '2024-03-11 09:30'],
    ['时间:2024-03-11 20:31', '2024-03-11 20:31'],
    ['发布日期：2024-03-11', '2024-03-11 00:00'],
    ['[2024-03-11]', '2024-03-11 00:00'],
    ['(2024-03-11)', '2024-03-11 00:00'],
    ['2024-03-11 09:30:15', '2024-03-11 09:30'],
    ['2024-03-11T09:30:15+08:00', '2024-03-11 09:30'],
    ['2024-03-11T01:30:15Z', '2024-03-11 09:30'],
    ['03-11 09:30', '2024-03-11 09:30'],
    ['3月11日', '2024-03-11 00:00'],
    ['二〇二四年三月十一日', '2024-03-11 00:00'],
  ])('%s → %s (Asia/Shanghai)', (input, want) => {
    expect(shown(input)).toBe(want);
  });

  it('reads wall-clock times in Asia/Shanghai by default', () => {
    expect(parseChineseDate('2024-03-11 09:30')?.toISOString()).toBe('2024-03-11T01:30:00.000Z');
  });

  it('supports other IANA zones, including daylight saving time', () => {
    expect(parseChineseDate('2024-07-01 12:00', { timezone: 'Europe/Berlin' })?.toISOString()).toBe('2024-07-01T10:00:00.000Z');
    expect(parseChineseDate('2024-01-15 12:00', { timezone: 'Europe/Berlin' })?.toISOString()).toBe('2024-01-15T11:00:00.000Z');
    expect(shown('2024-07-01 12:00', 'Europe/Berlin')).toBe('2024-07-01 12:00');
  });

  it('puts a year-less date in the previous year when it would be in the future', () => {
    expect(shown('12-30 08:00')).toBe('2023-12-30 08:00');
  });

  it('rejects impossible dates and text without a date', () => {
    expect(parseChineseDate('2023-02-29')).toBeNull();
    expect(parseChineseDate('2024-13-01')).toBeNull();
    expect(parseChineseDate('咨询电话 0531-12345678')).toBeNull();
    expect(parseChineseDate('比分 3-11')).toBeNull();
    expect(parseChineseDate('没有日期')).toBeNull();
  });
});

describe('findDateIn', () => {
  it('finds the first full date in free text and says whether it had a time', () => {
    const f = findDateIn('来源：市工信局 发布时间：2024-03-11 20:31 浏览次数：12 更新于2024-03-12');
    expect(f && formatInZone(f.date)).toBe('2024-03-11 20:31');
    expect(f?.hasTime).toBe(true);
    expect(f?.match).toBe('2024-03-11 20:31');
  });

  it('prefers a full date anywhere over a month-day earlier in the text', () => {
    const f = findDateIn('3月8日召开会议 发布日期：2024-03-11', { reference });
    expect(f && formatInZone(f.date, undefined, false)).toBe('2024-03-11');
    expect(f?.yearInferred).toBe(false);
  });
});

describe('formatInZone', () => {
  it('formats with or without the time', () => {
    const d = new Date('2024-03-10T17:05:00Z');
    expect(formatInZone(d)).toBe('2024-03-11 01:05');
    expect(formatInZone(d, 'Asia/Shanghai', false)).toBe('2024-03-11');
    expect(formatInZone(d, 'UTC')).toBe('2024-03-10 17:05');
  });
});
