import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

export interface Secret {
  value: string;
  /** Generated now (first start): the caller may show it once. */
  created: boolean;
  /** The file it is kept in, when it was not given by configuration. */
  file?: string;
}

/**
 * A secret given by configuration, or else kept in `<dataDir>/secrets/<name>` (mode 0600),
 * generated on first use. Written under a temporary name and linked into place, so two
 * processes starting at once agree on one value.
 */
export async function loadSecret(dataDir: string, name: string, configured?: string): Promise<Secret> {
  if (configured) return { value: configured, created: false };
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  try {
    return { value: (await fs.readFile(file, 'utf8')).trim(), created: false, file };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString('base64url');
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, `${value}\n`, { mode: 0o600 });
  try {
    await fs.link(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another process made it first: use theirs.
    return { value: (await fs.readFile(file, 'utf8')).trim(), created: false, file };
  } finally {
    await fs.rm(tmp, { force: true });
  }
  return { value, created: true, file };
}
