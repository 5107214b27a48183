/**
 * Words that frame a figure rather than make its kind: what makes a sentence a plan, what a
 * rank is ranked among, the words that stand for "the indicator just named", who speaks for a
 * firm. The extractor (`../extract.ts`) builds its regexes from these lists; order does not
 * matter (every regex is built longest word first).
 */

/** A sentence that opens with one of these states a goal (`力争…`, `预计…`); `到20xx年` is also one. */
export const SENTENCE_TARGET_OPENERS = ['力争', '争取', '计划', '预计', '目标'];

/** In a clause about a level (`打造千亿级产业集群`), these make it a goal. */
export const LEVEL_TARGET_CUES = ['打造', '培育', '目标', '建设', '加快', '力争', '迈向', '冲刺'];

/** The sets a rank is taken among (`全省`, `各市`); a `第N` near one of them is a rank. */
export const RANK_SETS = ['全国', '全省', '全市', '全区', '省内', '国内', '东北', '东三省', '全球', '世界', '各市', '城市'];
/** Further words that open what a rank is taken among, but do not on their own make `第N` a rank. */
export const RANK_SET_OPENERS = ['各省', '同类', '行业', '在'];

/** Words naming a rate of change: a subject ending in one is the rate of the indicator before it. */
export const RATE_WORDS = ['增速', '增幅', '增长率', '降幅'];

/** Subjects that name no indicator of their own: the figure is of the indicator just named. */
export const GENERIC_SUBJECTS = ['数量', '总数', '总量', '规模', '增速', '增幅', '总额', '总计', '合计', '数', '个数', '家数', '总数达到'];

/** Who speaks for a firm (`董事长表示`), unless an office (`局相关负责人`) stands before. */
export const FIRM_ROLES = ['负责人', '董事长', '总经理', '经理', '总裁', '创始人', '代表'];
export const SPEECH_VERBS = ['表示', '说', '称', '透露', '介绍'];
export const OFFICE_ENDINGS = ['局', '委', '厅', '办', '府', '管委会', '部门'];
/** A clause about one of these, told by a firm's speaker, is the firm's own plan. */
export const FIRM_WORDS = ['公司', '企业', '集团', '我们'];

/** `签约项目48个,总投资386.5亿元`: names of the investment of the things just counted. */
export const INVESTMENT_OF_COUNTED = ['总投资', '投资总额', '总投资额', '协议投资', '协议投资额', '计划总投资', '计划投资总额', '计划投资', '年度计划投资'];

/** `218家企业入选,入选数量居全省第3位`: the verb before 数量 that makes it the count just given. */
export const COUNTED_VERBS = ['入选', '上榜', '入围', '获评', '新增', '认定'];

/** Verbs that publish a list (`公布…名单`) and that say a list came out (`名单出炉`). */
export const LIST_PUBLISH_VERBS = ['公布', '发布', '公示'];
export const LIST_OUT_VERBS = ['公布', '发布', '出炉', '揭晓'];

/** `完成年度计划的54.6%`: the plan a share of progress is taken of. */
export const PLAN_WORDS = ['计划', '目标', '目标任务', '任务'];

/** A subject that is only a change word (`新增`, `较年初净增`) is a change of the indicator before. */
export const FLOW_ONLY_WORDS = ['净增', '新增', '增加', '减少'];

/** Words that open a point of an enumeration (`一是…;二是…`): the point speaks of what the one before did. */
export const ENUMERATORS = ['一是', '二是', '三是', '四是', '五是', '其一', '其二', '其三', '第一是', '第二是', '第三是'];

/** `在A、B等领域带动下`: words of what drove a change, which stand between its subject and its verb. */
export const DRIVER_WORDS = ['带动', '拉动', '推动', '支撑', '引领', '影响', '驱动'];

/** Words between a place and its value in a list (`黔南州占比1.4%`). */
export const PLACE_VALUE_LINKS = ['占比', '比重', '为', '达'];
/** Words that open a list of places with their values (`…前三的市州分别为`). */
export const LIST_VALUE_OPENERS = ['分别为', '分别是', '依次为', '分别有'];
/** Words before a place in a list that name no measure (`其中宁德市…`, `另有黔南州…`, `其余6个市州分别为…`). */
export const PLACE_LIST_PREFIXES = ['其中', '另有', '其余', '其他', '其它', '此外', '还有'];
/** Words right before the first place of a list of places (`九个设区市中除厦门、南平…`, `前两位的泉州、福州`). */
export const PLACE_LIST_LEADS = ['除', '中', '的', '为', '是', ',', ':', '其中'];
/** Words after the owner that a later 其 (its) refers to (`A企业在…中继续扮演…,其产值…`). */
export const OWNER_VERBS = ['在', '继续', '作为', '是', '成为', '发挥', '扮演', '保持', '实现', '完成'];
