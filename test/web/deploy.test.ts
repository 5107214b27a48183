import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config.ts';
import { REPO } from '../helpers/cli.ts';

interface Compose {
  services: Record<string, { ports?: string[]; environment?: Record<string, string>; volumes?: string[] }>;
}

/** `${NAME:-default}` as compose substitutes it with NAME unset. */
function substitute(value: string): string {
  return String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
}

describe('the container setup exposes nothing beyond this machine', () => {
  it('publishes every port of docker-compose.yml on loopback only, the app on the port it listens on', async () => {
    const compose = parse(await fs.readFile(path.join(REPO, 'docker-compose.yml'), 'utf8')) as Compose;
    const published = Object.entries(compose.services).flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, String(p)]));
    expect(published.length).toBeGreaterThan(0);
    for (const [name, port] of published) expect(`${name} ${port}`).toMatch(/^\S+ 127\.0\.0\.1:\d+:\d+$/);

    const app = compose.services.app;
    const env = Object.fromEntries(Object.entries(app.environment ?? {}).map(([k, v]) => [k, substitute(v)]));
    const config = loadConfig({ ...env, INDWATCH_DATA_DIR: '/data' });
    expect(app.ports).toEqual([`127.0.0.1:${config.http.port}:${config.http.port}`]);
    // Inside compose's network the app must accept Docker's forwarded connections.
    expect(config.http.host).toBe('0.0.0.0');
    expect(app.volumes).toContain('app-data:/data');
  });

  it('binds loopback by default, in the image as outside it', async () => {
    expect(loadConfig({}).http.host).toBe('127.0.0.1');
    const dockerfile = await fs.readFile(path.join(REPO, 'Dockerfile'), 'utf8');
    const env = dockerfile.split('\n').filter((l) => /^ENV\s/.test(l)).join(' ');
    expect(env).not.toMatch(/\bHOST=/);
    expect(env).toMatch(/\bPORT=8080\b/);
  });
});
