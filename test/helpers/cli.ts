import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'bin/indwatch.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder and queue prefix, so CLI runs of different tests never share data or queues. */
export async function sandbox(): Promise<{ dir: string; env: NodeJS.ProcessEnv; cleanup(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-test-'));
  await fs.mkdir(path.join(dir, 'selectors'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INDWATCH_DATA_DIR: path.join(dir, 'data'),
    INDWATCH_SELECTORS_DIR: path.join(dir, 'selectors'),
    INDWATCH_QUEUE_PREFIX: `iwtest-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'warn',
    // Fixture sites run on loopback, which the crawler refuses unless told otherwise.
    INDWATCH_ALLOW_ADDRESSES: '127.0.0.1',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  return { dir, env, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}

/** Runs `indwatch ARGS` as a user would, in its own process. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export function spawnCli(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, [BIN, ...args], { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
