import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../src/figures/types.ts';
import { knownUrls, saveArticle, type ArticleRecord } from '../../src/store/articles.ts';
import { crawlStates, finishCrawlRun, startCrawlRun, syncSources } from '../../src/store/sources.ts';
import { claimDelivery } from '../../src/store/deliveries.ts';
import { deactivateSubscriber, listSubscribers, upsertSubscriber } from '../../src/store/subscribers.ts';
import { demoSource } from '../../src/demo/source.ts';
import { BACKENDS, type TestDb } from '../helpers/db.ts';

const figure: Figure = {
  tier: 1,
  region: '滨海市',
  period: '2026-01~2026-09',
  indicator: '规模以上工业增加值',
  kind: 'growth',
  value: 8.6,
  unit: '%',
  basis: '同比',
  target: false,
  quote: '规模以上工业增加值同比增长8.6%',
};

function article(overrides: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    sourceId: 'demo-binhai-gxj',
    url: 'http://gxj.example.cn/art/2026/art_1.html',
    title: '前三季度全市工业经济稳中有进',
    publishedAt: new Date('2026-10-28T01:30:00Z'),
    region: '滨海市',
    rawHash: 'raw-1',
    contentHash: 'content-1',
    cleanText: '前三季度，滨海市规模以上工业增加值同比增长8.6%。',
    relevance: { relevant: true, score: 0.9, reasons: ['regional figures'] },
    fetchedAt: new Date('2026-11-01T00:00:00Z'),
    ...overrides,
  };
}

