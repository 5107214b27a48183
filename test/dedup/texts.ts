import * as OpenCC from 'opencc-js';

/**
 * Short reports written for these tests (a made-up city and made-up figures), and the ways
 * the same report reaches indwatch again: mirrored under a banner, converted to traditional
 * characters, lengthened, cut, revised; and reports that must stay apart.
 */
export const REPORT = `青川市1-5月工业经济运行情况
发布时间:2025-06-18 09:30
来源:青川市工业和信息化局

1-5月,全市规模以上工业增加值同比增长8.6%,增速比1-4月加快0.4个百分点,高于全省平均水平1.9个百分点。分门类看,制造业增加值增长9.3%,电力、热力、燃气及水生产和供应业增长4.1%。

重点产业带动作用明显。全市装备制造业增加值增长13.7%,占规模以上工业的比重达到36.2%;新材料产业增长11.5%,电子信息产业增长15.8%。新能源汽车产量达到2.35万辆,同比增长42.6%。

工业投资保持较快增长。1-5月,全市工业投资同比增长17.4%,其中技术改造投资增长21.3%。全市新开工亿元以上工业项目68个,计划总投资326.5亿元。

下一步,市工信局将聚焦重点产业链,加快推进项目建设,强化企业服务,确保全年规模以上工业增加值增长8%以上。
【打印】【关闭】`;

/** The same report on a content-farm mirror: a spam banner on top, other furniture, a reposting note. */
export const MIRRORED = `欢迎光临金沙娱乐城官方网站,注册即送彩金
青川市1-5月工业经济运行情况
时间:2025-06-19 14:02
字号:大 中 小

1-5月,全市规模以上工业增加值同比增长8.6%,增速比1-4月加快0.4个百分点,高于全省平均水平1.9个百分点。分门类看,制造业增加值增长9.3%,电力、热力、燃气及水生产和供应业增长4.1%。
重点产业带动作用明显。全市装备制造业增加值增长13.7%,占规模以上工业的比重达到36.2%;新材料产业增长11.5%,电子信息产业增长15.8%。新能源汽车产量达到2.35万辆,同比增长42.6%。
工业投资保持较快增长。1-5月,全市工业投资同比增长17.4%,其中技术改造投资增长21.3%。全市新开工亿元以上工业项目68个,计划总投资326.5亿元。
下一步,市工信局将聚焦重点产业链,加快推进项目建设,强化企业服务,确保全年规模以上工业增加值增长8%以上。
本站部分内容转载自网络,如有侵权请联系删除。`;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'twp' });

/** The mirror again, converted to traditional characters. */
export const TRADITIONAL = toTraditional(MIRRORED);

/** The city paper's fuller version: the report plus a paragraph of its own. */
export const WITH_PARAGRAPH = `${REPORT.replace('【打印】【关闭】', '')}
记者在青川经济技术开发区看到,多家装备制造企业生产线满负荷运转。开发区管委会负责人介绍,今年以来园区新增规模以上工业企业14家,前5个月园区工业产值增长12.2%。`;

/** The bureau's own correction of the report: one figure and one sentence changed. */
export const REVISED = REPORT.replace('新能源汽车产量达到2.35万辆,同比增长42.6%', '新能源汽车产量达到2.53万辆,同比增长46.2%').replace(
  '强化企业服务',
  '强化要素保障和企业服务',
);

/** A portal's short version: the first two paragraphs only. */
export const SHORTENED = REPORT.split('\n\n').slice(0, 3).join('\n\n');

/** The same bureau's report for the previous month: same template, other figures. Must stay apart. */
export const PREVIOUS_MONTH = `青川市1-4月工业经济运行情况
发布时间:2025-05-20 10:15
来源:青川市工业和信息化局

1-4月,全市规模以上工业增加值同比增长8.2%,增速比一季度加快0.3个百分点,高于全省平均水平1.6个百分点。分门类看,制造业增加值增长8.9%,电力、热力、燃气及水生产和供应业增长3.7%。

重点产业带动作用明显。全市装备制造业增加值增长12.9%,占规模以上工业的比重达到35.8%;新材料产业增长10.7%,电子信息产业增长14.6%。新能源汽车产量达到1.82万辆,同比增长39.4%。

工业投资保持较快增长。1-4月,全市工业投资同比增长16.1%,其中技术改造投资增长19.8%。全市新开工亿元以上工业项目53个,计划总投资251.3亿元。

下一步,市工信局将聚焦重点产业链,加快推进项目建设,强化企业服务,确保全年规模以上工业增加值增长8%以上。
【打印】【关闭】`;

/** Another report from the same bureau in the same month, on another subject. Must stay apart. */
export const SAME_BUREAU_OTHER = `青川市召开2025年工业技术改造推进会
发布时间:2025-06-12 16:40
来源:青川市工业和信息化局

6月11日,全市工业技术改造推进会召开。会议通报了1-5月全市技术改造工作情况,部署下一阶段重点任务。

会议指出,今年以来全市技术改造投资增长21.3%,实施500万元以上技术改造项目186个,其中智能化改造项目74个,数字化车间和智能工厂新增23家。

会议要求,各县区和开发区要聚焦装备制造、新材料和电子信息等重点产业,推动企业设备更新和工艺升级,确保全年完成技术改造投资180亿元以上,新增省级智能工厂10家。

市工信局主要负责同志出席会议并讲话,各县区工信部门和重点企业负责人参加会议。
【打印】【关闭】`;

/** A neighbouring city's report on the same template. Must stay apart. */
export const OTHER_CITY = REPORT.replaceAll('青川', '白河')
  .replace('8.6%', '7.1%')
  .replace('9.3%', '7.8%')
  .replace('13.7%', '10.2%')
  .replace('2.35万辆', '0.87万辆')
  .replace('17.4%', '9.6%')
  .replace('68个', '31个')
  .replace('326.5亿元', '142.8亿元');

/** Short items of other news, for a round-up page that quotes a paragraph of the report among them. */
const OTHER_NEWS = `白河市召开民营经济发展大会。会议表彰了2024年度优秀民营企业50家,发布了支持民营经济发展的二十条措施,涉及融资担保、用地保障和人才引进等方面。
安平县新能源电池材料产业园开工建设,项目总投资86亿元,建成后可形成年产12万吨正极材料的生产能力,预计年产值超过150亿元。
临江区举办工业互联网赋能对接活动,38家平台服务商与120余家制造企业现场交流,签约数字化改造项目27个。`;

/** A weekly round-up: other news and the report's first paragraph. Must stay apart from the report. */
export const ROUNDUP = `${OTHER_NEWS}\n${REPORT.split('\n\n')[1]}`;

/** The city paper's own piece on the same period, quoting a figure that the bureau states otherwise. */
export const INTERVIEW = `青川经济观察:工业用电量折射制造业回暖
记者从国网青川供电公司了解到,1-5月全市工业用电量达到48.7亿千瓦时,同比增长9.8%,其中高技术制造业用电量增长16.3%。
供电公司营销部负责人表示,工业用电量与工业生产高度相关。据测算,1-5月全市规模以上工业增加值同比增长8.4%,装备制造和电子信息企业用电增长最快。
多家企业负责人告诉记者,二季度订单明显增加,部分企业已经排产到9月。`;
