import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startDemoSite, type DemoSite } from '../../src/demo/site.ts';
import { createQueues } from '../../src/queue/queues.ts';
import { redisOptions } from '../../src/queue/redis.ts';
import { syncSchedulers } from '../../src/queue/schedulers.ts';
import { SourceRegistry } from '../../src/sources/registry.ts';
import { freePort, runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { demoSourceYaml } from '../fixtures/demo-source.ts';

/** A Redis of this test's own, so the installations' default prefixes meet nobody else's keys. */
async function ownRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const { Redis } = await import('ioredis');
  for (let i = 0; ; i++) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    const ok = await probe.connect().then(() => true, () => false);
    probe.disconnect();
    if (ok) break;
    if (i > 50) throw new Error('redis-server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill('SIGKILL') };
}

interface Installation {
  box: Awaited<ReturnType<typeof sandbox>>;
  site: DemoSite;
  service?: ChildProcess;
  port?: number;
}

async function installation(sourceId: string, redisUrl: string): Promise<Installation> {
  const box = await sandbox();
  // The default prefix, derived from the data folder, is what keeps the two apart.
  delete box.env.INDWATCH_QUEUE_PREFIX;
  box.env.REDIS_URL = redisUrl;
  const site = await startDemoSite();
  await fs.writeFile(path.join(box.dir, 'selectors', `${sourceId}.yaml`), demoSourceYaml(sourceId, site.url, `${sourceId} (test)`));
  return { box, site };
}

async function start(inst: Installation): Promise<void> {
  inst.port = await freePort();
  inst.service = spawnCli(['start'], { ...inst.box.env, PORT: String(inst.port) });
  const end = Date.now() + 240_000;
  while (!(await fetch(`http://127.0.0.1:${inst.port}/healthz`).then((r) => r.ok, () => false))) {
    if (inst.service.exitCode !== null || Date.now() > end) throw new Error('indwatch start did not come up');
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function stop(inst: Installation): Promise<void> {
  if (!inst.service || inst.service.exitCode !== null) return;
  const exited = new Promise((resolve) => inst.service!.on('close', resolve));
  inst.service.kill('SIGINT');
  await exited;
}

async function schedulerIds(redisUrl: string, prefix: string): Promise<string[]> {
  const queue = new Queue('crawl', { connection: redisOptions(redisUrl), prefix });
  try {
    return (await queue.getJobSchedulers(0, -1)).map((s) => s.key).sort();
  } finally {
    await queue.close();
  }
}

describe('two installations on one Redis', { timeout: 900_000 }, () => {
  let redis: Awaited<ReturnType<typeof ownRedis>>;
  let a: Installation;
  let b: Installation;

  beforeAll(async () => {
    redis = await ownRedis();
    a = await installation('alpha', redis.url);
    b = await installation('beta', redis.url);
  });

  afterAll(async () => {
    for (const inst of [a, b]) {
      if (!inst) continue;
      await stop(inst);
      await inst.site.close();
      await inst.box.cleanup();
    }
    redis?.stop();
  });

  it('each crawls its own sources only, and neither removes the other’s schedules', async () => {
    const configA = loadConfig(a.box.env);
    const configB = loadConfig(b.box.env);
    expect(configA.queuePrefix).toMatch(/^indwatch-[0-9a-f]{8}$/);
    expect(configB.queuePrefix).not.toBe(configA.queuePrefix);

    await start(a);
    await start(b);
    expect(await schedulerIds(redis.url, configA.queuePrefix)).toEqual([`crawl:alpha@${configA.installationId}`]);
    expect(await schedulerIds(redis.url, configB.queuePrefix)).toEqual([`crawl:beta@${configB.installationId}`]);

    // Queued crawls are taken by the installation's own workers, whichever process is quicker.
    for (const [inst, id] of [[a, 'alpha'], [b, 'beta'], [a, 'alpha'], [b, 'beta']] as const) {
      const r = await runCli(['crawl', id, '--wait', '--json'], { env: inst.box.env, timeoutMs: 300_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ sourceId: id, status: 'ok' });
    }
    const urlsOf = async (inst: Installation) =>
      ((await (await fetch(`http://127.0.0.1:${inst.port}/api/articles`)).json()) as { items: { source_id: string }[] }).items.map((x) => x.source_id);
    expect(new Set(await urlsOf(a))).toEqual(new Set(['alpha']));
    expect(new Set(await urlsOf(b))).toEqual(new Set(['beta']));

    // A third installation made to share A's prefix, with no sources, syncing its (empty) schedules:
    // A's stay.
    const other = loadConfig({ ...b.box.env, INDWATCH_DATA_DIR: path.join(b.box.dir, 'other'), INDWATCH_QUEUE_PREFIX: configA.queuePrefix });
    const queues = createQueues(redisOptions(redis.url), other.queuePrefix);
    try {
      expect(await syncSchedulers({ config: other, queues, sources: new SourceRegistry() })).toEqual({ crawl: 0, removed: 0 });
    } finally {
      await queues.close();
    }
    expect(await schedulerIds(redis.url, configA.queuePrefix)).toEqual([`crawl:alpha@${configA.installationId}`]);

    // A removes its own schedule of a source it no longer has.
    await stop(a);
    await fs.rm(path.join(a.box.dir, 'selectors', 'alpha.yaml'));
    await start(a);
    expect(await schedulerIds(redis.url, configA.queuePrefix)).toEqual([]);
    expect(await schedulerIds(redis.url, configB.queuePrefix)).toEqual([`crawl:beta@${configB.installationId}`]);
  });
});
