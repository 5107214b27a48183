import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredDb } from '../../src/db/connect.ts';
import { startCrawlRun } from '../../src/store/sources.ts';
import { fixtureSource } from '../fixtures/crawl-helpers.ts';
import { freePort, sandbox, spawnCli } from '../helpers/cli.ts';

// A process killed mid-crawl leaves its run `running`. On the embedded database the service is the
// one owner, so at its start every such run is known to be cut off.
describe('a crawl run left `running` by a killed process, on the embedded database', { timeout: 400_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    box = await sandbox();
  });
  afterAll(async () => {
    await box.cleanup();
  });

  it('is marked interrupted when the service starts, and the log says so', async () => {
    const config = loadConfig(box.env);
    const db = await openConfiguredDb(config);
    const runId = await startCrawlRun(db, fixtureSource({ id: 'cut', list: { urls: ['http://127.0.0.1:9/list.html'], item: 'li' }, article: { body: '#zoom' } }));
    await db.destroy();

    const port = await freePort();
    const child = spawnCli(['start', '--no-schedule'], { ...box.env, PORT: String(port), LOG_LEVEL: 'info' });
    let logs = '';
    child.stdout!.on('data', (d) => (logs += d));
    child.stderr!.on('data', (d) => (logs += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const end = Date.now() + 300_000;
    while (!(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || Date.now() > end) throw new Error(`indwatch start did not come up:\n${logs}`);
      await new Promise((r) => setTimeout(r, 300));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const warning = logs.split('\n').filter((l) => l.includes('"interrupted"')).map((l) => JSON.parse(l) as { interrupted: number; msg: string });
    expect(warning).toEqual([expect.objectContaining({ interrupted: 1, msg: expect.stringContaining('marked interrupted') })]);

    const after = await openConfiguredDb(config);
    try {
      const run = await after.selectFrom('crawl_runs').select(['status', 'finished_at']).where('id', '=', runId).executeTakeFirstOrThrow();
      expect(run.status).toBe('interrupted');
      expect(run.finished_at).not.toBeNull();
    } finally {
      await after.destroy();
    }
  });
});
