import fs from 'node:fs/promises';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import { log } from '../log.ts';
import type { Config } from '../config.ts';
import pg from 'pg';
import { DataFolderBusyError, DataFolderLock, isStale, type DbEndpoint, type LockHolder } from './lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { PGlite } from '@electric-sql/pglite';
import type { PGliteGate } from './pglite-gate.ts';
import { PGliteThread } from './pglite-thread.ts';
import { PreparedStatements } from './pglite-prepared.ts';
import { migrationProvider } from './migrations.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DbOptions {
  /** PostgreSQL server URL. Without it, an embedded PGlite database is used. */
  databaseUrl?: string;
  /** Folder of the embedded database; `memory://` for a throwaway one. */
  dataDir?: string;
}

export interface ConfiguredDbOptions {
  /**
   * `service` (`indwatch start`): owns the embedded database for its lifetime and serves it to
   * other processes; a second service on the same folder is refused. `command` (the default): goes
   * through the running service if there is one, else opens the folder itself while it runs.
   */
  role?: 'service' | 'command';
  /** What this process is, shown to another process that finds the folder taken. */
  command?: string;
  /** Told when the lock of a process that died is taken over. */
  onTakeover?: (stale: LockHolder) => void;
}

/**
 * The database the configuration names: the PostgreSQL server (any number of processes), else
 * the embedded one under the data folder, which only one process ever opens (see `role`).
 */
