import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectDigest } from '../../src/digest/collect.ts';
import { renderDigest } from '../../src/digest/render.ts';
import { dedupFeatures } from '../../src/dedup/features.ts';
import type { Figure } from '../../src/figures/types.ts';
import { SourceSchema } from '../../src/sources/schema.ts';
import { saveArticle } from '../../src/store/articles.ts';
import { syncSources } from '../../src/store/sources.ts';
import { listStories } from '../../src/store/stories.ts';
import { BACKENDS, type TestDb } from '../helpers/db.ts';
import * as T from './texts.ts';

const source = (id: string, name: string) =>
  SourceSchema.parse({ id, name, region: '青川市', list: { urls: [`http://${id}.example.cn/list.html`], item: 'li' } });
const SOURCES = [
  source('qc-gxj', '青川市工信局'),
  source('qc-daily', '青川日报'),
  source('farm', '某资讯站'),
  source('portal', '省政府门户'),
  source('bh-gxj', '白河市工信局'),
];

const cars = (value: number): Figure => ({
  tier: 1,
  region: '青川市',
  period: '2025-01~2025-05',
  indicator: '新能源汽车产量',
  kind: 'amount',
  value,
  unit: '万辆',
  basis: null,
  target: false,
  quote: `新能源汽车产量达到${value}万辆`,
});
const growth: Figure = { ...cars(8.6), indicator: '规模以上工业增加值', kind: 'growth', unit: '%', basis: '同比', quote: '规模以上工业增加值同比增长8.6%' };

function save(t: TestDb, sourceId: string, url: string, text: string, fetchedAt: string, figures: Figure[] = []) {
  return saveArticle(
    t.db,
    {
      sourceId,
      url,
      title: text.split('\n').find((l) => l.includes('青川') || l.includes('白河')) ?? '报道',
      publishedAt: null,
      region: sourceId === 'bh-gxj' ? '白河市' : '青川市',
      rawHash: `raw-${url}`,
      contentHash: dedupFeatures(text).contentHash,
      cleanText: text,
      relevance: { relevant: true, score: 1, reasons: ['test'] },
      fetchedAt: new Date(fetchedAt),
    },
    figures,
  );
}

const BUREAU = 'http://gxj.qingchuan.gov.cn/art/2025/6/18/art_1_101.html';

