import { describe, expect, it } from 'vitest';
import { listPageUrl, parseListPage } from '../../src/crawl/list-page.ts';
import { draftId, draftName, pageNames } from '../../src/sources/draft-names.ts';
import { proposePagination } from '../../src/sources/draft-pagination.ts';
import { ListSchema } from '../../src/sources/schema.ts';
import { html } from '../fixtures/http-site.ts';

const URL1 = 'http://127.0.0.1:8080/gzdt/index.html';
const entries = '<ul class="list"><li><a href="./202603/t20260311_1.html">全市工业经济运行情况通报</a><span>2026-03-11</span></li></ul>';
const list = (pager: string, title = '工作动态') => html(title, `${entries}<div class="page">${pager}</div>`);

describe('pagination of a draft', () => {
  it.each([
    ['a next link with a class of its own', '<a href="index_2.html" class="next">下一页</a>', { next: 'a.next', page2: 'http://127.0.0.1:8080/gzdt/index_2.html' }],
    ['a bare 下一页 link, by its text', '<a href="index.html">1</a><a href="index_2.html">2</a><a href="index_2.html">下一页</a>', { nextText: '下一页' }],
    ['a traditional 下一頁 link', '<a href="list_2.htm">下一頁</a>', { nextText: '下一頁' }],
    ['a » link', '<b>1</b><a href="?page=2">2</a><a href="?page=2">»</a>', { nextText: '»', page2: 'http://127.0.0.1:8080/gzdt/index.html?page=2' }],
    ['a > link (written &gt;)', '<a href="index_2.html">&gt;</a>', { nextText: '>' }],
    ['a createPageHTML(…) script', '<script>createPageHTML(7, 0, "index", "shtml");</script>', { pagePattern: 'index_{n-1}.shtml', maxPages: 7, page2: 'http://127.0.0.1:8080/gzdt/index_1.shtml' }],
    ['a createPageHTML(…) script with variables', '<script>var countPage = 4;var currentPage = 0;createPageHTML("page_div", countPage, currentPage, "index", "html", 60);</script>', { pagePattern: 'index_{n-1}.html', maxPages: 4 }],
    ['a numbered pager of index_N.html without next link', '<span>1</span><a href="index_2.html">2</a><a href="index_3.html">3</a>', { pagePattern: 'index_{n}.html', maxPages: 3 }],
    ['a numbered pager whose page 2 is index_1.html', '<span>1</span><a href="index_1.html">2</a><a href="index_2.html">3</a>', { pagePattern: 'index_{n-1}.html', maxPages: 3 }],
    ['a numbered pager of ?page=N, page count said in text', '<span>共12页</span><span>1</span><a href="list.jsp?page=2&col=3">2</a>', { pagePattern: 'list.jsp?page={n}&col=3', maxPages: 12 }],
  ])('finds %s', (_, pager, expected) => {
    expect(proposePagination(list(pager), URL1, 'ul.list li')).toMatchObject(expected);
  });

  it('finds none on a single page, and never takes a list entry for the pager', () => {
    expect(proposePagination(list('<span>共1页</span>'), URL1, 'ul.list li')).toBeNull();
    expect(proposePagination(html('x', '<ul class="list"><li><a href="/a.html">下一页</a></li></ul>'), URL1, 'ul.list li')).toBeNull();
    expect(proposePagination(list('<a href="javascript:goPage(2)">下一页</a>'), URL1, 'ul.list li')).toBeNull();
  });

  it('follows what it proposes: nextText picks the link by its text, {n-1} counts from index_1', () => {
    const parsed = parseListPage(list('<a href="index.html">首页</a><a href="index_9.html">尾页</a><a href="index_2.html">下一页</a>'), URL1, ListSchema.parse({ urls: [URL1], item: 'ul.list li', nextText: '下一页' }));
    expect(parsed.next).toBe('http://127.0.0.1:8080/gzdt/index_2.html');
    const scoped = ListSchema.parse({ urls: [URL1], item: 'ul.list li', next: 'div.page a', nextText: '下一页' });
    expect(parseListPage(list('<a href="index_2.html">下一页</a>'), URL1, scoped).next).toBe('http://127.0.0.1:8080/gzdt/index_2.html');
    const trs = ListSchema.parse({ urls: [URL1], item: 'li', pagePattern: 'index_{n-1}.html', maxPages: 3 });
    expect([1, 2, 3].map((n) => listPageUrl(trs, URL1, n))).toEqual([URL1, 'http://127.0.0.1:8080/gzdt/index_1.html', 'http://127.0.0.1:8080/gzdt/index_2.html']);
  });
});

describe('names of a draft', () => {
  it.each([
    ['工作动态_示例市工业和信息化局', '示例市工业和信息化局 工作动态', 'shili-gongzuodongtai'],
    ['经济動態 - 示例市人民政府', '示例市人民政府 经济動態', 'shili-jingjidongtai'],
    ['通知公告', '通知公告', 'tongzhigonggao'],
    ['往期版面_示例日报电子版', '示例日报电子版 往期版面', 'slrbdzb-wangqibanmian'],
  ])('names the page titled %s', (title, name, id) => {
    const names = pageNames(html(title, ''));
    expect(draftName(names)).toBe(name);
    expect(draftId(names, 'http://127.0.0.1:8080/a/index.html')).toBe(id);
  });

  it('takes the column from the ColumnName meta or the breadcrumb, and falls back to the URL folders, not the host', () => {
    expect(pageNames(html('示例市统计局', '', '<meta name="ColumnName" content="统计数据">'))).toEqual({ site: '示例市统计局', column: '统计数据' });
    expect(pageNames(html('', '<div class="crumb">当前位置：首页 &gt; 信息公开 &gt; 统计数据</div>')).column).toBe('统计数据');
    expect(draftId(pageNames(html('', '')), 'http://127.0.0.1:8080/xxgk/tjsj/index.html')).toBe('xxgk-tjsj');
  });
});
