import fs from 'node:fs/promises';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { DbEndpoint } from './lock.ts';
import type { PGliteGate } from './pglite-gate.ts';

/** The file name PostgreSQL clients (pg, psql) look for in a socket directory, for port 5432. */
export const SOCKET_NAME = '.s.PGSQL.5432';
/** Longest Unix socket path that fits `sockaddr_un` on Linux and macOS, with room to spare. */
const MAX_SOCKET_PATH = 100;

/**
 * Frontend messages of the extended query protocol that come in a batch ending with Sync: the
 * session must stay with one client from the first of them to the Sync, or another client's
 * Parse would replace its unnamed statement. CopyData likewise runs until CopyDone/CopyFail.
 */
const MID_BATCH = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'd'].map((c) => c.charCodeAt(0)));

export interface ServedDb {
  endpoint: DbEndpoint;
  close(): Promise<void>;
}

/**
 * Serves the service's PGlite over the PostgreSQL protocol (pglite-socket), so CLI commands reach
 * the one process that owns the data folder. On a Unix socket in the data folder (only who may
 * read the folder may connect), or on loopback TCP when that path would be too long.
 *
 * pglite-socket serialises single messages, and keeps a client's transaction to itself among
 * socket clients, but knows nothing of the service's own queries. So it is handed a view of PGlite
 * that takes the service's gate for every socket client's turn and keeps it while that client is
 * inside a transaction or a Parse…Sync batch: the service's queries and the clients' never mix.
 */
export async function serveDb(pglite: PGlite, gate: PGliteGate, dataDir: string): Promise<ServedDb> {
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const socketPath = path.join(dataDir, SOCKET_NAME);
  const useUnix = process.platform !== 'win32' && socketPath.length <= MAX_SOCKET_PATH;
  // A socket file left by a killed service: we hold the folder's lock, so it is nobody's.
  if (useUnix) await fs.rm(socketPath, { force: true });
  const server = new PGLiteSocketServer({
    db: gatedView(pglite, gate) as unknown as PGlite,
    ...(useUnix ? { path: socketPath } : { host: '127.0.0.1', port: 0 }),
    maxConnections: 32,
  });
  await server.start();
  if (useUnix) await fs.chmod(socketPath, 0o600);
  const endpoint: DbEndpoint = useUnix ? { socketDir: dataDir } : parseHostPort(server.getServerConn());
  return {
    endpoint,
    async close() {
      await server.stop();
      if (useUnix) await fs.rm(socketPath, { force: true });
    },
  };
}

/** The part of PGlite that pglite-socket uses, with the gate taken around each client's turn. */
function gatedView(pglite: PGlite, gate: PGliteGate) {
  let release: (() => void) | undefined;
  let midBatch = false;
  const giveBack = () => {
    release?.();
    release = undefined;
  };
  return {
    waitReady: pglite.waitReady,
    /** True while a socket client holds the session: pglite-socket then serves only that client. */
    isInTransaction: () => release !== undefined,
    async runExclusive<T>(fn: () => Promise<T>): Promise<T> {
      release ??= await gate.acquire();
      try {
        return await pglite.runExclusive(fn);
      } finally {
        if (!midBatch && !pglite.isInTransaction()) giveBack();
      }
    },
    execProtocolRawStream(message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) {
      midBatch = MID_BATCH.has(message[0]);
      return pglite.execProtocolRawStream(message, options);
    },
    /** Called with ROLLBACK when a client leaves in the middle of its turn. */
    async exec(sql: string) {
      release ??= await gate.acquire();
      try {
        midBatch = false;
        return await pglite.exec(sql);
      } finally {
        giveBack();
      }
    },
  };
}

function parseHostPort(conn: string): DbEndpoint {
  const i = conn.lastIndexOf(':');
  return { host: conn.slice(0, i), port: Number(conn.slice(i + 1)) };
}
