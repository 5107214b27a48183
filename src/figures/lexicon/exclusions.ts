/**
 * Numbers that are not key figures (ANNOTATION.md, "Not figures"), as rules on what stands
 * around them. Dates, list numbers and names never reach these lists: the number grammar
 * does not read `2023年`, `10月15日`, `第五批`, `5G` or `十三五` as figures at all.
 */

/** Nouns right after a count that make it a structure, a slogan or a plan, not an achievement. */
export const EXCLUDED_COUNTED = [
  '地区', '组别', '方面', '领域', '环节', '强', '月', '工人', '员工', '职工', '干部', '措施', '政策', '任务', '工作', '行动',
  '机制', '实事', '经验', '做法', '原则', '要求', '目标', '步骤', '阶段', '版', '方向', '理念', '举措', '意见', '条例',
  '办法', '文件', '百分点', '倍', '年', '天', '小时', '分钟', '批',
];

/** A count of these only counts when the same clause says they grew (`全市有28个行业实现增长`). */
export const COUNTED_NEEDS_GROWTH = ['行业', '大类', '门类'];
export const GROWTH_CONTEXT = /增长|增加值|正增长|增速/;

/**
 * A clause describing a product or a record sets its numbers apart as specifications
 * (`全球最大…7.7万吨多用途纸浆船`, `单机容量最大的18兆瓦`).
 */
export const SPEC_CONTEXT = /全球最大|全球首|世界最大|世界首|国内最大|国内首|全国首台|最大级别|单机容量|续航|温域|载重|排水量|马力|转速|精度|功率/;

/** Things whose size in tonnes or watts is a specification when it stands right before them. */
export const SPEC_NOUNS = /^.{0,6}(?:船|轮|舰|机组|风机|汽缸|铸件|电池|芯片|机床|钻井平台|集装箱)/;

/**
 * After a number and its unit: a threshold or class, part of a name (`100万元及以上项目`,
 * `500万元以上的`, `30兆瓦级`). `150家以上` ending its clause is a figure (at least 150).
 */
export const THRESHOLD_AFTER = /^(?:(?:及以上|以上|以下|以内)(?=[的\u4e00-\u9fff])|级|档|型)/;

/** Words before an amount that make it a rule of a subsidy scheme (`奖励200万元`, `最高不超过300万元`). */
export const SUBSIDY_BEFORE = ['奖励', '补助', '补贴', '资助', '奖补', '给予', '最高', '不超过', '不高于', '最多'];

/** Words after an amount or a rate that make it a rule of a subsidy scheme (`按投资额的10%给予补助`). */
export const SUBSIDY_AFTER = ['给予', '予以', '补助', '补贴', '奖补', '资助'];

/** Before a number: `前200户` is a list, `第6家` an ordinal, `对19个集群的分工` an object. */
export const LIST_BEFORE = /(?:(?<![目此之以提当])前|第|每|连续|对)$/;

/**
 * Indicators about visitors, seats and parking: numbers in tourism and event notes, not
 * about how a region's industry is doing.
 */
export const NOT_INDUSTRIAL_SUBJECT = /游客|游人|旅客|门票|车位|停车|观众|床位|客流/;
