import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, sandbox } from '../helpers/cli.ts';

describe('sources validate and list URLs on addresses the crawler refuses', () => {
  let box: Awaited<ReturnType<typeof sandbox>>;
  beforeAll(async () => {
    box = await sandbox();
  });
  afterAll(() => box.cleanup());

  it('names each list URL on a private, loopback or link-local address unless the allow-list names it', async () => {
    const file = path.join(box.dir, 'inside.yaml');
    const urls = ['http://169.254.169.254/latest/', 'http://10.0.0.1/', 'http://192.168.1.1/', 'http://[::1]/', 'http://0x7f000001/', 'http://2130706433/', 'https://gxt.shandong.gov.cn/col/col15201/'];
    await fs.writeFile(file, `id: inside\nname: x\nregion: 滨海市\nlist:\n  urls:\n${urls.map((u) => `    - "${u}"\n`).join('')}  item: li\n`);

    const strict = await runCli(['sources', 'validate', file], { env: { ...box.env, INDWATCH_ALLOW_ADDRESSES: '' }, timeoutMs: 110_000 });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(`${file}: list.urls.0: 169.254.169.254 is a linkLocal address`);
    expect(strict.stdout).toContain(`${file}: list.urls.1: 10.0.0.1 is a private address`);
    expect(strict.stdout).toContain(`${file}: list.urls.2: 192.168.1.1 is a private address`);
    expect(strict.stdout).toContain(`${file}: list.urls.3: ::1 is a loopback address`);
    expect(strict.stdout).toContain(`${file}: list.urls.4: 127.0.0.1 is a loopback address`);
    expect(strict.stdout).toContain(`${file}: list.urls.5: 127.0.0.1 is a loopback address`);
    expect(strict.stdout).not.toContain('list.urls.6');

    const allowed = await runCli(['sources', 'validate', file], { env: { ...box.env, INDWATCH_ALLOW_ADDRESSES: '127.0.0.1,::1,10.0.0.0/8,192.168.1.1,169.254.169.254' }, timeoutMs: 110_000 });
    expect(allowed.stdout).toMatch(/^ok {4}.*inside\.yaml \(inside, 滨海市\)$/m);
    expect(allowed.code).toBe(0);
    // Two CLI processes: slow on a busy machine.
  }, 240_000);
});
