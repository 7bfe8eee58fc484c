// At most `size` Kinesis calls of one stream tail in flight. The HTTP agent has 64 sockets, and a
// call that waits in the agent's queue for one longer than the SDK's 5 s connection timeout fails
// as a network error: a 500-shard tail on a slow endpoint then turned most shards into "retrying".
// The readers of a big stream queue here instead, first come first served, with no time-out.

export const DEFAULT_CONCURRENT_CALLS = 48;

export class CallSlots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(size = DEFAULT_CONCURRENT_CALLS) {
    this.free = Math.max(1, Math.floor(size));
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * Runs `call` in a slot. Aborted while waiting, it runs `call` at once without a slot: a call
   * given the aborted signal fails straight away, and the caller treats that as a stop.
   */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const taken = await this.acquire(signal);
    try {
      return await call();
    } finally {
      if (taken) this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      const onAbort = (): void => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(true);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}
