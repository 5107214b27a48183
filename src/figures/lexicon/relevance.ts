import { INDUSTRIAL_INDICATOR_NAMES } from './indicators.ts';

/**
 * Signals that a page is, or is not, a regional industrial-performance report. Each signal
 * adds its weight once per page; the classifier reports the ones that fired as its reasons.
 */
export interface Signal {
  name: string;
  re: RegExp;
  weight: number;
}

export const POSITIVE: Signal[] = [
  // Built from the indicator table: an indicator marked `industrial` there is a signal here.
  { name: 'industrial indicator', re: new RegExp(INDUSTRIAL_INDICATOR_NAMES.join('|')), weight: 1.5 },
  { name: 'industrial policy terms', re: /新型工业化|制造业|产业集群|产业链|专精特新|单项冠军|智能制造|工业互联网|数字化转型/, weight: 1 },
  { name: 'industry authority', re: /工信|工业和信息化|经信|经济和信息化|发改委|统计局/, weight: 0.5 },
  { name: 'project and firm counts', re: /\d+(?:多|余)?(?:家|个|项)(?:企业|项目|平台|工厂|车间)/, weight: 0.5 },
  // A plant or park coming on stream is what investment-promotion staff follow most closely.
  { name: 'industrial project', re: /总投资|投产|达产|竣工|下线|产值|产能/, weight: 1.5 },
  { name: 'investment promotion', re: /签约项目|招商引资|亿元以上(?:工业)?项目|重大项目集中(?:签约|开工)/, weight: 1.5 },
];

export const NEGATIVE: Signal[] = [
  { name: 'tourism', re: /旅游|景区|游客|门票|文旅|酒店|民宿|度假/, weight: 1 },
  { name: 'sports or entertainment', re: /赛事|比赛|球队|运动员|冠军赛|马拉松|参赛|选手|跑者|赛道|鸣枪|演唱会|电影|综艺|明星/, weight: 1.5 },
  { name: 'culture event', re: /文化节|艺术节|音乐节|演出|展演|非遗|博物馆|观展|书展|灯会|庙会/, weight: 1 },
  { name: 'definition page', re: /^.{0,40}(?:是指|指的是|是一种|的简称|又称|百科|词条)/, weight: 2 },
  // Hong Kong, Macao and Taiwan publish their own statistics, in their own words (年增, 经济部).
  { name: 'Hong Kong, Macao or Taiwan statistics', re: /经济部(?:昨|今|统计处|公布)|新台币|年增率|年增\d|港元|特区政府|香港统计处|澳门统计/, weight: 2 },
  // Speeches and releases of the national government speak of the whole country.
  { name: 'national release or speech', re: /国家统计局(?:\d{1,2}日)?(?:新闻发言人|今天发布|发布|公布)|国务院新闻办|国新办|(?:工业和信息化部|工信部|国家发展改革委)(?:部长|副部长|主任|副主任|新闻发言人)|全国工业和信息化工作会议|(?:高峰|发展)论坛(?:上|开幕)/, weight: 1 },
  // A wire story dated in the capital (`新华社北京11月13日电`) carries the country's news; a region's own report comes from the region.
  { name: 'wire story from the capital', re: /(?:新华社|中新社|中新网)北京(?:\d{1,2}月\d{1,2}日)?电/, weight: 2.5 },
  { name: 'spam', re: /彩票|博彩|六合彩|娱乐城|开奖|赌场|百家乐|代孕|贷款秒批/, weight: 4 },
  // Explainers and calls for applications state a scheme's rules, not how a region is doing.
  { name: 'policy explainer or call for applications', re: /政策解读|一图读懂|申报条件|申报时间|申报材料|适用对象|支持内容|自发布之日起施行/, weight: 2 },
  { name: 'national policy text', re: /各省、自治区、直辖市|国务院各部委|现印发给你们|请结合实际认真贯彻执行/, weight: 2 },
];

/** Positive signals that show a page reports on industry, as opposed to merely naming it. */
export const REPORT_EVIDENCE = new Set(['industrial indicator', 'industrial policy terms', 'industrial project', 'investment promotion']);

/**
 * What an indicator must name for its figure to be kept from a page that is not an
 * industrial report (a marathon, a festival): an economic or industrial quantity.
 * Participants, volunteers, finishing times and distances name none of these; plain
 * `项目` or `企业` (a festival's items, an event's sponsors) are not enough either.
 */
export const ECONOMIC_INDICATOR = /工业|制造|产业|增加值|产值|产量|产能|营业收入|营收|利润|税收|投资|进出口|出口|外资|生产总值|GDP|用电量|能耗|集群|专精特新|成交额/;

/** A negative signal counts once it fires this often (strong ones on a single hit). */
export function negativeThreshold(weight: number): number {
  return weight >= 2 ? 1 : 3;
}

/**
 * What a firing negative signal weighs: a topic the text keeps returning to (tourism nine
 * times) weighs more than one it names three times, up to three times its weight.
 */
export function negativeWeight(weight: number, hits: number): number {
  return weight * Math.min(3, Math.max(1, Math.floor(hits / negativeThreshold(weight) / 2) + 1));
}

/** Weight against a page that names no region below the country: a regional report always does. */
export const NO_REGION_WEIGHT = 1.5;

/** Weight against a page most of whose figures are about the whole country. */
export const NATIONAL_FIGURES_WEIGHT = 2;
