import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDraftSite, type DraftSite } from '../fixtures/draft-sites/index.ts';
import { articleText } from '../fixtures/draft-sites/articles.ts';
import { sourcesNew } from './run-sources-new.ts';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
let fixture: DraftSite;
let dir: string;

beforeAll(async () => {
  fixture = await startDraftSite('traditional-character mirror');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indwatch-new-test-'));
});
afterAll(async () => {
  await fixture.site.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('sources new --test', () => {
  it('writes the draft, then tests it at once and prints what it would store', async () => {
    const url = `${fixture.site.url}${fixture.columns[0].listPath}`;
    const { printed, file, exitCode } = await sourcesNew([url, '--region', '示例市', '--out', dir, '--test']);
    expect(file).toBe(path.join(dir, 'shili-jingjidongtai.yaml'));
    expect(await fs.readFile(file!, 'utf8')).toContain('nextText: 下一頁');
    expect(printed).toContain('Pagination: next-page link "下一頁"; page 2 lists 3 further entries');
    expect(printed).toContain('shili-jingjidongtai (示例市人民政府 經濟動態, 示例市)');
    expect(printed).toContain(`list ${url}: 5 items`);
    const first = toTraditional(articleText(0, '经济动态').title);
    expect(printed).toContain(`article ${fixture.site.url}/big5/jjdt/4001.htm\n  title: ${first}`);
    expect(printed).toContain('ok: the source yields articles');
    expect(printed).not.toContain('check it with');
    expect(exitCode).toBe(0);
  }, 120_000);
});
