import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';
import { REGIONS } from './growing-sites.ts';

/** Rows per INSERT … SELECT: big enough that 200,000 articles take a few dozen statements. */
const BATCH = 20_000;
/** Stored articles per day of archive, about what 500 sources publish; sets how far back the archive reaches. */
const PER_DAY = 550;
/** One archived article in this many is a report (relevant, with figures), as in the crawled corpus. */
const REPORT_EVERY = 7;

export interface SeedSize {
  sources: number;
  articles: number;
  subscribers: number;
}

/**
 * Fills a freshly migrated database the way months of crawling would: `articles` archived
 * articles of the load sources (each its own story; one in seven a report with two figures),
 * spread back from now at about 550 a day, and `subscribers` confirmed daily subscribers, half
 * following every region and half one. Bulk INSERT … SELECT over generate_series, through the
 * store's own tables, so the services start on a database of the given size.
 */
export async function seedDatabase(db: Db, size: SeedSize): Promise<void> {
  const existing = await db.selectFrom('articles').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n)) throw new Error('seedDatabase wants an empty database: it numbers rows itself');
  const spanSecs = Math.max(2, size.articles / PER_DAY) * 86_400;
  const now = new Date();
  for (let lo = 1; lo <= size.articles; lo += BATCH) {
    const hi = Math.min(size.articles, lo + BATCH - 1);
    // Article g is fetched at `at(g)`: the newest last, the oldest `spanSecs` ago.
    const rows = sql`(select g,
        ${now}::timestamptz - make_interval(secs => (${size.articles} - g)::double precision * ${spanSecs} / ${size.articles}) as at,
        'load-' || lpad(((g - 1) % ${size.sources})::text, 3, '0') as source_id,
        (${REGIONS}::text[])[((g - 1) % ${size.sources}) % ${REGIONS.length} + 1] as region,
        g % ${REPORT_EVERY} = 0 as report
      from generate_series(${lo}::int, ${hi}::int) g) s`;
    await db
      .insertInto('stories')
      .columns(['id', 'first_seen_at', 'updated_at'])
      .expression(sql`select g, at, at from ${rows}`)
      .execute();
    await db
      .insertInto('articles')
      .columns([
        'id', 'source_id', 'url', 'title', 'published_at', 'region', 'raw_hash', 'content_hash', 'clean_text', 'relevant', 'relevance',
        'fetched_at', 'updated_at', 'story_id', 'dedup_length', 'dedup_text', 'dedup_numbers',
      ])
      .expression(
        sql`select g, source_id, 'https://archive.load.test/' || source_id || '/art/' || g || '.html',
            region || '工业经济运行简报（存档第' || g || '期）', at - interval '2 hours', region,
            md5('raw' || g), md5('text' || g), body, report,
            case when report then '{"score":0.9,"reasons":["figures"]}' else '{"score":0.1,"reasons":[]}' end::jsonb,
            at, at, g, length(body), body, (g % 97 + 1) || ' ' || (g % 700 + 200) || ' ' || (g % 60)
          from ${rows}
          cross join lateral (
            select string_agg(format('1—%s月，%s规模以上工业增加值同比增长%s%%，完成工业投资%s亿元，新开工亿元以上项目%s个，高技术制造业增加值占比%s%%，存档编号%s-%s。',
                                     k + 1, region, ((g + k) % 90) / 10.0 + 1, 200 + (g * 7 + k) % 700, (g + k) % 60, 20 + (g + k) % 25, g, k), '') as body
            from generate_series(0, 5) k
          ) b`,
      )
      .execute();
    // Stories and articles point at each other: the story learns its primary once the article exists.
    await db.updateTable('stories').set({ primary_article_id: sql`id` }).where('id', '>=', lo).where('id', '<=', hi).execute();
    await db
      .insertInto('figures')
      .columns(['article_id', 'tier', 'region', 'period', 'indicator', 'kind', 'value', 'unit', 'basis', 'target', 'quote'])
      .expression(
        sql`select a.id, 1, a.region, to_char(a.fetched_at, 'YYYY') || '-01~' || to_char(a.fetched_at, 'YYYY-MM'), f.indicator, f.kind, f.value, f.unit, f.basis, false, f.quote
          from articles a
          cross join lateral (values
            ('规模以上工业增加值', 'growth', (a.id % 90) / 10.0 + 1, '%', '同比', '规模以上工业增加值同比增长' || ((a.id % 90) / 10.0 + 1) || '%'),
            ('工业投资', 'amount', 200 + (a.id * 7) % 700, '亿元', null, '完成工业投资' || (200 + (a.id * 7) % 700) || '亿元')
          ) f(indicator, kind, value, unit, basis, quote)
          where a.relevant and a.id between ${lo} and ${hi}`,
      )
      .execute();
  }
  await sql`select setval(pg_get_serial_sequence('articles', 'id'), greatest(${size.articles}::int, 1))`.execute(db);
  await sql`select setval(pg_get_serial_sequence('stories', 'id'), greatest(${size.articles}::int, 1))`.execute(db);

  await db
    .insertInto('subscribers')
    .columns(['email', 'name', 'regions', 'keywords', 'sources', 'frequency', 'hour', 'timezone', 'lang', 'created_at', 'confirmed_at'])
    .expression(
      sql`select 'reader-' || g || '@load.test', '读者' || g,
          case when g % 2 = 0 then '[]'::jsonb else jsonb_build_array((${REGIONS}::text[])[g % ${REGIONS.length} + 1]) end,
          '[]'::jsonb, '[]'::jsonb, 'daily', 8, 'Asia/Shanghai', case when g % 5 = 0 then 'en' else 'zh' end,
          ${now}::timestamptz - interval '40 days', ${now}::timestamptz - interval '30 days'
        from generate_series(1, ${size.subscribers}::int) g`,
    )
    .execute();
  await sql`vacuum analyze`.execute(db);
}
