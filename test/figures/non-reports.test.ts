import { describe, expect, it } from 'vitest';
import { classify } from '../../src/figures/classify.ts';
import { readsAsReport } from '../../src/figures/report.ts';
import { brief } from './helpers.ts';

const MARATHON = '临江马拉松鸣枪开跑。本报讯 11月3日,2024临江马拉松在滨江大道鸣枪开跑,来自26个国家和地区的3.2万名选手参赛,其中全程马拉松1.4万人。赛事招募志愿者3800名,设置补给站18个。男子组冠军以2小时10分05秒夺冠,比赛成绩比去年提高1.1%。赛道全长42.195公里,带动酒店入住率提升至93%,拉动旅游消费2.8亿元。';
const FESTIVAL = '临江市第六届非遗文化节开幕,为期5天的展演吸引观众9万人次,98个非遗项目参展,演出场次达64场,比上届增长15%,非遗展演共有赞助企业40家。非遗博物馆同期举办书展。';

describe('sports and culture stories', () => {
  it('read as no report', () => {
    expect(readsAsReport(MARATHON)).toBe(false);
    expect(readsAsReport(FESTIVAL)).toBe(false);
    expect(readsAsReport('1-9月,临江市规上工业增加值增长7.2%,工业投资增长9.5%。')).toBe(true);
  });
  it('give no key figures: participants, volunteers, times, distances, visitors', () => {
    expect(brief(MARATHON)).toEqual([]);
    expect(brief(FESTIVAL)).toEqual([]);
  });
  it('still give the economic figures a sports story quotes', () => {
    expect(brief(`${MARATHON}赛事赞助商今年营业收入增长12%。`).map((x) => [x[0], x[1]])).toEqual([['growth', 12]]);
  });
  it('are not mailed as reports', () => {
    expect(classify(MARATHON).relevant).toBe(false);
  });
  it('do not silence a report that mentions a race in passing', () => {
    const report = '前三季度,临江市规上工业增加值增长8.1%。全市新增规上工业企业86家。马拉松赛事带动消费增长。';
    expect(brief(report).map((x) => x[1])).toEqual([8.1, 86]);
  });
});