export async function openConfiguredDb(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'dbWaitSecs'>, options: ConfiguredDbOptions = {}): Promise<Db> {
  if (config.databaseUrl) return openDb({ databaseUrl: config.databaseUrl });
  await fs.mkdir(config.dataDir, { recursive: true });
  const lockOptions = {
    role: options.role ?? 'command',
    command: options.command ?? `indwatch ${process.argv.slice(2, 4).join(' ')}`.trim(),
    onTakeover: options.onTakeover ?? ((stale: LockHolder) => reportTakeover(lockFile, stale, options.role ?? 'command')),
  } as const;
  const lockFile = path.join(config.dataDir, 'db.lock');
  const deadline = Date.now() + config.dbWaitSecs * 1000;
  let lastFailure: Error | undefined;
  for (;;) {
    const got = await DataFolderLock.tryAcquire(lockFile, lockOptions);
    if (got instanceof DataFolderLock) return openOwned(config.dataDir, got, lockOptions.role === 'service');
    const holder = got;
    if (lockOptions.role === 'service' && holder.role === 'service') throw new DataFolderBusyError(busyMessage(config.dataDir, holder), holder);
    if (lockOptions.role === 'command' && holder.role === 'service' && holder.endpoint) {
      try {
        return await openThroughService(holder.endpoint);
      } catch (err) {
        lastFailure = err as Error;
        // The service may have died between reading its lock and connecting: then the folder is ours.
        if (await isStale(lockFile, holder)) continue;
      }
    }
    if (Date.now() >= deadline) {
      const message = lastFailure
        ? `${describe(holder)} holds the embedded database ${config.dataDir} but does not answer on ${where(holder.endpoint!)} (${lastFailure.message}): restart it, then run this command again`
        : busyMessage(config.dataDir, holder);
      throw new DataFolderBusyError(message, holder);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const singleSession = new WeakSet<Db>();
/** The thread of each embedded database opened here: store work can be sent to it (`PGliteThread.call`). */
const threads = new WeakMap<Db, PGliteThread>();

/** The thread running `db`, when `db` is an embedded database this thread owns. */
export function embeddedThread(db: Db): PGliteThread | undefined {
  return threads.get(db);
}

/**
 * The database thread's own handle on its PGlite: statements run here, as prepared statements
 * (the store's work repeats a few statements for every article), the session taken through `gate`.
 */
export function localDb(pglite: PGlite, gate: PGliteGate): Db {
  const statements = new PreparedStatements(pglite);
  const session = {
    query: <R>(text: string, params: readonly unknown[]) => statements.query<R>(text, params),
    release: () => undefined,
    // The thread closes its PGlite itself.
    close: async () => undefined,
  };
  const db = new Kysely<Database>({ dialect: new PGliteDialect(session, { gate }) });
  singleSession.add(db);
  return db;
}

/**
 * True for a database opened here on an embedded folder: it has one session, which runs one
 * transaction at a time for everyone (this process and the socket's clients), so transactions
 * never overlap and a lock that only orders them is a wasted statement.
 */
export function isSingleSession(db: Db): boolean {
  return singleSession.has(db);
}

/** Opens the database and brings its schema up to date. */
export async function openDb(options: DbOptions): Promise<Db> {
  const db = options.databaseUrl ? openServer(options.databaseUrl) : await openEmbedded(options.dataDir ?? 'memory://');
  return migrated(db);
}

async function migrated(db: Db): Promise<Db> {
  try {
    await migrate(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return db;
}

function openServer(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection that the server (or the network) drops is reported here; without a
  // listener it was an uncaught exception that ended the whole service. The pool replaces the
  // connection, and the queries that fail meanwhile fail their jobs, which BullMQ retries.
  pool.on('error', (err) => log.warn({ err }, 'a PostgreSQL connection was lost; it will be replaced'));
  // A connection in use (a transaction between two statements) is not the pool's to watch: its
  // loss is an 'error' on the client itself. The statement that follows fails with it, the pool
  // discards the client on release, and the job waits for the database (src/queue/outage.ts).
  pool.on('connect', (client) => client.on('error', (err) => log.warn({ err }, 'a PostgreSQL connection in use was lost')));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

async function openEmbedded(dir: string): Promise<Db> {
  if (!dir.startsWith('memory://')) await fs.mkdir(path.dirname(path.resolve(dir)), { recursive: true });
  const thread = await PGliteThread.open(dir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(thread) });
  singleSession.add(db);
  threads.set(db, thread);
  return db;
}

/** The folder is ours (the lock is held): open it, and as the service serve it to the commands. */
async function openOwned(dataDir: string, lock: DataFolderLock, serve: boolean): Promise<Db> {
  let db: Db;
  let thread: PGliteThread;
  try {
    thread = await PGliteThread.open(path.join(dataDir, 'db'));
    db = new Kysely<Database>({ dialect: new PGliteDialect(thread, { afterClose: () => lock.release() }) });
    singleSession.add(db);
    threads.set(db, thread);
  } catch (err) {
    await lock.release();
    throw err;
  }
  await migrated(db);
  if (serve) {
    try {
      await lock.advertise(await thread.serve(dataDir));
    } catch (err) {
      await db.destroy();
      throw err;
    }
  }
  return db;
}

/** A command's connection to the running service's database: one session, through its socket. */
async function openThroughService(endpoint: DbEndpoint): Promise<Db> {
  const pool = new pg.Pool({
    ...('socketDir' in endpoint ? { host: endpoint.socketDir, port: 5432 } : endpoint),
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 5000,
  });
  // A service that stops while a command is connected ends the session: the next query says so.
  pool.on('error', () => {});
  const client = await pool.connect().catch(async (err: Error) => {
    await pool.end();
    throw err;
  });
  client.release();
  return migrated(new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
}

/** The service logs it; a command says it on stderr, where it does not mix with its output. */
function reportTakeover(lockFile: string, stale: LockHolder, role: 'service' | 'command'): void {
  const message = `took over the lock of the embedded database from ${describe(stale)}, which is no longer running`;
  if (role === 'service') void import('../log.ts').then(({ log }) => log.warn({ lock: lockFile, stale }, message));
  else process.stderr.write(`indwatch: ${message}\n`);
}

function describe(holder: LockHolder): string {
  return `${holder.role === 'service' ? '`indwatch start`' : `\`${holder.command}\``} (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt})`;
}

function where(endpoint: DbEndpoint): string {
  return 'socketDir' in endpoint ? path.join(endpoint.socketDir, '.s.PGSQL.5432') : `${endpoint.host}:${endpoint.port}`;
}

function busyMessage(dataDir: string, holder: LockHolder): string {
  if (holder.role === 'service') {
    return holder.endpoint
      ? `the embedded database ${dataDir} is already used by ${describe(holder)}: stop that service first, or give this one its own INDWATCH_DATA_DIR`
      : `${describe(holder)} is still starting on the embedded database ${dataDir}: try again in a moment`;
  }
  return `the embedded database ${dataDir} is in use by ${describe(holder)}: wait for it to finish (or use DATABASE_URL, a PostgreSQL server any number of processes can share)`;
}

export async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${(error as Error)?.message ?? error}`);
  }
}