describe.each(BACKENDS)('storage on %s', (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('stores an article once per URL with its figures', async () => {
    const saved = await saveArticle(t.db, article(), [figure]);
    expect(saved.status).toBe('new');
    const again = await saveArticle(t.db, article({ fetchedAt: new Date('2026-11-02T00:00:00Z') }), [figure]);
    expect(again).toMatchObject({ status: 'unchanged', articleId: saved.articleId });
    const rows = await t.db.selectFrom('articles').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].updated_at.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(rows[0].relevance).toEqual({ score: 0.9, reasons: ['regional figures'] });
    const figs = await t.db.selectFrom('figures').selectAll().where('article_id', '=', saved.articleId).execute();
    expect(figs).toHaveLength(1);
    expect(figs[0]).toMatchObject({ indicator: '规模以上工业增加值', kind: 'growth', value: 8.6, unit: '%', target: false });
  });

  it('updates a page whose text changed and replaces its figures', async () => {
    const revised = article({ contentHash: 'content-2', cleanText: '修订后的文本', fetchedAt: new Date('2026-11-03T00:00:00Z') });
    const saved = await saveArticle(t.db, revised, [{ ...figure, value: 8.7 }, { ...figure, kind: 'rank', value: 2, unit: '位' }]);
    expect(saved.status).toBe('updated');
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', saved.articleId).executeTakeFirstOrThrow();
    expect(row.clean_text).toBe('修订后的文本');
    expect(row.fetched_at.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(row.updated_at.toISOString()).toBe('2026-11-03T00:00:00.000Z');
    const values = (await t.db.selectFrom('figures').select('value').where('article_id', '=', saved.articleId).orderBy('value').execute()).map((f) => f.value);
    expect(values).toEqual([2, 8.7]);
  });

  it('tells which URLs are already stored', async () => {
    const known = await knownUrls(t.db, ['http://gxj.example.cn/art/2026/art_1.html', 'http://gxj.example.cn/art/2026/art_2.html']);
    expect([...known]).toEqual(['http://gxj.example.cn/art/2026/art_1.html']);
    expect(await knownUrls(t.db, [])).toEqual(new Set());
  });

  it('keeps sources, crawl runs and their last summary', async () => {
    const source = demoSource('http://127.0.0.1:1/');
    await syncSources(t.db, [source]);
    const run = await startCrawlRun(t.db, source);
    await finishCrawlRun(t.db, run, source.id, 'warning', { listPages: 1, warnings: ['no items'] });
    const state = (await crawlStates(t.db)).get(source.id);
    expect(state).toMatchObject({ lastCrawlStatus: 'warning', lastCrawlSummary: { listPages: 1, warnings: ['no items'] } });
    expect(state?.lastCrawlAt).toBeInstanceOf(Date);
  });

  it('stores articles saved at the same moment together, each once, and a bad one fails alone', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `第${i}篇：临江市${i + 1}月规模以上工业增加值同比增长${i}.5%，${'新签约项目加快落地，'.repeat(i + 1)}`);
    const saves = texts.map((text, i) =>
      saveArticle(
        t.db,
        article({ url: `http://gxj.example.cn/art/batch/${i}.html`, contentHash: `batch-${i}`, cleanText: text, title: i === 5 ? 'a NUL\u0000 no database stores' : `第${i}篇` }),
        [{ ...figure, value: i }],
      ),
    );
    // The same page twice among them: one article, the second call finds the first.
    saves.push(saveArticle(t.db, article({ url: 'http://gxj.example.cn/art/batch/0.html', contentHash: 'batch-0', cleanText: texts[0] }), [{ ...figure, value: 0 }]));
    const outcomes = await Promise.allSettled(saves);
    expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected', ...Array(7).fill('fulfilled')]);
    expect((outcomes[12] as PromiseFulfilledResult<{ status: string }>).value.status).toBe('unchanged');
    const stored = await t.db.selectFrom('articles').select(['url']).where('url', 'like', '%/art/batch/%').orderBy('url').execute();
    expect(stored).toHaveLength(11);
    expect(stored.map((r) => r.url)).not.toContain('http://gxj.example.cn/art/batch/5.html');
    const figs = await t.db.selectFrom('figures').innerJoin('articles', 'articles.id', 'figures.article_id').select('figures.value').where('articles.url', 'like', '%/art/batch/%').execute();
    expect(figs.map((f) => f.value).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11]);
  });

  it('keeps subscribers and when their last digest was delivered', async () => {
    const sub = await upsertSubscriber(t.db, { email: 'Analyst@Example.com', regions: ['滨海市'] });
    expect(sub).toMatchObject({ email: 'analyst@example.com', regions: ['滨海市'], keywords: [], active: true });
    const updated = await upsertSubscriber(t.db, { email: 'analyst@example.com', keywords: ['工业'] });
    expect(updated.id).toBe(sub.id);
    expect(updated.keywords).toEqual(['工业']);
    const base = { subscriber_id: sub.id, period_start: new Date('2026-11-01'), article_count: 3, transport: 'outbox', message_id: null, location: null };
    await t.db.insertInto('deliveries').values({ ...base, period_end: new Date('2026-11-02'), status: 'sent', error: null }).execute();
    await t.db.insertInto('deliveries').values({ ...base, period_end: new Date('2026-11-03'), status: 'failed', error: 'refused' }).execute();
    // The next period starts where the last sent digest ended: a failed delivery does not move it on.
    const claim = { subscriberId: sub.id, firstPeriodStart: new Date('2026-10-01'), periodEnd: new Date('2026-11-04'), messageId: '<m@x>', transport: 'outbox', claimant: 'job-1', now: new Date(), leaseMs: 60_000 };
    const next = await claimDelivery(t.db, { ...claim, periodKey: 'daily:2026-11-04' });
    expect(next).toMatchObject({ state: 'claimed', delivery: { period_start: new Date('2026-11-02'), status: 'sending', attempts: 1 } });
    // Another claimant is turned away while the lease holds; the same one (a retry of its job) takes it over.
    expect((await claimDelivery(t.db, { ...claim, periodKey: 'daily:2026-11-04', claimant: 'job-2' })).state).toBe('busy');
    expect(await claimDelivery(t.db, { ...claim, periodKey: 'daily:2026-11-04' })).toMatchObject({ state: 'claimed', delivery: { attempts: 2 } });
    // Without any sent digest, a first period starts where the caller says.
    const other = await upsertSubscriber(t.db, { email: 'new@example.com' });
    expect((await claimDelivery(t.db, { ...claim, subscriberId: other.id, periodKey: 'daily:2026-11-04' })).delivery.period_start).toEqual(new Date('2026-10-01'));
    expect(await deactivateSubscriber(t.db, 'ANALYST@example.com')).toBe(true);
    expect((await listSubscribers(t.db, true)).map((s) => s.email)).toEqual(['new@example.com']);
  });

  it('rolls back a failed transaction without losing a query sent beside it', async () => {
    let beside: Promise<unknown> | undefined;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('subscribers').values({ email: 'rolled-back@example.com', regions: '[]', keywords: '[]' }).execute();
        // Sent on the database, not the transaction: it must neither join nor be lost with the rollback.
        beside = upsertSubscriber(t.db, { email: 'beside@example.com' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await beside;
    const emails = (await listSubscribers(t.db)).map((s) => s.email);
    expect(emails).toContain('beside@example.com');
    expect(emails).not.toContain('rolled-back@example.com');
  });

  it("deletes an article's figures and band keys with it", async () => {
    const kept = await saveArticle(t.db, article({ url: 'http://gxj.example.cn/art/keep.html', contentHash: 'keep', cleanText: '全市新开工亿元以上项目42个，完成工业投资120亿元。' }), [figure]);
    const gone = await saveArticle(t.db, article({ url: 'http://gxj.example.cn/art/gone.html', contentHash: 'gone', cleanText: '前十个月，全市规模以上工业企业实现营业收入1234亿元。' }), [figure, { ...figure, value: 9.1 }]);
    const rows = async (id: number) => ({
      figures: (await t.db.selectFrom('figures').select('id').where('article_id', '=', id).execute()).length,
      bands: (await t.db.selectFrom('article_bands').select('band').where('article_id', '=', id).execute()).length,
    });
    expect(await rows(gone.articleId)).toMatchObject({ figures: 2, bands: expect.any(Number) });
    expect((await rows(gone.articleId)).bands).toBeGreaterThan(0);
    const keptBefore = await rows(kept.articleId);
    await t.db.updateTable('stories').set({ primary_article_id: null }).where('id', '=', gone.storyId).execute();
    await t.db.deleteFrom('articles').where('id', '=', gone.articleId).execute();
    expect(await rows(gone.articleId)).toEqual({ figures: 0, bands: 0 });
    expect(await rows(kept.articleId)).toEqual(keptBefore);
  });
});
