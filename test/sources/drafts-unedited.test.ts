import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl } from '../../src/crawl/canonical-url.ts';
import { crawlSourceInline } from '../../src/crawl/crawl-source.ts';
import { loadSourceFile } from '../../src/sources/load.ts';
import type { Source } from '../../src/sources/schema.ts';
import { UA } from '../fixtures/crawl-helpers.ts';
import { DRAFT_SITE_KINDS, startDraftSite, type DraftSite } from '../fixtures/draft-sites/index.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';
import { sourcesNew } from './run-sources-new.ts';

let dir: string;
let tdb: TestDb;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-drafts-'));
  tdb = await pgliteDb();
  // A busy machine can take long to start PGlite.
}, 180_000);
afterAll(async () => {
  await tdb?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe.each(DRAFT_SITE_KINDS)('an unedited `sources new` draft of a %s', (kind) => {
  let fixture: DraftSite;
  beforeAll(async () => {
    fixture = await startDraftSite(kind);
  });
  afterAll(() => fixture?.site.close());

  it('crawls every article of the column', async () => {
    const counts: { column: string; stored: number; of: number; why: string }[] = [];
    for (const [i, column] of fixture.columns.entries()) {
      const out = path.join(dir, `${DRAFT_SITE_KINDS.indexOf(kind)}-${i}`);
      const { printed, file } = await sourcesNew([`${fixture.site.url}${column.listPath}`, '--region', fixture.region, '--out', out]);
      expect(file, printed).toBeTruthy();
      const drafted = await loadSourceFile(file!);
      // Named from the page (title, pinyin), never from the host.
      expect(drafted.id).toMatch(/^shili-|^slrbdzb-/);
      expect(drafted.name).toMatch(/^示例/);
      expect({ preset: drafted.preset, rendering: drafted.rendering }).toEqual(fixture.truth);
      // Only the request rate is changed, so the test does not wait two seconds between requests.
      const source: Source = { ...drafted, politeness: { ...drafted.politeness, perMinute: 6000, backoffSecs: 0.05 } };
      const result = await crawlSourceInline(tdb.db, source, { userAgent: UA, pageRetryDays: 7, allowAddresses: ['127.0.0.1'] });
      const expected = column.articlePaths.map((p) => canonicalUrl(`${fixture.site.url}${p}`));
      const rows = await tdb.db.selectFrom('articles').select('url').where('source_id', '=', source.id).execute();
      const stored = rows.filter((r) => expected.includes(r.url)).length;
      // Nothing but the column's articles: a download behind a news link is skipped, not stored.
      expect(rows.map((r) => r.url).filter((u) => !expected.includes(u))).toEqual([]);
      console.log(`${kind} ${column.listPath}: ${stored} of ${expected.length} articles stored by the unedited draft ${path.basename(file!)}`);
      counts.push({ column: column.listPath, stored, of: expected.length, why: `${printed}\n${await fs.readFile(file!, 'utf8')}\n${JSON.stringify(result, null, 1)}` });
    }
    for (const c of counts) expect(c.stored, c.why).toBe(c.of);
    for (const p of fixture.forbidden) expect(fixture.site.hits.get(p) ?? 0).toBe(0);
  }, 300_000);
});
