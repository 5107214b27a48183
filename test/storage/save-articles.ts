/**
 * Child process for the kill -9 test: `node --import tsx save-articles.ts <database> <count>` stores
 * articles 0..count-1 through the pipeline, each odd one a copy of the even one before it under
 * another URL (so half join a story), printing "stored N" after each. `<database>` is a PostgreSQL
 * URL or a PGlite data folder.
 */
import { openDb } from '../../src/db/connect.ts';
import { processArticle } from '../../src/pipeline/process-article.ts';
import { syncSources } from '../../src/store/sources.ts';
import { SourceSchema } from '../../src/sources/schema.ts';

export const SOURCE = SourceSchema.parse({ id: 'kill-test', name: '杀进程测试', region: '示例市', list: { urls: ['http://gxj.example.gov.cn/list.html'], item: 'li' } });

const para = (i: number) => `第${i}号报告：全市规模以上工业增加值同比增长${(i % 90) / 10 + 1}%，完成工业投资${100 + i}亿元，新开工项目${i % 40}个。`;

/** Article `i`: the text of report ⌊i/2⌋, at the bureau (even) or at a portal that copies it (odd). */
export function killTestArticle(i: number) {
  const report = Math.floor(i / 2);
  return {
    sourceId: SOURCE.id,
    region: '示例市',
    url: i % 2 ? `http://www.portal.example.com/news/${report}.html` : `http://gxj.example.gov.cn/art/${report}.html`,
    title: `工业经济运行简报第${report}期`,
    publishedAt: '2026-03-01T00:00:00.000Z',
    text: [0, 1, 2, 3, 4, 5].map((k) => para(report * 7 + k)).join('\n'),
    rawHash: `raw-${i}`,
    fetchedAt: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString(),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [target, count] = process.argv.slice(2);
  const db = await openDb(/^postgres(ql)?:/.test(target) ? { databaseUrl: target } : { dataDir: target });
  await syncSources(db, [SOURCE]);
  for (let i = 0; i < Number(count); i++) {
    await processArticle(db, killTestArticle(i));
    process.stdout.write(`stored ${i + 1}\n`);
  }
  await db.destroy();
}
