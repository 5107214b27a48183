/**
 * Deduplication at scale: stores 10k, 100k and 1M synthetic fingerprints in a PostgreSQL server
 * and times storing new articles (features, exact and LSH lookup, confirmation, insert) at each size.
 *
 *   node --import tsx bench/dedup.bench.ts [--json]
 *
 * Uses DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres) to create and drop a
 * database of its own. The stored fingerprints are random band keys of articles with short
 * texts: the lookup then finds only the planted near duplicates, as it would in a corpus whose
 * unrelated articles do not collide.
 */
import { randomBytes } from 'node:crypto';
import * as OpenCC from 'opencc-js';
import pg from 'pg';
import { openDb, type Db } from '../src/db/connect.ts';
import { dedupFeatures } from '../src/dedup/features.ts';
import { LSH_BANDS } from '../src/dedup/thresholds.ts';
import { saveArticle } from '../src/store/articles.ts';
import { nearCandidates } from '../src/store/stories.ts';

const SIZES = [10_000, 100_000, 1_000_000];
const MEASURED = 200;
const CHUNK = 100_000;
/** Synthetic rows take ids from here up, clear of the ids the sequences give the saved articles. */
const SYNTHETIC_IDS = 10_000_000;
const json = process.argv.includes('--json');
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['青川市', '白河市', '临江区', '安平县', '东湖开发区', '北岭市', '南溪县', '西山区'];
const SUBJECTS = ['规模以上工业增加值', '工业投资', '技术改造投资', '制造业增加值', '高技术制造业增加值', '工业用电量', '装备制造业产值', '新材料产业产值', '电子信息产业营收'];
const VERBS = ['同比增长', '比上年增长', '同比提高', '较去年同期增长'];
const FILLER = [
  '重点产业链协同发展态势良好,龙头企业带动作用持续增强',
  '全市上下聚焦项目建设,强化要素保障,优化营商环境',
  '数字化改造加快推进,一批智能工厂和数字化车间建成投用',
  '企业订单较为饱满,部分企业生产线满负荷运转',
  '园区承载能力不断提升,新签约项目陆续开工建设',
  '下一步将围绕稳增长目标,加强运行监测和企业服务',
];

/** A report of ~500 characters in the style of a bureau's monthly release, with its own figures. */
function syntheticReport(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const num = () => (r() * 30).toFixed(1);
  const paras: string[] = [`${pick(PLACES)}${1 + Math.floor(r() * 11)}月工业经济运行情况`];
  for (let p = 0; p < 4; p++) {
    const sentences = [];
    for (let s = 0; s < 3; s++) sentences.push(`${pick(PLACES)}${pick(SUBJECTS)}${pick(VERBS)}${num()}%,${pick(FILLER)}`);
    paras.push(`${sentences.join('。')}。`);
  }
  return paras.join('\n');
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const mirrorOf = (text: string) => `欢迎光临金沙娱乐城官方网站\n${toTraditional(text)}\n本站部分内容转载自网络`;

/** Loads synthetic rows the fast way: foreign-key triggers off (the rows are consistent by construction), band indexes rebuilt after. */
async function bulkLoad(client: pg.Client, from: number, to: number): Promise<void> {
  await client.query(`set session_replication_role = replica`);
  await client.query('alter table article_bands drop constraint article_bands_pk');
  await client.query('drop index article_bands_article');
  for (let lo = from; lo <= to; lo += CHUNK) {
    const hi = Math.min(to, lo + CHUNK - 1);
    await client.query(
      `insert into stories (id, first_seen_at, updated_at) select i, now(), now() from generate_series($1::int, $2::int) i`,
      [lo, hi],
    );
    await client.query(
      `insert into articles (id, source_id, url, title, raw_hash, content_hash, clean_text, relevant, relevance, fetched_at, updated_at, story_id, dedup_length, dedup_text, dedup_numbers)
       select i, 'bench', 'http://bench.example.cn/art/' || i || '.html', '报道' || i, md5(i::text), md5('c' || i), '合成文本' || i,
              false, '{"score":0,"reasons":[]}', now(), now(), i, 500, '合成文本' || i, ''
       from generate_series($1::int, $2::int) i`,
      [lo, hi],
    );
    await client.query(
      `insert into article_bands (band, article_id)
       select hashtextextended(i || ':' || b, 7), i from generate_series($1::int, $2::int) i, generate_series(1, ${LSH_BANDS}) b`,
      [lo, hi],
    );
  }
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query('alter table article_bands add constraint article_bands_pk primary key (band, article_id)');
  await client.query('create index article_bands_article on article_bands (article_id)');
  await client.query(`set session_replication_role = origin`);
  await client.query('vacuum analyze stories, articles, article_bands');
  // Flush the load's dirty pages now, not while the measurement runs.
  await client.query('checkpoint');
}

interface Stage {
  stored: number;
  /** ms per new article: features, lookups, confirmation and insert. */
  perArticleMs: number;
  /** ms per LSH candidate query alone (median of three passes over the new articles' keys). */
  lookupMs: number;
  joined: number;
  loadSeconds: number;
  bandsMB: number;
  databaseMB: number;
}

async function measure(db: Db, stored: number, seed: number): Promise<Omit<Stage, 'loadSeconds' | 'bandsMB' | 'databaseMB'>> {
  const r = rng(seed);
  // Originals first (not timed), then half of the timed articles are mirrors of them.
  const originals = Array.from({ length: MEASURED / 2 }, () => syntheticReport(r));
  let n = 0;
  const save = (text: string, url: string, sourceId: string, dedup = dedupFeatures(text)) =>
    saveArticle(
      db,
      {
        sourceId,
        url,
        title: text.split('\n')[0],
        publishedAt: null,
        region: null,
        rawHash: url,
        contentHash: dedup.contentHash,
        cleanText: text,
        relevance: { relevant: true, score: 1, reasons: [] },
        fetchedAt: new Date(),
        dedup,
      },
      [],
    );
  for (const text of originals) await save(text, `http://orig.example.cn/${seed}/${n++}.html`, 'bench');
  const timed = [...originals.map(mirrorOf), ...Array.from({ length: MEASURED / 2 }, () => syntheticReport(r))];
  let joined = 0;
  const t0 = performance.now();
  for (const text of timed) if ((await save(text, `http://mirror.example.com/${seed}/${n++}.html`, 'bench-mirror')).status !== 'new') joined++;
  const perArticleMs = (performance.now() - t0) / timed.length;
  const probes = timed.map((t) => dedupFeatures(t).bands);
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const t1 = performance.now();
    for (const bands of probes) await nearCandidates(db, bands, -1);
    passes.push((performance.now() - t1) / probes.length);
  }
  const lookupMs = passes.sort((a, b) => a - b)[1];
  return { stored, perArticleMs, lookupMs, joined };
}

