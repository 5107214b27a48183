/**
 * Indicators an analyst looks for, with the names reports use for them. `tier` 1 is a
 * region-wide headline indicator (ANNOTATION.md); counts of firms, platforms and projects are
 * tier 2 and need no entry here. Aliases are other names of the same indicator.
 */
export interface IndicatorEntry {
  canonical: string;
  aliases: string[];
  tier: 1 | 2;
  /** Naming it marks a page as an industrial report (the classifier's `industrial indicator` signal). */
  industrial?: true;
}

export const INDICATORS: IndicatorEntry[] = [
  { canonical: '规模以上工业增加值', aliases: ['规上工业增加值', '规模工业增加值'], tier: 1, industrial: true },
  { canonical: '规模以上工业营业收入', aliases: ['规上工业营业收入', '规上工业营收'], tier: 1, industrial: true },
  { canonical: '规模以上工业利润', aliases: ['规上工业利润', '规上工业利润总额'], tier: 1, industrial: true },
  { canonical: '规模以上工业', aliases: ['规上工业'], tier: 1, industrial: true },
  { canonical: '规模以上', aliases: ['规上'], tier: 1 },
  { canonical: '工业增加值', aliases: [], tier: 1, industrial: true },
  { canonical: '制造业增加值', aliases: [], tier: 1, industrial: true },
  { canonical: '高技术制造业增加值', aliases: ['高新技术制造业增加值'], tier: 1 },
  { canonical: '装备制造业增加值', aliases: [], tier: 1 },
  { canonical: '战略性新兴产业增加值', aliases: ['战新产业增加值'], tier: 1 },
  { canonical: '数字经济核心产业增加值', aliases: [], tier: 1 },
  { canonical: '工业投资', aliases: ['工业固定资产投资'], tier: 1, industrial: true },
  { canonical: '工业技改投资', aliases: ['技改投资', '技术改造投资'], tier: 1, industrial: true },
  { canonical: '制造业投资', aliases: [], tier: 1 },
  { canonical: '固定资产投资', aliases: [], tier: 1 },
  { canonical: '工业总产值', aliases: [], tier: 1, industrial: true },
  { canonical: '工业产值', aliases: [], tier: 1, industrial: true },
  { canonical: '营业收入', aliases: ['营收'], tier: 1, industrial: true },
  { canonical: '利润总额', aliases: [], tier: 1 },
  { canonical: '利润率', aliases: [], tier: 1 },
  { canonical: '实际利用外资', aliases: ['实际使用外资'], tier: 1 },
  { canonical: '进出口总额', aliases: ['外贸进出口'], tier: 1 },
  { canonical: '出口', aliases: [], tier: 1 },
  { canonical: '技术合同成交额', aliases: [], tier: 1 },
  { canonical: '工业用电量', aliases: [], tier: 1, industrial: true },
  { canonical: '综合能耗', aliases: [], tier: 1 },
  { canonical: '用水量', aliases: [], tier: 1 },
  { canonical: '地区生产总值', aliases: ['GDP', '经济总量'], tier: 1 },
  { canonical: '增长面', aliases: [], tier: 1 },
  { canonical: '贡献率', aliases: [], tier: 1 },
  { canonical: '产业集群规模', aliases: [], tier: 1 },
  { canonical: '产业规模', aliases: [], tier: 1 },
];

/** Indicator words that name a single project or firm: figures about them are tier 2. */
export const SINGLE_ENTITY = /项目|企业|公司|集团|基地|园区|产线|工厂/;

/** All the firms of a class across the region (`规模以上工业企业营业收入`): not a single entity. */
export const REGION_WIDE_FIRMS = /规模以上(?:工业)?企业|(?:国有控股|股份制|外商投资|私营|民营)企业/g;

/** Abbreviations written out in indicators, as ANNOTATION.md asks (`规上` → `规模以上`). */
export const ABBREVIATIONS: [string, string][] = [
  ['规上', '规模以上'],
  ['规模工业', '规模以上工业'],
  ['战新产业', '战略性新兴产业'],
];

const ABBR_RE = new RegExp(ABBREVIATIONS.map(([a]) => a).join('|'), 'g');
const ABBR_MAP = new Map(ABBREVIATIONS);
const TIER1_RE = new RegExp(INDICATORS.filter((e) => e.tier === 1).flatMap((e) => [e.canonical, ...e.aliases]).join('|'));

export function canonicalIndicator(s: string): string {
  if (!ABBREVIATIONS.some(([a]) => s.includes(a))) return s;
  return s.replace(ABBR_RE, (a) => ABBR_MAP.get(a) ?? a);
}

export function isTier1Indicator(s: string): boolean {
  return TIER1_RE.test(s);
}

/** Every name of the indicators that mark a page as an industrial report, longest first. */
export const INDUSTRIAL_INDICATOR_NAMES = INDICATORS.filter((e) => e.industrial)
  .flatMap((e) => [e.canonical, ...e.aliases])
  .sort((a, b) => b.length - a.length);
