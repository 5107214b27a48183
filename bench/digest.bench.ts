/**
 * Digests for 10,000 subscribers, built and sent to a local SMTP server (smtp-server on
 * loopback), against plain nodemailer sending 10,000 pre-built messages of the same size to the
 * same server in the same run: the ratio of messages per second is the cost of collecting,
 * rendering, personalising and recording each digest exactly once.
 *
 *   node --import tsx bench/digest.bench.ts [--json] [--subscribers N]
 *
 * Uses DATABASE_URL (or postgres://postgres@127.0.0.1:5432/postgres) to create and drop a
 * database of its own. Subscribers follow one of a few region and keyword choices, as real
 * ones do, so digests for the same stories are rendered once and personalised per address.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { openDb } from '../src/db/connect.ts';
import { DigestCache, deliverDigest, type DeliveryDeps } from '../src/digest/deliver.ts';
import { collectDigest } from '../src/digest/collect.ts';
import { createMailer } from '../src/digest/mailer.ts';
import { renderDigest } from '../src/digest/render.ts';
import { saveArticle } from '../src/store/articles.ts';

const json = process.argv.includes('--json');
const countArg = process.argv.indexOf('--subscribers');
const N = countArg > 0 ? Number(process.argv[countArg + 1]) : 10_000;
/** Deliveries in flight at once: a worker's concurrency. */
const CONCURRENCY = 16;
const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CHOICES: { regions: string[]; keywords: string[] }[] = [
  { regions: [], keywords: [] },
  { regions: ['江苏省'], keywords: [] },
  { regions: ['南京市'], keywords: [] },
  { regions: ['江苏省', '浙江省'], keywords: ['新能源'] },
  { regions: [], keywords: ['投资'] },
];
const PLACES = ['南京市', '苏州市', '无锡市', '杭州市', '宁波市', '常州市', '江苏省', '浙江省'];

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

async function main() {
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      stream.on('data', (d: Buffer) => (bytes += d.length));
      stream.on('end', () => cb());
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;

  const name = `indwatch_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString() });
  try {
    for (let i = 0; i < 12; i++) {
      const place = PLACES[i % PLACES.length];
      await saveArticle(
        db,
        {
          sourceId: `src${i % 4}`,
          url: `http://gxj.example.cn/art/${i}.html`,
          title: `${place}1—10月工业投资增长${(5 + i / 10).toFixed(1)}%，新能源产业第${i}批项目开工`,
          publishedAt: new Date(),
          region: place,
          rawHash: `r${i}`,
          contentHash: `c${i}`,
          cleanText: `${place}${'工业经济运行稳中有进，新能源、集成电路等产业投资保持较快增长。'.repeat(3)}第${i}篇${randomBytes(16).toString('hex')}`,
          relevance: { relevant: true, score: 1, reasons: [] },
          fetchedAt: new Date(),
        },
        [
          { tier: 1, region: place, period: '2026-01~2026-10', indicator: '工业投资', kind: 'growth', value: 5 + i / 10, unit: '%', basis: '同比', target: false, quote: '' },
          { tier: 2, region: place, period: '2026-01~2026-10', indicator: '技术改造投资', kind: 'growth', value: 9 + i / 10, unit: '%', basis: '同比', target: false, quote: '' },
        ],
      );
    }
    const ids: number[] = [];
    for (let i = 0; i < N; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, N - i) }, (_, j) => {
        const c = CHOICES[(i + j) % CHOICES.length];
        return { email: `reader${i + j}@example.com`, regions: JSON.stringify(c.regions), keywords: JSON.stringify(c.keywords), confirmed_at: new Date() };
      });
      ids.push(...(await db.insertInto('subscribers').values(rows).returning('id').execute()).map((r) => r.id));
    }
    const periodEnd = new Date();
    const firstPeriodStart = new Date(periodEnd.getTime() - 86_400_000);
    await new Promise((r) => setTimeout(r, 5));

    // Ours: claim, collect (shared), render (shared), personalise, send, record — for each subscriber.
    const mailer = createMailer({ from: 'indwatch <digest@indwatch.example>', smtpUrl, outboxDir: '/nonexistent' });
    const deps: DeliveryDeps = { db, mailer, secret: 'bench-secret-bench-secret', publicUrl: 'https://indwatch.example', mailFrom: 'indwatch <digest@indwatch.example>', emptyNote: false, cache: new DigestCache() };
    bytes = 0;
    let next = 0;
    let sent = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ids.length) {
          const id = ids[next++];
          const o = await deliverDigest(deps, { subscriberId: id, periodKey: 'daily:2026-12-02', periodEnd, firstPeriodStart, claimant: 'bench' });
          if (o.status === 'sent') sent++;
        }
      }),
    );
    const oursMs = performance.now() - t0;
    const avgBytes = bytes / Math.max(sent, 1);
    mailer.close();

    // Plain nodemailer: as many pre-built messages (the digest of the widest choice, built once), same server, same pool.
    const digest = await collectDigest(db, { since: firstPeriodStart, until: periodEnd });
    const built = renderDigest(digest, {}, { manage: 'https://indwatch.example/m?token=x', unsubscribe: 'https://indwatch.example/u?token=x' });
    const messages = Array.from({ length: N }, (_, i) => ({ from: 'indwatch <digest@indwatch.example>', to: `reader${i}@example.com`, ...built }));
    const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 4, maxMessages: Infinity });
    bytes = 0;
    next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < messages.length) await transport.sendMail(messages[next++]);
      }),
    );
    const plainMs = performance.now() - t1;
    const plainAvg = bytes / N;
    transport.close();

    const ours = (sent / oursMs) * 1000;
    const plain = (N / plainMs) * 1000;
    const result = {
      subscribers: N,
      sent,
      oursPerSecond: Math.round(ours),
      plainPerSecond: Math.round(plain),
      ratio: Number((ours / plain).toFixed(2)),
      bytesPerMessage: { ours: Math.round(avgBytes), plain: Math.round(plainAvg) },
    };
    if (json) process.stdout.write(`${JSON.stringify({ bench: 'digest', ...result })}\n`);
    else {
      process.stdout.write(`digests for ${N} subscribers (PostgreSQL, ${CONCURRENCY} at once, local smtp-server)\n`);
      process.stdout.write(`  built and sent:   ${result.oursPerSecond} msg/s (${sent} sent, ${result.bytesPerMessage.ours} bytes each)\n`);
      process.stdout.write(`  plain nodemailer: ${result.plainPerSecond} msg/s (${result.bytesPerMessage.plain} bytes each)\n`);
      process.stdout.write(`  ratio:            ${result.ratio} (aim >= 0.5)\n`);
    }
  } finally {
    await db.destroy();
    await admin(`drop database if exists ${name} with (force)`);
    await new Promise<void>((r) => server.close(() => r()));
  }
}

await main();
