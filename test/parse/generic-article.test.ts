import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/parse/generic-article.ts';

// A made-up government news page with the usual furniture around the article.
const PARAGRAPHS = [
  '3月11日，记者从市工业和信息化局获悉，一季度全市规模以上工业增加值同比增长6.5%，高于全省平均水平1.2个百分点。',
  '其中，高技术制造业增加值增长12.3%，占规模以上工业比重达到21.4%，较上年同期提高2.1个百分点；新能源汽车产量3.2万辆，同比增长45%。',
  '市工信局有关负责人表示，下一步将继续推进“智改数转”，全年计划实施技术改造项目320个，完成工业投资480亿元。',
];

function govPage(opts: { meta?: string; byline?: string; extra?: string } = {}): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>一季度全市工业增加值增长6.5%_市工业和信息化局_某市人民政府</title>
${opts.meta ?? ''}
</head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; 工作动态</div>
<div class="main">
  <h1 class="art-title">一季度全市工业增加值增长6.5%</h1>
  <div class="info">${opts.byline ?? '发布时间：2024-03-11 09:30　来源：市工信局　浏览次数：128'}</div>
  <div class="share">分享到：<a href="#">微信</a><a href="#">微博</a></div>
  <div class="art-content">
    ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n    ')}
    <p>（完）</p>
    <p>责任编辑：王小明</p>
  </div>
  ${opts.extra ?? ''}
  <div class="related"><h3>相关新闻</h3><ul>
    <li><a href="/a/1.html">市工信局召开2024年全市工业经济运行分析会议</a><span>2024-02-20</span></li>
    <li><a href="/a/2.html">全市新能源汽车产业链项目集中签约活动举行</a><span>2024-02-18</span></li>
    <li><a href="/a/3.html">关于组织申报2024年度技术改造专项资金项目的通知</a><span>2024-01-30</span></li>
  </ul></div>
</div>
<div class="footer">主办单位：某市人民政府办公室　地址：某市人民路1号　邮编：100000　网站标识码：1234567890</div>
</body></html>`;
}

describe('extractArticle', () => {
  it('takes the headline from the page, not the <title> with the site name', () => {
    expect(extractArticle(govPage()).title).toBe('一季度全市工业增加值增长6.5%');
  });

  it('reads the visible time under the headline', () => {
    expect(extractArticle(govPage()).published).toBe('2024-03-11 09:30');
  });

  it('keeps the article paragraphs, one a line, and leaves out navigation, sharing, end mark, editor and related links', () => {
    const { text } = extractArticle(govPage());
    expect(text.split('\n')).toEqual(PARAGRAPHS);
  });

  it('falls back to meta tags when the page shows no date', () => {
    const page = govPage({ byline: '来源：市工信局', meta: '<meta name="PubDate" content="2024-03-10 16:45">' });
    expect(extractArticle(page).published).toBe('2024-03-10 16:45');
  });

  it('gives a date without time when the page shows only a date', () => {
    expect(extractArticle(govPage({ byline: '[2024-03-11]' })).published).toBe('2024-03-11');
  });

  it('uses the meta date for the year of a visible year-less date', () => {
    const page = govPage({ byline: '03-11 09:30', meta: '<meta property="article:published_time" content="2024-03-11T09:30:05+08:00">' });
    expect(extractArticle(page).published).toBe('2024-03-11 09:30');
  });

  it('does not take a date from the body text for the publication date', () => {
    const page = govPage({ byline: '来源：市工信局', extra: '<div class="date">发布日期：2024-03-12</div>' });
    expect(extractArticle(page).published).toBe('2024-03-12');
  });

  it('leaves out a comment area', () => {
    const comments = `<div class="comment-list">${['说得好，支持！', '我们厂也在搞技改，效果不错。', '希望多出台一些扶持中小企业的政策。']
      .map((c, i) => `<div class="item"><a href="/u/${i}">网友${i}</a><p>${c}</p></div>`)
      .join('')}</div>`;
    const { text } = extractArticle(govPage({ extra: comments }));
    expect(text).not.toContain('网友');
    expect(text).not.toContain('说得好');
  });

  it('drops a source credit in brackets closing the last paragraph', () => {
    const html = `<html><head><title>新闻</title></head><body><h1>开发区新签约项目十个</h1>
<div id="zoom">开发区新签约项目十个，总投资35亿元，涉及装备制造、新材料等领域，预计年底前全部开工建设。（开发区管委会）</div></body></html>`;
    const r = extractArticle(html);
    expect(r.title).toBe('开发区新签约项目十个');
    expect(r.text).toBe('开发区新签约项目十个，总投资35亿元，涉及装备制造、新材料等领域，预计年底前全部开工建设。');
    expect(r.published).toBeNull();
  });

  it('splits text separated by <br> into lines', () => {
    const html = `<html><body><h1>通知</h1><div class="TRS_Editor">第一，企业应于4月30日前提交申报材料，逾期不予受理。<br><br>第二，申报材料一式三份，报送至市工信局技术改造科。<br>第三，联系电话：1234567。</div></body></html>`;
    expect(extractArticle(html).text.split('\n')).toEqual([
      '第一，企业应于4月30日前提交申报材料，逾期不予受理。',
      '第二，申报材料一式三份，报送至市工信局技术改造科。',
      '第三，联系电话：1234567。',
    ]);
  });

  it('returns nothing useful for a page with no text, without throwing', () => {
    expect(extractArticle('<html><body></body></html>')).toMatchObject({ title: null, published: null, text: '' });
  });
});
