import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { publishedYear } from '../../src/figures/published.ts';
import { figures } from './helpers.ts';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/indwatch.js');

describe('publication dates known to the month or the year', () => {
  it('give their year', () => {
    expect(publishedYear('2025-08')).toBe('2025');
    expect(publishedYear('2020')).toBe('2020');
    expect(publishedYear('2024-03-05')).toBe('2024');
    expect(publishedYear('2024-03-05T08:00:00+08:00')).toBe('2024');
    expect(publishedYear('08/2025')).toBeNull();
    expect(publishedYear(null)).toBeNull();
  });
  it('date the periods whose year the text leaves out', () => {
    expect(figures('1-7月,临江市规上工业增加值增长6.1%。', { published: '2025-08' })[0].period).toBe('2025-01~2025-07');
    expect(figures('上半年,临江市工业投资增长9.2%。', { published: '2020' })[0].period).toBe('2020-01~2020-06');
  });
  it('are accepted by `extract --published`, and a malformed one is refused', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'indwatch-published-'));
    try {
      const file = path.join(dir, 'report.txt');
      await writeFile(file, '1-7月,临江市规上工业增加值增长6.1%。');
      const { stdout } = await run(process.execPath, [bin, 'extract', '--jsonl', '--published', '2025-08', file]);
      expect(JSON.parse(stdout.trim().split('\n')[0]).period).toBe('2025-01~2025-07');
      await expect(run(process.execPath, [bin, 'extract', '--published', 'August 2025', file])).rejects.toMatchObject({ code: 2 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // Two CLI processes on a shared machine: their start-up alone can take long.
  }, 180_000);
});
