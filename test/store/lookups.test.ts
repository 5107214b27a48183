import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/db/connect.ts';
import { twinQuery } from '../../src/store/stories.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { syncSources } from '../../src/store/sources.ts';
import { killTestArticle, SOURCE } from '../storage/save-articles.ts';

/** Articles stored one save at a time, as crawls store them: a bulk load would leave the planner other estimates. */
const STORED = 1000;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

const nodes = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodes)];

/**
 * An embedded database never gathers statistics: PGlite runs PostgreSQL without autovacuum. The
 * lookups made for every saved article must be index lookups all the same, or each save reads
 * the whole archive.
 */
describe('lookups made for every saved article, on an embedded database without statistics', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb({});
    await syncSources(db, [SOURCE]);
    for (let i = 0; i < STORED; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => processArticle(db, killTestArticle(2 * (i + k)))));
    }
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
  });

  async function plan(query: { compile(): CompiledQuery }): Promise<PlanNode[]> {
    const compiled = query.compile();
    const { rows } = await db.executeQuery<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      CompiledQuery.raw(`explain (analyze, format json) ${compiled.sql}`, [...compiled.parameters]),
    );
    return nodes(rows[0]!['QUERY PLAN'][0].Plan);
  }

  it('finds an article with the same text through an index, not by filtering the archive', async () => {
    const stored = await db.selectFrom('articles').select('content_hash').where('url', '=', killTestArticle(2 * 700).url).executeTakeFirstOrThrow();
    for (const hash of ['a text nobody stored', stored.content_hash]) {
      const steps = await plan(twinQuery(db, hash));
      expect(steps.some((s) => s['Index Name']?.startsWith('articles_content_hash'))).toBe(true);
      expect(Math.max(...steps.map((s) => s['Rows Removed by Filter'] ?? 0))).toBe(0);
    }
  });
});
