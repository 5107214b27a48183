import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import { PGliteGate } from './pglite-gate.ts';
import type { PGliteThread } from './pglite-thread.ts';

export interface PGliteDialectOptions {
  /** Run once the database is closed (give the data folder's lock back). */
  afterClose?: () => Promise<void>;
}

/**
 * PGlite has a single connection. Kysely acquires a connection per query and holds it for a
 * whole transaction; a gate around acquire/release keeps this process's other queries out
 * meanwhile, and the release hands the session back to the database thread, where clients of
 * the socket server may take their turn.
 */
class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  readonly #gate = new PGliteGate();

  constructor(
    private readonly thread: PGliteThread,
    private readonly options: PGliteDialectOptions,
  ) {
    this.#connection = new PGliteConnection(thread);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    this.#connection.release = await this.#gate.acquire();
    return this.#connection;
  }

  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const release = this.#connection.release;
    this.#connection.release = undefined;
    this.thread.release();
    release?.();
  }

  /** The dialect owns its database thread: closing the database releases the data folder. */
  async destroy(): Promise<void> {
    await this.#gate.drained();
    await this.thread.close();
    await this.options.afterClose?.();
  }
}

class PGliteConnection implements DatabaseConnection {
  release?: () => void;

  constructor(private readonly thread: PGliteThread) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.thread.query<R>(query.sql, query.parameters);
    return {
      rows: result.rows,
      numAffectedRows: result.affectedRows === undefined ? undefined : BigInt(result.affectedRows),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly thread: PGliteThread,
    private readonly options: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.thread, this.options);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
