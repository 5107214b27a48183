import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDedup } from '../../src/cli/dedup.ts';
import * as T from './texts.ts';

async function run(args: string[]): Promise<string> {
  const program = new Command('indwatch').exitOverride();
  registerDedup(program);
  let out = '';
  const write = process.stdout.write;
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'indwatch', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out;
}

describe('indwatch dedup check', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-dedup-'));
    await fs.writeFile(file('report.txt'), T.REPORT);
    await fs.writeFile(file('mirror.html'), `<!doctype html><html><body><article><h1>青川市1-5月工业经济运行情况</h1>${T.TRADITIONAL.split('\n').map((l: string) => `<p>${l}</p>`).join('')}</article></body></html>`);
    await fs.writeFile(file('other-city.txt'), T.OTHER_CITY);
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('prints both measures and the verdict', async () => {
    const out = await run(['dedup', 'check', file('report.txt'), file('mirror.html')]);
    expect(out).toMatch(/Jaccard \(5-character shingles\): +0\.\d{3}/);
    expect(out).toMatch(/Containment \(of the shorter\): +0\.9\d\d|Containment \(of the shorter\): +1\.000/);
    expect(out).toMatch(/converted from traditional/);
    expect(out).toContain('Verdict: same story');
  });

  it('tells a same-template report of another city apart, and says why', async () => {
    const out = JSON.parse(await run(['dedup', 'check', file('report.txt'), file('other-city.txt'), '--json']));
    expect(out.similarity.verdict).toBe('different');
    expect(out.similarity.jaccard).toBeGreaterThan(0.5);
    expect(out.similarity.numbers).toBeLessThan(out.thresholds.SAME_NUMBERS);
  });

  it('says which file it cannot read', async () => {
    await expect(run(['dedup', 'check', file('report.txt'), file('missing.txt')])).rejects.toThrow(/cannot read .*missing\.txt: no such file/);
  });
});
