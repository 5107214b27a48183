import { describe, expect, it } from 'vitest';
import { gapSubject, pullIndicator } from '../../../src/figures/rules/gap-subject.ts';
import { brief, figures } from '../helpers.ts';

describe('rule: the subject of a gap', () => {
  it('is what stands before the comparison or the direction', () => {
    expect(gapSubject('规上工业增加值增速同比提高')).toEqual({ subject: '规模以上工业增加值', decline: false });
    expect(gapSubject('技改投资增速高于全省')).toEqual({ subject: '技改投资', decline: false });
    expect(gapSubject('增速与去年同期相比加快')).toEqual({ subject: '', decline: false });
    expect(gapSubject('占比较上年')).toEqual({ subject: '占比', decline: false });
  });
  it('marks a rate of decline, whose gap runs the other way', () => {
    expect(gapSubject('降幅较一季度收窄')).toEqual({ subject: '', decline: true });
    expect(gapSubject('纺织业降幅扩大')).toEqual({ subject: '纺织业', decline: true });
  });
});

describe('rule: a gap takes the indicator before it when it names none', () => {
  it('in its own sentence and in the sentence after', () => {
    expect(brief('全省规上工业增加值增长6.5%,增速同比提高0.4个百分点。')).toContainEqual(['gap', 0.4, '百分点', '规模以上工业增加值增速']);
    expect(brief('全省工业投资增长8.8%。增速与去年同期相比加快2.5个百分点。')).toContainEqual(['gap', 2.5, '百分点', '工业投资增速']);
  });
  it('keeps a share\'s name for a change of that share', () => {
    expect(brief('高耗能行业占规上工业的比重为31.2%,同比下降0.7个百分点。')).toContainEqual(['gap', -0.7, '百分点', '高耗能行业占规模以上工业比重']);
  });
  it('turns a narrowing decline into a positive gap and a widening one negative', () => {
    expect(brief('纺织业增加值下降3.1%,降幅较上月收窄1.2个百分点。')).toContainEqual(['gap', 1.2, '百分点', '纺织业增加值增速']);
    expect(brief('纺织业增加值下降3.1%,降幅扩大0.6个百分点。')).toContainEqual(['gap', -0.6, '百分点', '纺织业增加值增速']);
    expect(brief('食品工业增长2.2%,较上月减缓0.8个百分点。')).toContainEqual(['gap', -0.8, '百分点', '食品工业增速']);
  });
});

describe('rule: a contribution to growth', () => {
  it('reads driver and what it drives, without the whole region', () => {
    expect(pullIndicator('高技术制造业拉动全区规上工业总产值增长')).toEqual({ driver: '高技术制造业', what: '规模以上工业总产值' });
    expect(pullIndicator('增长较快')).toBeNull();
  });
  it('names the indicator before it when the clause gives no driver', () => {
    expect(brief('五大重点行业增加值增长9.1%,合计拉动全省规模工业增长3.3个百分点。')).toContainEqual(['gap', 3.3, '百分点', '五大重点行业增加值拉动规模以上工业增长']);
    expect(brief('新投产企业拉动全市规上工业增长2.4个百分点。')).toContainEqual(['gap', 2.4, '百分点', '新投产企业拉动规模以上工业增长']);
  });
});

describe('a contribution and a pull after a figure of growth', () => {
  it('are of what grew, not of the share stated between', () => {
    const f = figures('上半年,全市装备制造业同比增长11%,对全市规上工业贡献率达58.6%,拉动全市工业增长4.4个百分点。', { published: '2024-07', region: '株洲市' });
    expect(f.map((x) => [x.kind, x.value, x.indicator])).toEqual([
      ['growth', 11, '装备制造业'],
      ['share', 58.6, '装备制造业对规模以上工业贡献率'],
      ['gap', 4.4, '装备制造业拉动工业增长'],
    ]);
  });
});
