import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/digest/mailer.ts';
import { sendDigests } from '../../src/digest/send.ts';
import { saveArticle } from '../../src/store/articles.ts';
import { upsertSubscriber } from '../../src/store/subscribers.ts';
import { freePort } from '../helpers/cli.ts';
import { pgliteDb, type TestDb } from '../helpers/db.ts';

describe('digest e-mail over a real SMTP server', () => {
  let server: SMTPServer;
  let smtpUrl: string;
  const received: ParsedMail[] = [];
  let t: TestDb;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          received.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
    t = await pgliteDb();
    await upsertSubscriber(t.db, { email: 'reader@example.com', regions: ['滨海市'] });
    await upsertSubscriber(t.db, { email: 'other@example.com', regions: ['别的市'] });
    await saveArticle(
      t.db,
      {
        sourceId: 'demo',
        url: 'http://gxj.example.cn/art/1.html',
        title: '滨海市1—10月工业投资增长15.3%',
        publishedAt: new Date(),
        region: '滨海市',
        rawHash: 'r',
        contentHash: 'c',
        cleanText: '1—10月，滨海市工业投资同比增长15.3%。',
        relevance: { relevant: true, score: 1, reasons: [] },
        fetchedAt: new Date(),
      },
      [],
    );
  });

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers to the subscribers whose regions match, and records the delivery', async () => {
    const mailer = createMailer({ from: 'indwatch <indwatch@example.com>', smtpUrl, outboxDir: '/nonexistent' });
    const outcomes = await sendDigests(t.db, mailer, {});
    mailer.close();
    expect(outcomes).toEqual([
      expect.objectContaining({ email: 'reader@example.com', status: 'sent', reports: 1 }),
      expect.objectContaining({ email: 'other@example.com', status: 'nothing-new' }),
    ]);
    expect(received).toHaveLength(1);
    expect(received[0].subject).toMatch(/^indwatch digest .*: 1 report$/);
    expect(received[0].html).toContain('滨海市1—10月工业投资增长15.3%');
    expect(received[0].text).toContain('http://gxj.example.cn/art/1.html');
    const deliveries = await t.db.selectFrom('deliveries').selectAll().execute();
    expect(deliveries).toEqual([expect.objectContaining({ status: 'sent', transport: 'smtp', article_count: 1 })]);
  });

  it('records an unreachable SMTP server as a failed delivery and sends the same reports next time', async () => {
    await upsertSubscriber(t.db, { email: 'late@example.com' });
    const deadUrl = `smtp://127.0.0.1:${await freePort()}`;
    const dead = createMailer({ from: 'indwatch@example.com', smtpUrl: deadUrl, outboxDir: '/nonexistent' });
    const [failed] = (await sendDigests(t.db, dead, { email: 'late@example.com' })).filter((o) => o.email === 'late@example.com');
    dead.close();
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^SMTP server smtp:\/\/127\.0\.0\.1:\d+ did not take the message: .*ECONNREFUSED/);

    const outbox = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-outbox-'));
    const working = createMailer({ from: 'indwatch@example.com', outboxDir: outbox });
    const [sent] = await sendDigests(t.db, working, { email: 'late@example.com' });
    expect(sent).toMatchObject({ status: 'sent', reports: 1 });
    const files = (await fs.readdir(outbox)).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/late-example-com\.eml$/);
    expect(files[1]).toMatch(/late-example-com\.html$/);
    const mail = await simpleParser(await fs.readFile(path.join(outbox, files[0])));
    expect(mail.html).toContain('滨海市1—10月工业投资增长15.3%');
    await fs.rm(outbox, { recursive: true });
  });
});
