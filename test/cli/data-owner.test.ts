import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { openConfiguredDb, type Db } from '../../src/db/connect.ts';
import { DataFolderLock, readHolder, type LockHolder } from '../../src/db/lock.ts';
import { runCli, sandbox } from '../helpers/cli.ts';

const dirs: string[] = [];
async function scratch(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-owner-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(r.stdout.toString());
}

describe('the lock on the embedded database folder', () => {
  it('is exclusive, and names its holder to whoever finds it taken', async () => {
    const file = path.join(await scratch(), 'db.lock');
    const first = await DataFolderLock.tryAcquire(file, { role: 'command', command: 'indwatch crawl x' });
    expect(first).toBeInstanceOf(DataFolderLock);
    const second = await DataFolderLock.tryAcquire(file, { role: 'service', command: 'indwatch start' });
    expect(second).toMatchObject({ pid: process.pid, host: os.hostname(), role: 'command', command: 'indwatch crawl x' });
    await (first as DataFolderLock).release();
    expect(await readHolder(file)).toBe('missing');
  });

  it('takes over the lock of a process that died, once, and says so', async () => {
    const file = path.join(await scratch(), 'db.lock');
    const stale: LockHolder = { pid: deadPid(), host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', role: 'service', command: 'indwatch start' };
    await fs.writeFile(file, JSON.stringify(stale));
    const takeovers: LockHolder[] = [];
    const racers = await Promise.all(
      [1, 2, 3].map(() => DataFolderLock.tryAcquire(file, { role: 'command', command: 'indwatch sources list', onTakeover: (s) => takeovers.push(s) })),
    );
    expect(racers.filter((r) => r instanceof DataFolderLock)).toHaveLength(1);
    expect(takeovers).toEqual([stale]);
    for (const r of racers) if (r instanceof DataFolderLock) await r.release();
  });
});

describe('the service serving its embedded database to commands', { timeout: 400_000 }, () => {
  let service: Db | undefined;
  let command: Db | undefined;
  afterEach(async () => {
    await command?.destroy();
    await service?.destroy();
    command = service = undefined;
  });

  it("keeps a command's transaction and the service's own queries apart", async () => {
    const dataDir = await scratch();
    const config = loadConfig({ INDWATCH_DATA_DIR: dataDir, INDWATCH_DB_WAIT: '30' });
    service = await openConfiguredDb(config, { role: 'service' });
    expect(await readHolder(path.join(dataDir, 'db.lock'))).toMatchObject({ role: 'service', endpoint: { socketDir: dataDir } });
    await sql`create table notes (body text not null)`.execute(service);

    // This process holds the lock as the service, so the command goes through the socket.
    command = await openConfiguredDb(config, { role: 'command' });
    let inside!: () => void;
    const started = new Promise<void>((resolve) => (inside = resolve));
    const rolledBack = command
      .transaction()
      .execute(async (trx) => {
        await sql`insert into notes values ('from the command, rolled back')`.execute(trx);
        inside();
        await new Promise((r) => setTimeout(r, 300));
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    await started;
    // Sent while the command's transaction is open: it must wait, not join it.
    await sql`insert into notes values ('from the service')`.execute(service);
    expect(await rolledBack).toBe('changed my mind');
    await sql`insert into notes values ('from the command')`.execute(command);

    const rows = await sql<{ body: string }>`select body from notes order by body`.execute(service);
    expect(rows.rows.map((r) => r.body)).toEqual(['from the command', 'from the service']);
  });

  it('refuses a second service on the same folder in one line', async () => {
    const dataDir = await scratch();
    const config = loadConfig({ INDWATCH_DATA_DIR: dataDir });
    service = await openConfiguredDb(config, { role: 'service' });
    const err = await openConfiguredDb(config, { role: 'service' }).then(
      () => new Error('opened twice'),
      (e: Error) => e,
    );
    expect(err.message).toMatch(/^the embedded database .* is already used by `indwatch start` \(pid \d+ on .*\): stop that service first, or give this one its own INDWATCH_DATA_DIR$/);
  });
});

describe('a command that can neither open the data nor reach the service', { timeout: 120_000 }, () => {
  // This test process stands for the other one: it is alive, so its lock is not stale.
  const holder = (role: LockHolder['role'], extra: Partial<LockHolder> = {}): LockHolder => ({
    pid: process.pid,
    host: os.hostname(),
    startedAt: '2026-12-01T08:00:00.000Z',
    role,
    command: role === 'service' ? 'indwatch start' : 'indwatch crawl binhai',
    ...extra,
  });

  it('says in one line who holds the data and what to do', async () => {
    const box = await sandbox();
    try {
      const env: NodeJS.ProcessEnv = { ...box.env, INDWATCH_DB_WAIT: '0' };
      const lock = path.join(env.INDWATCH_DATA_DIR!, 'db.lock');
      await fs.mkdir(env.INDWATCH_DATA_DIR!, { recursive: true });

      await fs.writeFile(lock, JSON.stringify(holder('command')));
      const busy = await runCli(['subscribers', 'list'], { env });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(
        /^indwatch: the embedded database .* is in use by `indwatch crawl binhai` \(pid \d+ on .*, since 2026-12-01T08:00:00.000Z\): wait for it to finish \(or use DATABASE_URL, a PostgreSQL server any number of processes can share\)\n$/,
      );

      await fs.writeFile(lock, JSON.stringify(holder('service', { endpoint: { socketDir: box.dir } })));
      const deaf = await runCli(['sources', 'list'], { env });
      expect(deaf.code).toBe(1);
      expect(deaf.stderr).toMatch(/^indwatch: `indwatch start` \(pid \d+ .*\) holds the embedded database .* but does not answer on .*\.s\.PGSQL\.5432 \(.*\): restart it, then run this command again\n$/);
    } finally {
      await box.cleanup();
    }
  });
});
