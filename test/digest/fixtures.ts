import type { Db } from '../../src/db/connect.ts';
import type { Figure } from '../../src/figures/types.ts';
import { saveArticle } from '../../src/store/articles.ts';

let n = 0;
const POOL = '工业投资制造技术改造集群园区项目企业产值增长能源汽车装备材料电子信息医药化工纺织机械冶金建材港口物流数字经济';

/** Characters drawn at random: no two generated reports read as the same story. */
function filler(length: number): string {
  return Array.from({ length }, () => POOL[Math.floor(Math.random() * POOL.length)]).join('');
}

/** Stores one report as the pipeline would, with its figures. */
export async function report(db: Db, a: { title: string; region: string; text?: string; sourceId?: string; fetchedAt?: Date; figures?: Partial<Figure>[] }) {
  n++;
  const fetchedAt = a.fetchedAt ?? new Date();
  const text = a.text ?? `${a.title}。${a.region}工业经济运行平稳，${filler(60)}。${filler(60)}。`;
  return saveArticle(
    db,
    {
      sourceId: a.sourceId ?? 'gxj',
      url: `http://gxj.example.cn/art/${n}-${Math.random().toString(36).slice(2)}.html`,
      title: a.title,
      publishedAt: fetchedAt,
      region: a.region,
      rawHash: `r${n}${Math.random()}`,
      contentHash: `c${n}${Math.random()}`,
      cleanText: text,
      relevance: { relevant: true, score: 1, reasons: [] },
      fetchedAt,
    },
    (a.figures ?? []).map((f) => ({
      tier: 1,
      region: a.region,
      period: null,
      indicator: '规模以上工业增加值',
      kind: 'growth',
      value: 1,
      unit: '%',
      basis: '同比',
      target: false,
      quote: '',
      ...f,
    })) as Figure[],
  );
}
