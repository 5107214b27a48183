/**
 * Units a figure can be written in. `count` units count things (firms, projects), `measure`
 * units are physical or money amounts. A magnitude (万, 亿 …) may stand before any of them.
 */
export interface UnitEntry {
  unit: string;
  type: 'money' | 'count' | 'measure' | 'percent' | 'points' | 'tenths' | 'times';
  /** Written form → canonical form, when they differ (台套 → 台(套)). */
  canonical?: string;
}

export const UNITS: UnitEntry[] = [
  { unit: '%', type: 'percent' },
  { unit: '个百分点', type: 'points', canonical: '百分点' },
  { unit: '百分点', type: 'points' },
  { unit: '成', type: 'tenths' },
  // `增长2.9倍` is a change of 290%; a multiple without a change (`是去年的2倍`) is no figure.
  { unit: '倍', type: 'times' },
  { unit: '元', type: 'money' },
  { unit: '美元', type: 'money' },
  { unit: '欧元', type: 'money' },
  { unit: '元人民币', type: 'money', canonical: '元' },
  { unit: '台(套)', type: 'count' },
  { unit: '台套', type: 'count', canonical: '台(套)' },
  { unit: '台', type: 'count' },
  { unit: '套', type: 'count' },
  { unit: '家', type: 'count' },
  { unit: '个', type: 'count' },
  { unit: '项', type: 'count' },
  { unit: '座', type: 'count' },
  { unit: '名', type: 'count' },
  { unit: '人次', type: 'count' },
  { unit: '人', type: 'count' },
  { unit: '户', type: 'count' },
  { unit: '艘', type: 'count' },
  { unit: '件', type: 'count' },
  { unit: '场次', type: 'count' },
  { unit: '场', type: 'count' },
  { unit: '次', type: 'count' },
  { unit: '条', type: 'count' },
  { unit: '辆', type: 'count' },
  { unit: '架', type: 'count' },
  { unit: '款', type: 'count' },
  { unit: '所', type: 'count' },
  { unit: '处', type: 'count' },
  { unit: '樘', type: 'count' },
  { unit: '种', type: 'count' },
  { unit: '吨', type: 'measure' },
  { unit: '吨标准煤', type: 'measure' },
  { unit: '千瓦时', type: 'measure' },
  { unit: '千瓦', type: 'measure' },
  { unit: '兆瓦', type: 'measure' },
  { unit: '吉瓦', type: 'measure' },
  { unit: '度', type: 'measure' },
  { unit: '平方公里', type: 'measure' },
  { unit: '平方米', type: 'measure' },
  { unit: '亩', type: 'measure' },
  { unit: '公里', type: 'measure' },
];

/** Magnitudes that multiply a unit, longest first. */
export const MAGNITUDES = ['万亿', '千亿', '百亿', '十亿', '千万', '百万', '十万', '亿', '万', '千'];

/** Units that only count when a magnitude stands before them: `1.2亿条`, but not `25条措施`. */
export const NEEDS_MAGNITUDE = new Set(['条']);

const byUnit = new Map(UNITS.map((u) => [u.unit, u]));

export function unitEntry(unit: string): UnitEntry | undefined {
  return byUnit.get(unit);
}

/** Regex alternation of all units, longest first, escaped. */
export const UNIT_PATTERN = UNITS.map((u) => u.unit)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/[()%]/g, (c) => `\\${c}`))
  .join('|');
