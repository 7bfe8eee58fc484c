// Time for every waiting loop of the Kinesis layer (tail, put retries, stream-admin waits),
// injectable so that tests run on a fake clock and leak tests can count pending timers. sleep()
// never outlives an abort.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Resolves true after `ms`, or false as soon as `signal` aborts; never leaves a timer behind. */
export async function sleepUnlessAborted(ms: number, signal?: AbortSignal, clock: Clock = systemClock): Promise<boolean> {
  if (signal?.aborted) return false;
  await clock.sleep(ms, signal);
  return !signal?.aborted;
}
