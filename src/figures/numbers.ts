const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 三百零五 → 305, 两 → 2; NaN when the string is not a Chinese numeral below 万. */
export function parseChineseNumber(s: string): number {
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      digit = CN_DIGIT[ch];
    } else if (ch in CN_UNIT) {
      total += (digit < 0 ? 1 : digit) * CN_UNIT[ch];
      digit = -1;
    } else return NaN;
  }
  return digit >= 0 ? total + digit : total;
}

/** 1,234.5 → 1234.5; Chinese numerals as above. */
export function parseNumber(s: string): number {
  let plain = s.length > 0;
  let comma = false;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    if (c === 44) comma = true;
    else if (c !== 46 && (c < 48 || c > 57)) plain = false;
  }
  if (plain) return Number(comma ? s.replace(/,/g, '') : s);
  return parseChineseNumber(s);
}
