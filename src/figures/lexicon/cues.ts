/**
 * The words that tell what kind of figure a number is, and what frames it. Every entry is
 * a plain word; the extractor builds its regexes from these lists.
 */

/** Verbs right before a percentage that make it a change; `sign` is the direction. */
export const GROWTH_CUES: { word: string; sign: 1 | -1 }[] = [
  { word: '增长', sign: 1 },
  { word: '增幅', sign: 1 },
  { word: '增速', sign: 1 },
  { word: '上涨', sign: 1 },
  { word: '上升', sign: 1 },
  { word: '提高', sign: 1 },
  { word: '提升', sign: 1 },
  { word: '增加', sign: 1 },
  { word: '扩大', sign: 1 },
  { word: '增', sign: 1 },
  { word: '涨', sign: 1 },
  { word: '下降', sign: -1 },
  { word: '下滑', sign: -1 },
  { word: '回落', sign: -1 },
  { word: '减少', sign: -1 },
  { word: '降低', sign: -1 },
  { word: '收窄', sign: -1 },
  { word: '缩小', sign: -1 },
  { word: '降幅', sign: -1 },
  { word: '下跌', sign: -1 },
  { word: '减', sign: -1 },
  { word: '降', sign: -1 },
  { word: '跌', sign: -1 },
];

/** Words between a cue and its number that change nothing. */
export const CUE_FILLERS = ['同比', '分别', '约', '近', '超过', '超', '逾', '达到', '达', '了', '为', '至', '到', '要', '将', '可', '均', '高达', '突破', '接近', '以上', '左右', '仍'];

/** Words after which a percentage is a level, not a change (`升至`, `提高到`). */
export const LEVEL_CUES = ['升至', '增至', '降至', '提高到', '提高至', '提升到', '提升至', '下降到', '下降至', '达到', '达', '为', '占'];

/** Endings of an indicator that make a percentage a share. */
export const SHARE_ENDINGS = ['比重', '占比', '份额', '比例', '率', '面', '覆盖率', '贡献率', '占有率'];

/** Comparisons that make `N个百分点` a gap; `sign` of the difference. */
export const GAP_CUES: { word: string; sign: 1 | -1 }[] = [
  { word: '高于', sign: 1 },
  { word: '快于', sign: 1 },
  { word: '领先', sign: 1 },
  { word: '超过', sign: 1 },
  { word: '高出', sign: 1 },
  { word: '拉动', sign: 1 },
  { word: '提高', sign: 1 },
  { word: '提升', sign: 1 },
  { word: '增加', sign: 1 },
  { word: '扩大', sign: 1 },
  { word: '加快', sign: 1 },
  { word: '上升', sign: 1 },
  { word: '低于', sign: -1 },
  { word: '慢于', sign: -1 },
  { word: '落后', sign: -1 },
  { word: '下降', sign: -1 },
  { word: '回落', sign: -1 },
  { word: '减少', sign: -1 },
  { word: '降低', sign: -1 },
  { word: '收窄', sign: -1 },
  { word: '放缓', sign: -1 },
  { word: '减缓', sign: -1 },
  { word: '放慢', sign: -1 },
  { word: '缩小', sign: -1 },
  { word: '下滑', sign: -1 },
  { word: '回升', sign: 1 },
  { word: '超出', sign: 1 },
];

/**
 * Words that open what a gap is measured against, or its direction: the gap's subject is what
 * stands before the first of them (`增速同比提高…` → `增速`). 比 counts alone only where it is
 * not part of 同比 or 占比, which the rule checks.
 */
export const GAP_SUBJECT_ENDS = ['同比', '同期', '高于', '低于', '快于', '慢于', '领先', '高出', '超过', '超出', '落后', '较', '比', '与'];

/** Rates of decline: a gap in one reverses its direction (`降幅收窄1.9个百分点` is +1.9). */
export const DECLINE_RATES = ['降幅'];

/** The verb of a contribution to growth (`制造业拉动全市工业增长2.1个百分点`). */
export const PULL_VERBS = ['拉动', '带动'];

