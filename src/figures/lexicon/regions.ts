/**
 * Provinces and their prefecture-level cities, by short name. The full official name is the
 * short name plus 市 (cities), or the province's name below. An analyst adds a city by
 * appending its short name to its province's list.
 */
export const PROVINCES: { name: string; short: string; cities: string }[] = [
  { name: '北京市', short: '北京', cities: '' },
  { name: '天津市', short: '天津', cities: '' },
  { name: '上海市', short: '上海', cities: '' },
  { name: '重庆市', short: '重庆', cities: '' },
  { name: '河北省', short: '河北', cities: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水' },
  { name: '山西省', short: '山西', cities: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁' },
  { name: '内蒙古自治区', short: '内蒙古', cities: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布' },
  { name: '辽宁省', short: '辽宁', cities: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛' },
  { name: '吉林省', short: '吉林', cities: '长春 四平 辽源 通化 白山 松原 白城' },
  { name: '黑龙江省', short: '黑龙江', cities: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化' },
  { name: '江苏省', short: '江苏', cities: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁' },
  { name: '浙江省', short: '浙江', cities: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水' },
  { name: '安徽省', short: '安徽', cities: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城' },
  { name: '福建省', short: '福建', cities: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德' },
  { name: '江西省', short: '江西', cities: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶' },
  { name: '山东省', short: '山东', cities: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽' },
  { name: '河南省', short: '河南', cities: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源' },
  { name: '湖北省', short: '湖北', cities: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 仙桃 潜江 天门' },
  { name: '湖南省', short: '湖南', cities: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底' },
  { name: '广东省', short: '广东', cities: '广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮' },
  { name: '广西壮族自治区', short: '广西', cities: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左' },
  { name: '海南省', short: '海南', cities: '海口 三亚 三沙 儋州' },
  { name: '四川省', short: '四川', cities: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳' },
  { name: '贵州省', short: '贵州', cities: '贵阳 六盘水 遵义 安顺 毕节 铜仁' },
  { name: '云南省', short: '云南', cities: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧' },
  { name: '西藏自治区', short: '西藏', cities: '拉萨 日喀则 昌都 林芝 山南 那曲' },
  { name: '陕西省', short: '陕西', cities: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛' },
  { name: '甘肃省', short: '甘肃', cities: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南' },
  { name: '青海省', short: '青海', cities: '西宁 海东' },
  { name: '宁夏回族自治区', short: '宁夏', cities: '银川 石嘴山 吴忠 固原 中卫' },
  { name: '新疆维吾尔自治区', short: '新疆', cities: '乌鲁木齐 克拉玛依 吐鲁番 哈密' },
];

/** Short names that are also ordinary words or company names: counted only when written with 市. */
export const NEEDS_SUFFIX = new Set(['白银', '长治', '大同', '中山', '安康', '朝阳', '白山', '黑河', '北海', '三明', '吉安', '来宾', '山南', '金昌', '海东', '天门', '宜春', '黄山', '通化']);

export interface RegionInfo {
  name: string;
  level: 'county' | 'city' | 'province' | 'country';
  province: string | null;
}

const byMention = new Map<string, RegionInfo>();
for (const p of PROVINCES) {
  const municipality = p.name.endsWith('市');
  const info: RegionInfo = { name: p.name, level: municipality ? 'city' : 'province', province: municipality ? p.name : null };
  byMention.set(p.name, info);
  byMention.set(p.short, info);
  for (const c of p.cities.split(' ').filter(Boolean)) {
    const city: RegionInfo = { name: `${c}市`, level: 'city', province: p.name };
    byMention.set(`${c}市`, city);
    if (!NEEDS_SUFFIX.has(c)) byMention.set(c, city);
  }
}
byMention.set('吉林市', { name: '吉林市', level: 'city', province: '吉林省' });

/**
 * Areas that statistics report on their own but that are no administrative division, so the
 * gazetteer lacks them: the state-level new areas (国家级新区) and bases of that rank, with the
 * short names reports use. Those that are districts as well (浦东新区, 滨海新区) are left to the
 * gazetteer.
 */
export const ZONES: { name: string; short: string[]; province: string }[] = [
  { name: '两江新区', short: [], province: '重庆市' },
  { name: '舟山群岛新区', short: [], province: '浙江省' },
  { name: '兰州新区', short: [], province: '甘肃省' },
  { name: '南沙新区', short: [], province: '广东省' },
  { name: '西咸新区', short: [], province: '陕西省' },
  { name: '贵安新区', short: [], province: '贵州省' },
  { name: '西海岸新区', short: ['青岛西海岸新区'], province: '山东省' },
  { name: '金普新区', short: [], province: '辽宁省' },
  { name: '天府新区', short: [], province: '四川省' },
  { name: '湘江新区', short: [], province: '湖南省' },
  { name: '江北新区', short: ['南京江北新区'], province: '江苏省' },
  { name: '福州新区', short: [], province: '福建省' },
  { name: '滇中新区', short: [], province: '云南省' },
  { name: '哈尔滨新区', short: [], province: '黑龙江省' },
  { name: '长春新区', short: [], province: '吉林省' },
  { name: '赣江新区', short: [], province: '江西省' },
  { name: '雄安新区', short: [], province: '河北省' },
  { name: '宁东能源化工基地', short: ['宁东基地'], province: '宁夏回族自治区' },
];
for (const z of ZONES) {
  const info: RegionInfo = { name: z.name, level: 'county', province: z.province };
  for (const m of [z.name, ...z.short]) byMention.set(m, info);
}

export const COUNTRY: RegionInfo = { name: '全国', level: 'country', province: null };

export function regionByMention(mention: string): RegionInfo | undefined {
  return byMention.get(mention);
}

/** One regex matching any named region, longest names first. */
export const REGION_MENTION = new RegExp(
  [...byMention.keys()].sort((a, b) => b.length - a.length).join('|'),
  'g',
);

/** Words that stand for the document's own county, district or development zone. */
export const OWN_LOCAL_WORDS = ['全县', '我县', '本县', '全区', '我区', '本区', '园区', '全园区'];

/**
 * Endings of the names of counties and development zones (`长兴县`, `株洲高新区`), which the
 * table does not list; the name is these plus one to four characters before.
 */
export const LOCAL_SUFFIXES = ['高新技术产业开发区', '经济技术开发区', '高新区', '经开区', '开发区', '新区', '县'];

/**
 * Short forms of zone endings (`银川经开区` for `银川经济技术开发区`): a mention of the short
 * form counts for the full name the text also uses.
 */
export const ZONE_ABBREVIATIONS: [string, string][] = [
  ['经开区', '经济技术开发区'],
  ['高新区', '高新技术产业开发区'],
];

/**
 * Zone endings that, standing alone at the head of a clause (`上半年,开发区完成…`), are the
 * zone's report speaking of itself, as 全区 is.
 */
export const BARE_ZONE_WORDS = ['高新技术产业开发区', '经济技术开发区', '开发区', '经开区', '高新区'];

/**
 * Characters before 区 that make an ordinary word (园区, 示范区, 景区, 社区), not a district's
 * name (`江宁区`): a plain district counts only without these and when the text says 全区.
 */
export const NOT_DISTRICT_BEFORE = '园范城景社贸片街能护辖地山市县老矿库厂校小营验行聚发新高经税港湾业心圈乡镇省全我本各分该两';

/** Words right after a local name that show it is part of another word (`县城`, `县域`). */
export const NOT_LOCAL_AFTER = /[城域级委]/;

/** For each first character of a region word (generic ones such as 全国, 我市 included), the word lengths, longest first. */
export const REGION_FIRST_CHARS = new Map<number, number[]>();
/**
 * Marks of the characters that open a region word (bit 1) and that come second in one
 * (bit 2): most places in a text are ruled out by two array reads, without cutting out a
 * candidate string.
 */
export const REGION_CHAR_MARKS = new Uint8Array(0x10000);
for (const k of [...byMention.keys(), '全国', '国家', '全省', '我省', '本省', '全市', '我市', '本市', ...OWN_LOCAL_WORDS]) {
  const lens = REGION_FIRST_CHARS.get(k.charCodeAt(0)) ?? [];
  if (!lens.includes(k.length)) lens.push(k.length);
  lens.sort((a, b) => b - a);
  REGION_FIRST_CHARS.set(k.charCodeAt(0), lens);
  REGION_CHAR_MARKS[k.charCodeAt(0)] |= 1;
  REGION_CHAR_MARKS[k.charCodeAt(1)] |= 2;
}

/** A wire agency's dateline (`新华社北京11月13日电`, `中新网长沙电`): the place it names is where the story was filed. */
export const WIRE_DATELINE = /(?:新华社|中新社|中新网|人民网|央视网|据新华社)[\u4e00-\u9fff]{2,4}?(?:\d{1,2}月\d{1,2}日)?电/g;
