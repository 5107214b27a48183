import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.ts';

describe('the process logger', () => {
  it('writes an error as one JSON line that keeps its cause', () => {
    const script = `
      import { log } from './src/log.ts';
      const driver = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      log.error({ err: new Error('crawl of lj failed', { cause: new Error('database unreachable', { cause: driver }) }) }, 'job failed');`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'info' } });
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({
      level: 50,
      msg: 'job failed',
      err: { message: 'crawl of lj failed', cause: { message: 'database unreachable', cause: { message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' } } },
    });
  });
});
