export interface HostLimits {
  /** Request starts per minute, spaced evenly. */
  perMinute: number;
  /** Requests in flight at once. */
  concurrency: number;
}

interface HostState {
  active: number;
  nextStart: number;
  waiting: (() => void)[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Spaces and caps the requests of this process to each host, whichever crawl sends them, so two
 * sources on one site do not add up to more than that site's limit.
 */
export class HostGate {
  readonly #hosts = new Map<string, HostState>();

  /** Waits for a slot on the host; call the returned function when the request is done. */
  async acquire(host: string, limits: HostLimits): Promise<() => void> {
    let s = this.#hosts.get(host);
    if (!s) {
      s = { active: 0, nextStart: 0, waiting: [] };
      this.#hosts.set(host, s);
    }
    const state = s;
    for (;;) {
      if (state.active >= limits.concurrency) await new Promise<void>((resolve) => state.waiting.push(resolve));
      else if (Date.now() < state.nextStart) await sleep(state.nextStart - Date.now());
      else break;
    }
    state.active++;
    state.nextStart = Date.now() + 60_000 / limits.perMinute;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      state.active--;
      state.waiting.shift()?.();
    };
  }
}

/** The gate every crawl of this process goes through. */
export const hostGate = new HostGate();
