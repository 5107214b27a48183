import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecret } from '../src/secrets.ts';

describe('secrets kept in the data folder', () => {
  it('generates a secret once, keeps it private, and returns the same one afterwards', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iw-secret-'));
    const first = await loadSecret(dir, 'token');
    expect(first.created).toBe(true);
    expect(first.value).toMatch(/^[\w-]{40,}$/);
    expect((await fs.stat(first.file!)).mode & 0o777).toBe(0o600);
    const again = await loadSecret(dir, 'token');
    expect(again).toEqual({ value: first.value, created: false, file: first.file });
    await fs.rm(dir, { recursive: true });
  });

  it('agrees on one value when several start at once', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iw-secret-'));
    const all = await Promise.all(Array.from({ length: 8 }, () => loadSecret(dir, 'token')));
    expect(new Set(all.map((s) => s.value)).size).toBe(1);
    expect(all.filter((s) => s.created)).toHaveLength(1);
    await fs.rm(dir, { recursive: true });
  });

  it('prefers the configured value and writes nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'iw-secret-'));
    expect(await loadSecret(dir, 'token', 'given')).toEqual({ value: 'given', created: false });
    await expect(fs.readdir(dir)).resolves.toEqual([]);
    await fs.rm(dir, { recursive: true });
  });
});
