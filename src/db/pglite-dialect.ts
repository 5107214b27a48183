import type { PGlite } from '@electric-sql/pglite';
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

/**
 * Turns on PGlite's single connection, first come first served. Whoever holds it (a kysely
 * connection, or a client of the service's socket) owns the session until it gives it back, so a
 * query never runs inside someone else's open transaction (and is never lost on its rollback).
 */
export class PGliteGate {
  #tail: Promise<void> = Promise.resolve();

  /** Resolves once the connection is ours, with the function that gives it back. */
  async acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    return release;
  }

  /** Resolves once every holder so far has given the connection back. */
  async drained(): Promise<void> {
    await this.#tail;
  }
}

export interface PGliteDialectOptions {
  /** Shared with whoever else uses the same PGlite (the socket server); a private one by default. */
  gate?: PGliteGate;
  /** Run before PGlite is closed (stop serving it to others). */
  beforeClose?: () => Promise<void>;
  /** Run once PGlite is closed (give the data folder's lock back). */
  afterClose?: () => Promise<void>;
}

/**
 * PGlite has a single connection. Kysely acquires a connection per query and holds it for a
 * whole transaction; the gate around acquire/release keeps everyone else out meanwhile.
 */
class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  readonly #gate: PGliteGate;

  constructor(
    private readonly pglite: PGlite,
    private readonly options: PGliteDialectOptions,
  ) {
    this.#connection = new PGliteConnection(pglite);
    this.#gate = options.gate ?? new PGliteGate();
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
    release?.();
  }

  /** The dialect owns its PGlite instance: closing the database releases the data folder. */
  async destroy(): Promise<void> {
    await this.options.beforeClose?.();
    await this.#gate.drained();
    await this.pglite.close();
    await this.options.afterClose?.();
  }
}

class PGliteConnection implements DatabaseConnection {
  release?: () => void;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(query.sql, query.parameters as unknown[]);
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
    private readonly pglite: PGlite,
    private readonly options: PGliteDialectOptions = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.options);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}
