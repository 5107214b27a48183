import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Runs the command as registered on a fresh program, in a real child process.
const RUNNER = `import { Command } from 'commander';
import { registerParse } from './src/cli/parse.ts';
const program = new Command('indwatch').exitOverride();
registerParse(program);
try { await program.parseAsync(process.argv.slice(1), { from: 'user' }); } catch (err) { process.exitCode = err.exitCode === 0 ? 0 : 2; }`;

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, '--', 'parse', ...args], { cwd: repoRoot });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let gbkPage: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'indwatch-parse-'));
  gbkPage = path.join(dir, 'article.html');
  const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>园区新增企业二十家_某区政府</title></head>
<body><ul class="nav"><li><a href="/">首页</a></li></ul><h1>园区新增企业二十家</h1><p class="info">时间：2024-05-06 10:15</p>
<div class="content"><p>今年以来，园区新增入驻企业20家，其中规模以上工业企业6家，新增就业岗位1500个。</p>
<p>园区负责人介绍，下半年还将有8个项目陆续投产，预计全年实现产值120亿元。</p></div></body></html>`;
  await writeFile(gbkPage, iconv.encode(html, 'gbk'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('indwatch parse', () => {
  it('prints title, time and text of a GBK page', async () => {
    const r = await run(gbkPage);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Title:     园区新增企业二十家');
    expect(r.stdout).toContain('Published: 2024-05-06 10:15');
    expect(r.stdout).toContain('今年以来，园区新增入驻企业20家');
    expect(r.stdout).toContain('预计全年实现产值120亿元。');
    expect(r.stdout).not.toContain('首页');
  });

  it('prints one JSON object with --json', async () => {
    const r = await run(gbkPage, '--json', '--url', 'http://example.gov.cn/a/1.html');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ title: '园区新增企业二十家', published: '2024-05-06 10:15', url: 'http://example.gov.cn/a/1.html', encoding: 'gb18030' });
    expect(out.text.split('\n')).toHaveLength(2);
  });

  it('fails with one clear line for a missing file', async () => {
    const r = await run(path.join(dir, 'missing.html'));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`indwatch parse: cannot read ${path.join(dir, 'missing.html')}: no such file`);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run()).code).toBe(2);
    expect((await run(gbkPage, '--encoding', 'klingon')).code).toBe(2);
  });
});