describe.each(BACKENDS)('story clusters on %s', (_name, open) => {
  let t: TestDb;
  const story: Record<string, number> = {};
  beforeAll(async () => {
    t = await open();
    await syncSources(t.db, SOURCES);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('files every copy of a report under one story, and other reports under their own', async () => {
    const mirror = await save(t, 'farm', 'http://www.zixun-farm.com/news/88231.html', T.TRADITIONAL, '2025-06-18T03:00:00Z', [cars(2.35)]);
    const bureau = await save(t, 'qc-gxj', BUREAU, T.REPORT, '2025-06-18T05:00:00Z', [cars(2.35), growth]);
    const paper = await save(t, 'qc-daily', 'http://www.qcdaily.cn/jj/202506/t20250619_5512.html', T.WITH_PARAGRAPH, '2025-06-19T01:00:00Z', [growth]);
    const portal = await save(t, 'portal', 'http://www.province.gov.cn/xw/sx/202506/t20250619_9.html', T.SHORTENED, '2025-06-19T02:00:00Z');
    const banner = await save(t, 'farm', 'http://www.zixun-farm.com/news/88240.html', T.MIRRORED, '2025-06-19T03:00:00Z');
    expect(mirror.status).toBe('new');
    expect([bureau, paper, portal, banner].map((s) => s.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(new Set([mirror, bureau, paper, portal, banner].map((s) => s.storyId))).toEqual(new Set([mirror.storyId]));
    story.report = mirror.storyId;

    const previous = await save(t, 'qc-gxj', 'http://gxj.qingchuan.gov.cn/art/2025/5/20/art_1_99.html', T.PREVIOUS_MONTH, '2025-06-19T04:00:00Z');
    const meeting = await save(t, 'qc-gxj', 'http://gxj.qingchuan.gov.cn/art/2025/6/12/art_1_100.html', T.SAME_BUREAU_OTHER, '2025-06-19T04:00:00Z');
    const neighbour = await save(t, 'bh-gxj', 'http://gxj.baihe.gov.cn/art/2025/6/18/art_7_31.html', T.OTHER_CITY, '2025-06-19T04:00:00Z');
    const roundup = await save(t, 'qc-daily', 'http://www.qcdaily.cn/zb/202506/t20250620_1.html', T.ROUNDUP, '2025-06-20T01:00:00Z');
    expect([previous, meeting, neighbour, roundup].map((s) => s.status)).toEqual(['new', 'new', 'new', 'new']);
    expect(new Set([previous, meeting, neighbour, roundup, mirror].map((s) => s.storyId)).size).toBe(5);
    expect(await t.db.selectFrom('stories').select('id').execute()).toHaveLength(5);
  });

  it('shows the official source as the story’s primary article, not the mirror that came first', async () => {
    const s = await t.db
      .selectFrom('stories')
      .innerJoin('articles', 'articles.id', 'stories.primary_article_id')
      .select(['articles.url', 'stories.revised_at'])
      .where('stories.id', '=', story.report)
      .executeTakeFirstOrThrow();
    expect(s).toEqual({ url: BUREAU, revised_at: null });
  });

  it('lists each story once for the web pages, with its other places', async () => {
    const stories = await listStories(t.db, { limit: 50 });
    expect(stories).toHaveLength(5);
    const report = stories.find((s) => s.storyId === story.report)!;
    expect(report.url).toBe(BUREAU);
    expect(report.alsoAt).toHaveLength(4);
    expect((await listStories(t.db, { limit: 50, region: '白河市' })).map((s) => s.sourceName)).toEqual(['白河市工信局']);
  });

  it('writes nothing for a page seen again unchanged', async () => {
    const again = await save(t, 'qc-gxj', BUREAU, T.REPORT, '2025-06-21T00:00:00Z');
    expect(again).toMatchObject({ status: 'unchanged', storyId: story.report });
  });

  it('mails one entry per story with every place it appeared and the figures the places disagree on', async () => {
    const digest = await collectDigest(t.db, { since: new Date('2025-06-18T00:00:00Z'), until: new Date('2025-06-21T00:00:00Z') });
    expect(digest.entries).toHaveLength(5);
    const entry = digest.entries.find((e) => e.storyId === story.report)!;
    expect(entry).toMatchObject({ url: BUREAU, sourceName: '青川市工信局', revised: false });
    expect(entry.alsoAt.map((a) => a.sourceName).sort()).toEqual(['某资讯站', '某资讯站', '省政府门户', '青川日报'].sort());
    // Two places state each figure: it is listed once.
    expect(entry.figures.map((f) => `${f.indicator} ${f.value}`).sort()).toEqual(['新能源汽车产量 2.35', '规模以上工业增加值 8.6']);
    expect(entry.conflicts).toEqual([]);
    const { text } = renderDigest(digest, { lang: 'en' });
    expect(text.match(/青川市1-5月工业经济运行情况/g)).toHaveLength(1);
    expect(text).toContain('Also reported by: ');
    expect(text).toContain('省政府门户 <http://www.province.gov.cn/xw/sx/202506/t20250619_9.html>');
  });

  it('takes a revision of a page into its story, marked revised, and not mailed as new', async () => {
    const revised = await save(t, 'qc-gxj', 'http://gxj.qingchuan.gov.cn/art/2025/6/22/art_1_105.html', T.REVISED, '2025-06-22T02:00:00Z', [cars(2.53)]);
    expect(revised).toMatchObject({ status: 'revised', storyId: story.report });
    const late = await save(t, 'farm', 'http://www.zixun-farm.com/news/88301.html', T.MIRRORED.replace('欢迎光临', '欢迎访问'), '2025-06-22T03:00:00Z');
    expect(late).toMatchObject({ status: 'duplicate', storyId: story.report });

    const digest = await collectDigest(t.db, { since: new Date('2025-06-21T00:00:00Z'), until: new Date('2025-06-23T00:00:00Z') });
    expect(digest.entries).toHaveLength(1);
    const entry = digest.entries[0];
    expect(entry).toMatchObject({ storyId: story.report, revised: true });
    expect(entry.conflicts).toHaveLength(1);
    expect(entry.conflicts![0].values.map((v) => v.value).sort()).toEqual([2.35, 2.53]);
    const { text, html } = renderDigest(digest, { lang: 'en' });
    expect(text).toContain('[revised]');
    expect(text).toMatch(/Sources disagree on 新能源汽车产量, 青川市, 2025-01~2025-05: 2.35万辆 \(.*\) vs 2.53万辆 \(青川市工信局\)/);
    expect(html).toContain('Sources disagree on');
  });

  it('marks a page whose own text changed as a revision of its story', async () => {
    const updated = await save(t, 'qc-daily', 'http://www.qcdaily.cn/jj/202506/t20250619_5512.html', `${T.WITH_PARAGRAPH}\n(本文有更新)`, '2025-06-23T01:00:00Z');
    expect(updated).toMatchObject({ status: 'updated', storyId: story.report });
    const s = await t.db.selectFrom('stories').select('revised_at').where('id', '=', story.report).executeTakeFirstOrThrow();
    expect(s.revised_at?.toISOString()).toBe('2025-06-23T01:00:00.000Z');
  });

  it('flags the same figure with another value in another story of the same region and period', async () => {
    const other = await save(t, 'qc-daily', 'http://www.qcdaily.cn/jj/202506/t20250624_6001.html', T.INTERVIEW, '2025-06-24T01:00:00Z', [
      { ...growth, value: 8.4, quote: '规模以上工业增加值同比增长8.4%' },
    ]);
    expect(other.status).toBe('new');
    const digest = await collectDigest(t.db, { since: new Date('2025-06-24T00:00:00Z'), until: new Date('2025-06-25T00:00:00Z') });
    const entry = digest.entries.find((e) => e.storyId === other.storyId)!;
    expect(entry.conflicts?.map((c) => [c.indicator, c.values.map((v) => v.value).sort()])).toEqual([['规模以上工业增加值', [8.4, 8.6]]]);
  });
});