/** Words just before a `第N`/`首位` that make it a rank. */
export const RANK_CUES = ['位居', '位列', '名列', '排名', '排在', '排', '稳居', '跃居', '居于', '居', '列', '保持', '跃升至', '跃升到', '上升至', '上升到', '提升至', '提升到', '升至'];

/** Rank words that mean first. */
export const FIRST_WORDS = ['首位', '之首', '榜首', '第一位'];

/** A figure is a goal when one of these stands before it in its clause. */
export const TARGET_CUES = ['力争', '争取', '要达到', '要实现', '计划投资', '计划', '预计', '将达到', '将超', '将', '可新增', '目标', '确保', '拟', '有望', '达产后', '建成后', '投产后', '达效后'];

/** Words in a clause that make a figure a stock (period null). */
export const STOCK_CUES = ['累计', '总数', '截至目前', '目前', '现有', '现已', '拥有', '已有', '总量达'];

/**
 * Verbs after 累计 that make it a running total of a flow over the period stated (`1-10月累计实现增加值`),
 * not a stock (`累计达到81家`).
 */
export const CUMULATIVE_FLOW_VERBS = ['实现', '完成', '生产', '销售', '产出', '出口', '进口', '引进', '招引', '签约', '开工', '新增'];

/** Verbs that open a flow and stay in its indicator (`新增…` apart from the total beside it). */
export const FLOW_PREFIXES = ['新增', '新获评', '新认定', '新培育', '新建', '新引进', '新签约', '新开工', '新入选', '新获批', '新备案', '新登记', '新注册', '新上', '年产', '新落地', '新入规', '新进规', '新升规'];;

/**
 * Verbs that, after `N家企业`, say what the counted things did; the gold style writes them
 * before the noun (`纳入…信息库企业`).
 */
export const RESULT_VERBS = ['榜上有名', '入选', '入围', '纳入', '通过', '完成', '取得', '签署', '达成', '获评', '获得', '获批', '上榜', '进入', '验证', '已陆续', '陆续', '已', '顺利', '投产', '建成', '建设完成', '落地', '签约', '位列', '列入', '认定', '参与', '实现', '各获得', '开工', '竣工'];

/** After a number and its unit, these words show that it is not followed by a noun. */
export const NOT_NOUN_STARTS = ['以上', '以下', '以内', '及以上', '左右', '之', '的', '同比', '比', '较', '增长', '下降', '占', '位居', '居', '列', '排', '是', '为', '分别', '和', '及', '与', '至', '到', '后', '前', '内', '其中', '以', '用于', '主要', '共', '累计', '达', '同期', '增速', '建设', '用', '投资', '实施', '开展', '推动', '带动', '在', '左', '上下', '规模', '资金', '近日', '日前', '近期', '此前', '昨日', '今天', '今年', '目前'];

/** Verbs of being selected into a list, and the verb the indicator is written with (`榜上有名` → `入选`). */
export const SELECTION_VERBS: Record<string, string> = { 入选: '入选', 上榜: '上榜', 入围: '入围', 榜上有名: '入选' };

/**
 * What a list of subjects before `分别` may share, written once after the last of them
 * (`采矿业、制造业增加值` → `采矿业增加值`, `制造业增加值`).
 */
export const SHARED_MEASURES = ['增加值', '总产值', '产值', '营业收入', '主营业务收入', '营收', '利润总额', '利润', '投资', '产量', '出口额', '出口', '进出口额', '用电量', '能耗', '销售收入', '销售额', '销量'];

/** Words that narrow a figure to one month or quarter of a run (`4月份当月增长`); they name no indicator. */
export const PERIOD_QUALIFIERS = ['当月', '单月', '本月', '当季', '单季度', '单季', '本季度'];

/** Notes on how a figure is reckoned, written between its indicator and its value (`增加值按可比价格计算,同比增长…`). */
export const CALCULATION_NOTES = ['按可比价格计算', '按可比价计算', '按现价计算', '按当年价格计算'];

