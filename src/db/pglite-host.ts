import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { threadCalls } from '../store/thread-calls.ts';
import { localDb, type Db } from './connect.ts';
import { PGliteGate } from './pglite-gate.ts';
import { serveDb, type ServedDb } from './socket-server.ts';
import { serializeError, type HostReply, type HostRequest, type HostStart } from './pglite-messages.ts';

/**
 * The thread that owns an embedded database (see pglite-thread.ts). PostgreSQL runs here, in
 * wasm, so that its work never stops the owning process's event loop. The gate gives the session
 * to one holder at a time: the owning thread's connection, store work the owner sends here
 * (`call`, see src/store/thread-calls.ts), or a client of the socket server.
 */
const port = parentPort!;
const { dir } = workerData as HostStart;
const gate = new PGliteGate();
let pglite: PGlite;
try {
  pglite = await PGlite.create(dir);
} catch (err) {
  port.postMessage({ id: 0, ok: false, error: serializeError(err) } satisfies HostReply);
  process.exit(1);
}
const local: Db = localDb(pglite, gate);
port.postMessage({ id: 0, ok: true, value: null } satisfies HostReply);

let served: ServedDb | undefined;
/** The owning thread's hold on the session, taken at its first query and given back by `release`. */
let held: (() => void) | undefined;
/** Requests are handled in the order they were sent: a release never overtakes its queries. */
let chain: Promise<void> = Promise.resolve();

port.on('message', (request: HostRequest) => {
  // A call takes the session through the gate and may wait for the owning thread's transaction
  // to end: in the chain it would hold back that transaction's own next statement.
  if (request.op === 'call') void answer(request.id, () => (threadCalls[request.name] as (db: Db, ...args: unknown[]) => Promise<unknown>)(local, ...request.args));
  else chain = chain.then(() => answer(request.id, () => handle(request)));
});

async function answer(id: number, work: () => Promise<unknown>): Promise<void> {
  try {
    port.postMessage({ id, ok: true, value: await work() } satisfies HostReply);
  } catch (err) {
    port.postMessage({ id, ok: false, error: serializeError(err) } satisfies HostReply);
  }
}

async function handle(request: Exclude<HostRequest, { op: 'call' }>): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      held ??= await gate.acquire();
      const result = await pglite.query(request.sql, request.params);
      return { rows: result.rows, affectedRows: result.affectedRows };
    }
    case 'release':
      held?.();
      held = undefined;
      return null;
    case 'serve':
      served = await serveDb(pglite, gate, request.dataDir);
      return served.endpoint;
    case 'close':
      await served?.close();
      held?.();
      held = undefined;
      await gate.drained();
      await pglite.close();
      return null;
  }
}
