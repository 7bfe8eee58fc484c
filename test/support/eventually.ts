// The one way tests wait: poll a condition until it holds. A test never sleeps for a fixed time
// hoping that something has happened by then, and never asserts on how long something took; the
// time-out here is only a bound so that a broken run fails instead of hanging, so it is generous.
import { setTimeout as sleep } from 'node:timers/promises';

export interface EventuallyOptions {
  /** Give up after this long (default 30 s); a bound against hanging, not an expectation. */
  timeoutMs?: number;
  /** Time between probes (default 50 ms). */
  intervalMs?: number;
}

/**
 * Calls `probe` until it returns a value other than `undefined`, `null` or `false`, and returns
 * that value. A probe that throws (an assertion, say) is tried again; at the time-out the last
 * error is rethrown, with `what` in the message.
 */
export async function eventually<T>(probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, opts: EventuallyOptions = {}): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const intervalMs = opts.intervalMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) return value;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      const error = new Error(`timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
      if (lastError instanceof Error) error.stack = `${error.stack}\nlast error: ${lastError.stack}`;
      throw error;
    }
    await sleep(intervalMs);
  }
}
