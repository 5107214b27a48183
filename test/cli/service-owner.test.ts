import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { freePort, runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { PG_ADMIN_URL } from '../helpers/db.ts';
import { dropPrefix } from '../helpers/redis.ts';
import { demoSourceYaml } from '../fixtures/demo-source.ts';

interface Service {
  child: ChildProcess;
  port: number;
  logs(): string;
  stop(): Promise<number | null>;
}

/** `indwatch start` in its own process, once it answers /healthz. */
async function startService(env: NodeJS.ProcessEnv): Promise<Service> {
  const port = await freePort();
  const child = spawnCli(['start'], { ...env, PORT: String(port), LOG_LEVEL: 'info' });
  let logs = '';
  child.stdout!.on('data', (d) => (logs += d));
  child.stderr!.on('data', (d) => (logs += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const end = Date.now() + 240_000;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() > end) throw new Error(`indwatch start did not come up:\n${logs}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    child,
    port,
    logs: () => logs,
    async stop() {
      child.kill('SIGINT');
      return exited;
    },
  };
}

async function articles(port: number): Promise<{ url: string }[]> {
  return ((await (await fetch(`http://127.0.0.1:${port}/api/articles`)).json()) as { items: { url: string }[] }).items;
}

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  await client.query(query).finally(() => client.end());
}

// Each step is a process of its own, as a user would run it: slow on two busy cores.
describe.each(['PGlite', 'PostgreSQL'])('data commands while `indwatch start` runs on %s', { timeout: 900_000 }, (backend) => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let site: DemoSite;
  let dbName: string | undefined;

  beforeAll(async () => {
    box = await sandbox();
    site = await startDemoSite();
    await fs.writeFile(path.join(box.dir, 'selectors', 'binhai.yaml'), demoSourceYaml('binhai', site.url));
    if (backend === 'PostgreSQL') {
      dbName = `indwatch_test_${randomBytes(6).toString('hex')}`;
      await admin(`create database ${dbName}`);
      const url = new URL(PG_ADMIN_URL);
      url.pathname = `/${dbName}`;
      box.env.DATABASE_URL = url.toString();
    }
  });

  afterAll(async () => {
    await site?.close();
    await dropPrefix(box.env.INDWATCH_QUEUE_PREFIX!);
    await box?.cleanup();
    if (dbName) await admin(`drop database if exists ${dbName} with (force)`);
  });

  it('writes through the running service, and everything is there once after a restart', async () => {
    let service = await startService(box.env);
    try {
      const crawl = await runCli(['crawl', 'binhai', '--inline'], { env: box.env, timeoutMs: 300_000 });
      expect(crawl.stderr).not.toMatch(/indwatch:/);
      expect(crawl.code).toBe(0);
      expect(crawl.stdout).toMatch(/new articles: 5/);
      // The service sees at once what the command stored.
      expect(await articles(service.port)).toHaveLength(5);

      const again = await runCli(['crawl', 'binhai', '--inline', '--json'], { env: box.env, timeoutMs: 300_000 });
      expect(JSON.parse(again.stdout)).toMatchObject({ sourceId: 'binhai', stored: 0, newArticles: 0, status: 'ok' });

      const add = await runCli(['subscribe', 'analyst@example.com', '--confirmed'], { env: box.env });
      expect(add.stdout).toBe('subscribed analyst@example.com (confirmed): daily at 8:00 Asia/Shanghai; regions all; keywords any; sources all; lang zh\n');
      const other = await runCli(['subscribe', 'gone@example.com', '--confirmed'], { env: box.env });
      expect(other.code).toBe(0);
      expect((await runCli(['subscribers', 'remove', 'gone@example.com'], { env: box.env })).stdout).toBe('unsubscribed gone@example.com\n');

      const list = await runCli(['sources', 'list', '--json'], { env: box.env });
      expect(JSON.parse(list.stdout)).toMatchObject({ id: 'binhai', lastCrawlStatus: 'ok' });

      const preview = await runCli(['digest', 'preview'], { env: box.env });
      expect(preview.code).toBe(0);
      expect(preview.stdout).toMatch(/^Subject: .*\d+/);

      const sent = await runCli(['digest', 'send', '--email', 'analyst@example.com', '--json'], { env: box.env, timeoutMs: 300_000 });
      expect(JSON.parse(sent.stdout)).toEqual([expect.objectContaining({ email: 'analyst@example.com', status: 'sent' })]);

      if (backend === 'PGlite') {
        const second = await runCli(['start', '--port', String(await freePort())], { env: box.env });
        expect(second.code).toBe(1);
        // A service's output is JSON lines (read by log collectors): the refusal is one of them.
        const lines = second.stdout.trim().split('\n');
        expect(lines).toHaveLength(1);
        const refusal = JSON.parse(lines[0]) as { level: number; msg: string };
        expect(refusal.level).toBe(60);
        expect(refusal.msg).toMatch(/^indwatch could not start: the embedded database .* is already used by `indwatch start` \(pid \d+ on .*\): stop that service first, or give this one its own INDWATCH_DATA_DIR$/);
      }
    } finally {
      expect(await service.stop()).toBe(0);
    }

    service = await startService(box.env);
    try {
      const stored = await articles(service.port);
      expect(stored).toHaveLength(5);
      expect(new Set(stored.map((a) => a.url)).size).toBe(5);
      const subs = await runCli(['subscribers', 'list', '--json'], { env: box.env });
      expect(subs.stdout.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
        expect.objectContaining({ email: 'analyst@example.com', active: true, regions: [] }),
        expect.objectContaining({ email: 'gone@example.com', active: false }),
      ]);
      // The digest already went out: nothing is mailed twice.
      const resent = await runCli(['digest', 'send', '--email', 'analyst@example.com', '--json'], { env: box.env, timeoutMs: 300_000 });
      expect(JSON.parse(resent.stdout)).toEqual([expect.objectContaining({ email: 'analyst@example.com', status: 'nothing-new' })]);
    } finally {
      expect(await service.stop()).toBe(0);
    }

    // Without the service, a command opens the data itself.
    const after = await runCli(['sources', 'list', '--json'], { env: box.env });
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toMatchObject({ id: 'binhai', lastCrawlStatus: 'ok' });
  });
});
