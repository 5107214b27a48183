import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's root folder, found from this module whether it runs from `src/` (tsx, tests)
 * or from the compiled `dist/src/`: the first folder upwards whose package.json is indwatch's.
 */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'indwatch') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`indwatch: no package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** Files the pages load (`/static/…`): style sheets, the app's own scripts. Served as they are, offline. */
export const STATIC_DIR = join(packageRoot(), 'web', 'static');
