import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerSourcesNew } from '../../src/cli/sources-new.ts';
import { formatSourceTest, testSource } from '../../src/cli/sources-test.ts';
import { loadSourceFile } from '../../src/sources/load.ts';
import { fixtureSource, UA } from '../fixtures/crawl-helpers.ts';
import { html, startSite, type FixtureSite } from '../fixtures/http-site.ts';

const TEXT = ['1至2月，全市规模以上工业增加值同比增长百分之七点五，增速居全省第二位。', '工业用电量增长百分之九点一，制造业投资增长百分之十四。'];
const titles = ['前两月全市工业经济开局良好', '市政府召开重点项目推进会', '新材料产业集群建设取得新进展', '工业和信息化工作会议召开'];

let site: FixtureSite;
let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-sources-'));
  const entries = titles.map((t, i) => `<li><a href="/xwzx/${i + 1}.html" target="_blank">${t}</a><span class="time">2026-03-0${i + 1}</span></li>`).join('');
  site = await startSite({
    '/robots.txt': { body: 'User-agent: *\nAllow: /\n', type: 'text/plain' },
    '/xwzx/index.html': {
      body: html('新闻中心_示例市工业和信息化局', `<div class="menu"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li></ul></div><div class="newsList"><ul>${entries}</ul></div><div class="foot">示例市工业和信息化局 版权所有</div>`),
    },
    ...Object.fromEntries(
      titles.map((t, i) => [
        `/xwzx/${i + 1}.html`,
        { body: html(`${t}_示例市工业和信息化局`, `<div class="menu"><a href="/">首页</a></div><div class="detail"><h2>${t}</h2><p class="src">来源：市工信局 发布日期：2026-03-0${i + 1}</p><div class="txt">${TEXT.map((p) => `<p>${p}</p>`).join('')}</div></div>`) },
      ]),
    ),
  });
});
afterAll(async () => {
  await site.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('sources new and sources test', () => {
  it('drafts selectors from the repeated link blocks of a list page, and the draft passes sources test', async () => {
    const program = new Command('sources').exitOverride();
    registerSourcesNew(program);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    // `sources new` reads its configuration from the environment; the fixture site is on loopback.
    vi.stubEnv('INDWATCH_ALLOW_ADDRESSES', '127.0.0.1');
    try {
      await program.parseAsync(['new', `${site.url}/xwzx/index.html`, '--region', '示例市', '--id', 'example-gxj', '--out', dir], { from: 'user' });
    } finally {
      out.mockRestore();
      vi.unstubAllEnvs();
    }
    const file = path.join(dir, 'example-gxj.yaml');
    const drafted = await loadSourceFile(file);
    const source = { ...drafted, politeness: { ...drafted.politeness, perMinute: 6000 } };
    expect(source.list).toMatchObject({ item: 'div.newsList li', link: 'a', date: 'span.time' });
    expect(source.verified).toBe(false);

    const result = await testSource(source, { userAgent: UA, allowAddresses: ['127.0.0.1'], articles: 2, pages: 1 });
    expect(result.ok).toBe(true);
    const report = formatSourceTest(source, result, 2);
    expect(report).toContain(`2026-03-01 00:00  前两月全市工业经济开局良好  ${site.url}/xwzx/1.html`);
    expect(report).toContain('  title: 前两月全市工业经济开局良好');
    expect(report).toContain('  date:  2026-03-01 00:00 (Asia/Shanghai)');
    expect(report).toContain(`    ${TEXT[0]}`);
    expect(report).toContain('  key figures:');
    expect(report).toContain('ok: the source yields articles');
    expect(result.pages.filter((p) => p.kind === 'article')).toHaveLength(2);
    // The first article starts a cold reading thread: slow on a busy machine.
  }, 120_000);

  it('says which selector found nothing', async () => {
    const source = fixtureSource({
      list: { urls: [`${site.url}/xwzx/index.html`], item: 'ul.news-items li' },
    });
    const result = await testSource(source, { userAgent: UA, allowAddresses: ['127.0.0.1'], articles: 1, pages: 1 });
    expect(result.ok).toBe(false);
    const report = formatSourceTest(source, result);
    expect(report).toContain('problem: list.item "ul.news-items li" matched nothing');
    expect(report).toContain('FAILED: the source would store nothing as it is');
  });
});
