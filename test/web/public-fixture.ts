import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import type { AppContext } from '../../src/context.ts';
import { demoSource } from '../../src/demo/source.ts';
import { createMailer } from '../../src/digest/mailer.ts';
import type { Figure } from '../../src/figures/types.ts';
import { createQueues, type Queues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { SourceSchema, type Source } from '../../src/sources/schema.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { saveArticle } from '../../src/store/articles.ts';
import { syncSources } from '../../src/store/sources.ts';
import { buildServer } from '../../src/web/server.ts';
import { sandbox } from '../helpers/cli.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { dropPrefix, REDIS_URL } from '../helpers/redis.ts';

/** A source of the fixtures, named for a region; its pages are never fetched by these tests. */
export function fixtureSource(id: string, name: string, region: string): Source {
  const demo = demoSource('http://127.0.0.1:9/');
  return SourceSchema.parse({ ...demo, id, name, region, list: { ...demo.list, urls: [`http://${id}.example.cn/list.html`] } });
}

export const HOSTILE_TITLE = '大连工业<script>alert("title")</script>快报';

const growth = (region: string, period: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  tier: 1,
  region,
  period,
  indicator: '规模以上工业增加值',
  kind: 'growth',
  value,
  unit: '%',
  basis: '同比',
  target: false,
  quote: `规模以上工业增加值同比增长${value}%`,
  ...extra,
});

/**
 * Reports of three sources: Dalian's bureau (a hostile title), Liaoning's department (a
 * `javascript:` URL, a value for Dalian that disagrees with the bureau's) and a Yantai source
 * with enough stories to page through.
 */
export async function seedReports(ctx: AppContext): Promise<{ dalian: number; liaoning: number }> {
  const save = (sourceId: string, url: string, title: string, region: string, text: string, figures: Figure[], daysAgo: number) =>
    saveArticle(
      ctx.db,
      {
        sourceId,
        url,
        title,
        publishedAt: new Date(Date.now() - daysAgo * 86_400_000),
        region,
        rawHash: url,
        contentHash: url,
        cleanText: text,
        relevance: { relevant: true, score: 0.9, reasons: [] },
        fetchedAt: new Date(Date.now() - daysAgo * 86_400_000),
      },
      figures,
    );
  const dalian = await save(
    'dalian-gxj',
    'http://gxj.dl.example.cn/art/2026/10/20/art_1.html',
    HOSTILE_TITLE,
    '大连市',
    '前三季度，大连市规模以上工业增加值同比增长7.2%。1—8月增长6.9%。装备制造业持续发力，重点项目加快建设。',
    [growth('大连市', '2026-01~2026-09', 7.2), growth('大连市', '2026-01~2026-08', 6.9)],
    3,
  );
  const liaoning = await save(
    'liaoning-gxt',
    'javascript:alert("url")',
    '辽宁省前三季度工业运行情况',
    '辽宁省',
    '前三季度，全省规模以上工业增加值同比增长5.4%。其中大连市增长7.5%，沈阳市增长5.1%。全省工业经济运行总体平稳。',
    [growth('辽宁省', '2026-01~2026-09', 5.4), growth('大连市', '2026-01~2026-09', 7.5), growth('沈阳市', '2026-01~2026-09', 5.1)],
    40,
  );
  for (let i = 1; i <= 5; i++) {
    await save('yantai-gxj', `http://jxw.yt.example.cn/art/${i}.html`, `烟台第${i}期工业简报`, '烟台市', `烟台市第${i}期工业简报：第${i}批重点项目开工，编号${i * 7919}，风电装备、化工新材料各有进展。`, [], 10 + i);
  }
  return { dalian: dalian.storyId, liaoning: liaoning.storyId };
}

export interface PublicServer {
  ctx: AppContext;
  config: Config;
  server: FastifyInstance;
  close(): Promise<void>;
}

/** The service over an embedded database with the fixture sources, as `indwatch start` builds it. */
export async function publicServer(prefix: string, env: NodeJS.ProcessEnv = {}): Promise<PublicServer> {
  const t: TestDb = await pgliteDb();
  const box = await sandbox();
  const config = loadConfig({ ...box.env, INDWATCH_QUEUE_PREFIX: prefix, ...env });
  const queues: Queues = createQueues(redisOptions(REDIS_URL), prefix);
  const sources = new SourceRegistry([
    fixtureSource('dalian-gxj', '大连市工业和信息化局', '大连市'),
    fixtureSource('liaoning-gxt', '辽宁省工业和信息化厅', '辽宁省'),
    fixtureSource('yantai-gxj', '烟台市工业和信息化局', '烟台市'),
  ]);
  await syncSources(t.db, sources.all());
  const ctx: AppContext = { config, db: t.db, queues, sources, mailer: createMailer({ from: config.mailFrom, smtpUrl: config.smtpUrl, outboxDir: box.dir }) };
  const server = await buildServer(ctx, { operatorToken: 'operator-token-for-tests-0123456789' });
  return {
    ctx,
    config,
    server,
    async close() {
      await server.close();
      ctx.mailer.close();
      await queues.close();
      await dropPrefix(prefix);
      await t.close();
      await box.cleanup();
    },
  };
}

/** The CSRF cookie and token a browser gets with the subscribe form. */
export async function formSession(server: FastifyInstance): Promise<{ cookie: string; csrf: string; page: LightMyRequestResponse }> {
  const page = await server.inject({ url: '/subscribe', headers: { accept: 'text/html' } });
  const cookie = [page.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  return { cookie, csrf, page };
}
