import type { ThreadCallName } from '../store/thread-calls.ts';
import type { DbEndpoint } from './lock.ts';

/** What the thread owning an embedded database is started with. */
export interface HostStart {
  /** The data folder, or `memory://` for a throwaway database. */
  dir: string;
}

/** A request to the database thread; each is answered by a `HostReply` with its `id`. */
export type HostRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'release' }
  /** Store work the thread runs on its own session (see src/store/thread-calls.ts). */
  | { id: number; op: 'call'; name: ThreadCallName; args: unknown[] }
  | { id: number; op: 'serve'; dataDir: string }
  | { id: number; op: 'close' };

/** The answer to request `id` (0: the database is open, or could not be). */
export type HostReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerializedError };

export interface QueryReply {
  rows: unknown[];
  affectedRows: number | undefined;
}

export type ServeReply = DbEndpoint;

/** An error as it crosses threads: its message, name and PostgreSQL's fields (code, detail, …). */
export interface SerializedError {
  message: string;
  name: string;
  stack?: string;
  fields: Record<string, string | number | boolean>;
}

export function serializeError(err: unknown): SerializedError {
  if (!(err instanceof Error)) return { message: String(err), name: 'Error', fields: {} };
  const fields: SerializedError['fields'] = {};
  for (const [k, v] of Object.entries(err)) if (['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v as string | number | boolean;
  return { message: err.message, name: err.name, stack: err.stack, fields };
}

/** The error again, on this side, with PostgreSQL's fields where PGlite put them (`err.code`). */
export function deserializeError(e: SerializedError): Error {
  const err = Object.assign(new Error(e.message), e.fields);
  err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}