/** Words before a sum of money that make it a project's investment (`协议总投资3亿元的某某项目`). */
export const INVESTMENT_CUES = ['协议总投资', '计划总投资', '总投资额', '总投资', '协议投资', '计划投资', '投资'];

/** Words before a quantity that make it a capacity, and the measure the indicator takes (`年产10万吨` → `年产能`). */
export const CAPACITY_CUES: Record<string, string> = { 年产: '年产能', 年产能: '年产能', 年处理: '年处理能力', 产能: '产能' };

/** Endings of a project's name: what an investment or capacity written before it belongs to. */
export const PROJECT_ENDINGS = ['项目', '生产线', '产业链', '基地', '产业园', '工厂'];

/**
 * `增速由上月的7.5%回落至4.2%`: the word that opens the earlier value, and the verbs that lead
 * from it to the later one. Both values are changes; the later one's sign is its own word's
 * (`回升至增长0.3%`, `回落至下降1.2%`).
 */
export const CHANGE_FROM_WORDS = ['由', '从'];
export const CHANGE_TO_VERBS = ['回升至', '回升到', '回落至', '回落到', '上升至', '上升到', '提高至', '提高到', '提升至', '提升到', '加快至', '放缓至', '下降至', '下降到', '扩大至', '收窄至', '转为', '升至', '降至'];

/** Verbs of making a product (`生产汽车6.4万辆`): the figure is the product's output, `产量`. Not 制造, which names more than it makes (`智能制造示范工厂`). */
export const OUTPUT_VERBS = ['生产', '产出'];
/** What a verb of making is followed by when it is part of a name, not a product (`生产总值`, `生产和供应业`). */
export const NOT_PRODUCT_START = ['总值', '和', '及', '与', '经营', '性', '线', '基地', '企业', '能力', '规模', '任务'];

/**
 * `A、B、C等行业增加值`, `A、B和C三大支柱行业…`: the words that close a list of sectors; what
 * follows them (`行业增加值`) is every item's measure. Qualifiers may stand between the count
 * and the class word.
 */
export const SECTOR_CLASSES = ['行业', '产业', '领域', '板块', '门类', '产品'];
export const SECTOR_QUALIFIERS = ['重点', '主要', '支柱', '传统', '新兴', '优势', '主导', '新'];

/**
 * `99种产品产量保持增长`, `8个地区呈现两位数增长`: the predicate of growth after a count of
 * things, which the indicator puts before them (`产量保持增长的产品`). Verbs that may open it,
 * what may stand between them and 增长, and the measures that may come first.
 */
export const GROWING_VERBS = ['保持', '实现', '呈现', '均为', '继续', '均'];
export const GROWING_DEGREES = ['两位数', '正', '较快', '快速'];
export const GROWING_MEASURES = ['产量', '产值', '增加值', '营业收入', '利润'];

/** A rate compared (`增速较一季度持平`) and found unchanged: a gap of nought points. */
export const FLAT_COMPARED = ['与', '较', '比', '同'];
export const FLAT_WORDS = ['持平'];

/** Words of a difference in a count against a basis (`比上年多21家`). */
export const COUNT_DIFFERENCE_VERBS = ['增加', '多', '减少', '少', '新增'];

/** Bounds after a threshold that a count of things is taken over (`增速20%以上`). */
export const THRESHOLD_BOUNDS = ['以上', '及以上'];

/** Verbs of a move in a ranking (`从第23位提升到第1位`). */
export const RANK_MOVE_VERBS = ['提升', '上升', '前进', '跃升', '提高', '攀升', '升', '前移', '下降', '下滑', '回落', '后退', '后移', '降'];

/** Verbs of an amount changing to another (`从39家增加至117家`), before 至/到. */
export const AMOUNT_TO_VERBS = ['增加', '增长', '增', '提高', '提升', '上升', '扩大', '发展', '跃升', '攀升', '减少', '下降', '降'];