/** The pool's sockets close a moment after it ends; forcing the drop earlier kills them mid-goodbye. */
async function dropWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await admin.query(`drop database if exists ${name}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

async function main(): Promise<void> {
  const name = `indwatch_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const stages: Stage[] = [];
  try {
    await client.query(`insert into sources (id, name, region) values ('bench', 'bench', '青川市')`);
    let loaded = 0;
    let seed = 1;
    // Warm caches and the JIT on a small store; not reported.
    await measure(db, 0, 999);
    for (const size of SIZES) {
      const t0 = performance.now();
      await bulkLoad(client, SYNTHETIC_IDS + loaded + 1, SYNTHETIC_IDS + size);
      loaded = size;
      const loadSeconds = (performance.now() - t0) / 1000;
      const m = await measure(db, size, seed++);
      const sizes = await client.query(
        `select pg_total_relation_size('article_bands') as bands, pg_database_size(current_database()) as database`,
      );
      stages.push({
        ...m,
        loadSeconds,
        bandsMB: Number(sizes.rows[0].bands) / 2 ** 20,
        databaseMB: Number(sizes.rows[0].database) / 2 ** 20,
      });
      if (!json) {
        const s = stages.at(-1)!;
        console.log(
          `${String(size).padStart(9)} stored: ${s.perArticleMs.toFixed(2)} ms/article (LSH lookup ${s.lookupMs.toFixed(2)} ms), ${s.joined}/${MEASURED} joined; load ${s.loadSeconds.toFixed(0)} s; bands ${s.bandsMB.toFixed(0)} MB, database ${s.databaseMB.toFixed(0)} MB`,
        );
      }
    }
  } finally {
    await client.end();
    await db.destroy();
    await dropWhenClosed(admin, name);
    await admin.end();
  }
  const first = stages[0];
  const last = stages.at(-1)!;
  const memory = process.memoryUsage();
  const result = {
    stages,
    ratio1MTo10k: last.perArticleMs / first.perArticleMs,
    lookupRatio1MTo10k: last.lookupMs / first.lookupMs,
    nodeRssMB: memory.rss / 2 ** 20,
    nodeHeapUsedMB: memory.heapUsed / 2 ** 20,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(
      `time per new article at 1M / at 10k: ${result.ratio1MTo10k.toFixed(2)} (LSH lookup alone ${result.lookupRatio1MTo10k.toFixed(2)}); node RSS ${result.nodeRssMB.toFixed(0)} MB, heap ${result.nodeHeapUsedMB.toFixed(0)} MB`,
    );
  }
}

await main();
