import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisOptions } from '../../src/queue/redis.ts';
import { freePort, runCli, sandbox, spawnCli } from '../helpers/cli.ts';
import { waitFor } from '../helpers/wait.ts';

/** A service's output as a log collector gets it. */
class Output {
  text = '';
  constructor(child: ChildProcess) {
    child.stdout!.on('data', (d) => (this.text += d));
    child.stderr!.on('data', (d) => (this.text += d));
  }
  lines(): string[] {
    return this.text.split('\n').filter((l) => l.trim());
  }
  /** Every line parsed; a line that is not JSON fails the test with the line itself. */
  records(): Record<string, unknown>[] {
    return this.lines().map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
  }
}

/** A request with a Host header of our choosing (fetch does not let one set it). */
function request(port: number, options: { method?: string; path: string; headers?: Record<string, string> }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

// A loaded machine took 140 s to start the service: the time limits are generous, nothing is timed.
describe('indwatch start: access and logs', { timeout: 900_000 }, () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  let redis: ChildProcess;
  let redisPort: number;
  const children: ChildProcess[] = [];
  /** The second service of the token test, kept running for the logs test. */
  let running: { child: ChildProcess; out: Output; port: number } | undefined;

  beforeAll(async () => {
    box = await sandbox();
    redisPort = await freePort();
    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    box.env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
    box.env.LOG_LEVEL = 'info';
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    redis?.kill('SIGKILL');
    await box?.cleanup();
  });

  async function startService(): Promise<{ child: ChildProcess; out: Output; port: number }> {
    const port = await freePort();
    const child = spawnCli(['start'], { ...box.env, PORT: String(port) });
    children.push(child);
    const out = new Output(child);
    await waitFor(async () => ((await request(port, { path: '/healthz', headers: { host: `localhost:${port}` } })).status === 200 ? true : undefined));
    return { child, out, port };
  }

  it('says in one JSON line why it cannot start when Redis is unreachable', async () => {
    const closed = await freePort();
    const r = await runCli(['start'], { timeoutMs: 400_000, env: { ...box.env, REDIS_URL: `redis://127.0.0.1:${closed}`, PORT: String(await freePort()) } });
    expect(r.code).toBe(1);
    const lines = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => l.trim());
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 60, msg: expect.stringContaining('Redis is not reachable') });
  });

  it('shows a generated operator token once, requires it, and refuses foreign Host names', async () => {
    const first = await startService();
    const shown = first.out.records().filter((r) => typeof r.operatorToken === 'string');
    expect(shown).toHaveLength(1);
    const token = shown[0].operatorToken as string;
    expect((await fs.readFile(path.join(box.env.INDWATCH_DATA_DIR!, 'secrets', 'operator-token'), 'utf8')).trim()).toBe(token);

    const host = `127.0.0.1:${first.port}`;
    expect((await request(first.port, { method: 'POST', path: '/api/sources/nowhere/crawl', headers: { host } })).status).toBe(401);
    expect((await request(first.port, { method: 'POST', path: '/api/sources/nowhere/crawl', headers: { host, authorization: `Bearer ${token}` } })).status).toBe(404);
    expect((await request(first.port, { path: '/api/sources', headers: { host: `evil.example:${first.port}` } })).status).toBe(421);
    // Our name on another port (a DNS-rebinding page would name its own) is foreign too.
    expect((await request(first.port, { path: '/api/sources', headers: { host: 'localhost:1' } })).status).toBe(421);

    first.child.kill('SIGTERM');
    await new Promise((r) => first.child.once('close', r));
    const second = await startService();
    expect(second.out.records().filter((r) => 'operatorToken' in r)).toHaveLength(0);
    running = second;
  });

  it('logs a failing job and a Redis outage as JSON lines with the error and its cause', async () => {
    const service = running ?? (await startService());
    const queue = new Queue('crawl', { connection: redisOptions(box.env.REDIS_URL!), prefix: box.env.INDWATCH_QUEUE_PREFIX });
    try {
      await queue.add('crawl', { sourceId: 'no-such-source' }, { attempts: 1 });
    } finally {
      await queue.close();
    }
    await waitFor(() => (service.out.records().some((r) => r.msg === 'job failed') ? true : undefined));

    redis.kill('SIGKILL');
    // Several reconnection rounds of every queue, worker and event stream.
    await waitFor(() => (service.out.records().filter((r) => /error/.test(String(r.msg))).length >= 12 ? true : undefined));
    service.child.kill('SIGKILL');
    await new Promise((r) => service.child.once('close', r));

    const records = service.out.records();
    const failed = records.find((r) => r.msg === 'job failed') as { err: { message: string; stack: string } };
    expect(failed.err.message).toMatch(/no-such-source/);
    expect(failed.err.stack).toBeTypeOf('string');
    const outage = records.filter((r) => /error/.test(String(r.msg))) as { err: { message: string } }[];
    expect(outage.every((r) => /ECONNREFUSED|Connection is closed|ECONNRESET/.test(r.err.message))).toBe(true);
  });
});
