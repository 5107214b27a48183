import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import { z } from 'zod';

/** Where the service's database can be reached while it holds the folder. */
const EndpointSchema = z.union([
  z.object({ socketDir: z.string() }),
  z.object({ host: z.string(), port: z.number().int() }),
]);
export type DbEndpoint = z.infer<typeof EndpointSchema>;

const HolderSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  startedAt: z.string(),
  /** `service` is `indwatch start`, which serves the database to other processes; `command` a short CLI run. */
  role: z.enum(['service', 'command']),
  command: z.string(),
  endpoint: EndpointSchema.optional(),
});
export type LockHolder = z.infer<typeof HolderSchema>;

/** A holder on another machine is stale once it has not refreshed the file for this long. */
const REMOTE_STALE_MS = 60_000;
const REFRESH_MS = 10_000;

/** Locks this process holds, by file: a second open of the same folder in one process is refused too. */
const heldHere = new Set<string>();

export class DataFolderBusyError extends Error {
  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
    this.name = 'DataFolderBusyError';
  }
}

export interface LockOptions {
  role: LockHolder['role'];
  /** What the holder is doing, shown to whoever finds the folder taken (`indwatch crawl`, …). */
  command: string;
  /** Told when a lock left by a dead process is taken over. */
  onTakeover?: (stale: LockHolder) => void;
}

/**
 * An exclusive lock on the embedded database's folder: a file created with O_EXCL semantics
 * (link of a complete temporary file, so no reader ever sees it half written) naming the holder's
 * pid, host and start time. A lock whose process is gone (same host: the pid no longer runs;
 * other host: the file was not refreshed for a minute) is taken over.
 */
export class DataFolderLock {
  #timer?: NodeJS.Timeout;
  #released = false;

  private constructor(
    readonly file: string,
    public holder: LockHolder,
  ) {
    heldHere.add(file);
    // The mtime is the heartbeat other hosts judge staleness by.
    this.#timer = setInterval(() => {
      const now = new Date();
      void fs.utimes(file, now, now).catch(() => {});
    }, REFRESH_MS).unref();
  }

  /** Takes the lock, or returns who holds it. */
  static async tryAcquire(file: string, options: LockOptions): Promise<DataFolderLock | LockHolder> {
    const me: LockHolder = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      role: options.role,
      command: options.command,
    };
    for (let attempt = 0; attempt < 20; attempt++) {
      if (await createExclusive(file, me)) return new DataFolderLock(file, me);
      const current = await readHolder(file);
      if (current === 'missing') continue;
      if (current === 'unreadable') {
        // Only a crash between link and nothing can leave an unreadable file: give a writer a moment.
        await sleep(100);
        if ((await readHolder(file)) !== 'unreadable') continue;
        await fs.rm(file, { force: true });
        continue;
      }
      if (!(await isStale(file, current))) return current;
      if (await removeIfUnchanged(file, current)) options.onTakeover?.(current);
    }
    throw new Error(`could not take the lock ${file}: it keeps changing hands`);
  }

  /** Records where the service can be reached (rewritten in place: readers see the old or new file whole). */
  async advertise(endpoint: DbEndpoint): Promise<void> {
    this.holder = { ...this.holder, endpoint };
    const tmp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(this.holder), { mode: 0o600 });
    await fs.rename(tmp, this.file);
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    clearInterval(this.#timer);
    heldHere.delete(this.file);
    const current = await readHolder(this.file);
    if (typeof current === 'object' && current.pid === this.holder.pid && current.startedAt === this.holder.startedAt) await fs.rm(this.file, { force: true });
  }
}

async function createExclusive(file: string, me: LockHolder): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(me), { mode: 0o600 });
  try {
    await fs.link(tmp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

export async function readHolder(file: string): Promise<LockHolder | 'missing' | 'unreadable'> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  try {
    const parsed = HolderSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

export async function isStale(file: string, holder: LockHolder): Promise<boolean> {
  if (holder.host !== os.hostname()) {
    const stat = await fs.stat(file).catch(() => null);
    return !stat || Date.now() - stat.mtimeMs > REMOTE_STALE_MS;
  }
  // Our own pid in the file: held by this process if we took it, else left by an earlier process
  // that had the same pid (containers start every run as pid 1).
  if (holder.pid === process.pid) return !heldHere.has(file);
  return !isRunning(holder.pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes a stale lock unless someone replaced it meanwhile. The check and the removal happen
 * under a second, mkdir-based mutex, so two processes taking over at once never remove the
 * fresh lock the faster one just created.
 */
async function removeIfUnchanged(file: string, stale: LockHolder): Promise<boolean> {
  const mutex = `${file}.takeover`;
  try {
    await fs.mkdir(mutex);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const stat = await fs.stat(mutex).catch(() => null);
    // A takeover takes milliseconds: one older than that was left by a crash.
    if (stat && Date.now() - stat.mtimeMs > 10_000) await fs.rm(mutex, { recursive: true, force: true });
    else await sleep(50);
    return false;
  }
  try {
    const current = await readHolder(file);
    if (typeof current !== 'object' || current.pid !== stale.pid || current.startedAt !== stale.startedAt) return false;
    await fs.rm(file, { force: true });
    return true;
  } finally {
    await fs.rm(mutex, { recursive: true, force: true });
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
