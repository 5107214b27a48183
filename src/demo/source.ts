import { SourceSchema, type Source } from '../sources/schema.ts';

/** The selectors of the bundled demo site, pointed at wherever it runs. */
export function demoSource(siteUrl: string): Source {
  return SourceSchema.parse({
    id: 'demo-binhai-gxj',
    name: '滨海市工业和信息化局 工信动态 (demo)',
    region: '滨海市',
    verified: true,
    list: {
      urls: [new URL('col/col100/index.html', siteUrl).toString()],
      item: 'ul.list li',
      link: 'a',
      date: 'span.date',
      next: 'a.next',
      maxPages: 5,
    },
    article: { title: 'h1.title', date: 'div.info', body: '#zoom', remove: ['.share'] },
    schedule: { cron: '*/30 * * * *' },
    // The demo site is local: no need for the polite default of 30 requests a minute.
    politeness: { perMinute: 600, concurrency: 4 },
  });
}
