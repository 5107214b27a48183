/**
 * PGlite's single connection, first come first served. Whoever holds it (the owning thread's
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
