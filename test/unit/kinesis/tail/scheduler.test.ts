import { strict as assert } from 'node:assert';
import { ShardRateLimiter } from '../../../../src/kinesis/tail/scheduler';
import { FakeClock, flush } from '../../../support/fakeClock';

/** Runs `calls` acquisitions back to back while time advances in small steps; returns start times. */
async function drive(clock: FakeClock, limiter: ShardRateLimiter, calls: number, stepMs = 7): Promise<number[]> {
  const starts: number[] = [];
  let done = false;
  const loop = (async () => {
    for (let i = 0; i < calls; i++) {
      assert.equal(await limiter.acquire(), true);
      starts.push(clock.now());
    }
    done = true;
  })();
  for (let guard = 0; !done && guard < 100_000; guard++) await clock.advance(stepMs);
  await loop;
  return starts;
}

function maxInWindow(starts: number[], windowMs: number): number {
  let max = 0;
  for (let i = 0; i < starts.length; i++) {
    const first = starts[i] ?? 0;
    max = Math.max(max, starts.filter((t) => t >= first && t < first + windowMs).length);
  }
  return max;
}

describe('ShardRateLimiter', () => {
  it('keeps calls at least 200 ms apart and at most 5 in any second', async () => {
    const clock = new FakeClock();
    const starts = await drive(clock, new ShardRateLimiter(clock), 25);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    assert.ok(Math.min(...gaps) >= 200, `gaps ${gaps.join(',')}`);
    assert.ok(maxInWindow(starts, 1000) <= 5);
    // And it does not dawdle: every 5 calls take one guarded second (1,050 ms), no more.
    assert.ok((starts[24] ?? 0) - (starts[0] ?? 0) <= 5 * 1050 - 200 + 24 * 7, `25 calls took ${(starts[24] ?? 0) - (starts[0] ?? 0)} ms`);
  });

  it('holds 5 calls per second even when the minimum interval is set lower', async () => {
    const clock = new FakeClock();
    const starts = await drive(clock, new ShardRateLimiter(clock, { minIntervalMs: 10 }), 30, 3);
    assert.equal(maxInWindow(starts, 1000), 5);
    assert.equal(maxInWindow(starts, 1050), 5, 'with a 50 ms guard against jitter');
  });

  it('lets the first call go at once', async () => {
    const clock = new FakeClock();
    const limiter = new ShardRateLimiter(clock);
    const t0 = clock.now();
    assert.equal(await limiter.acquire(), true);
    assert.equal(clock.now(), t0);
  });

  it('waits for the byte budget after a large response (2 MiB/s)', async () => {
    const clock = new FakeClock();
    const limiter = new ShardRateLimiter(clock);
    await limiter.acquire();
    const t0 = clock.now();
    limiter.consumed(10 * 1024 * 1024);
    assert.equal(limiter.nextAllowedAt(), t0 + 5000);
    const [second = 0] = await drive(clock, limiter, 1);
    assert.ok(second >= t0 + 5000 && second < t0 + 5100, `second call at +${second - t0} ms`);
  });

  it('adds small responses to the budget without delaying past 200 ms', async () => {
    const clock = new FakeClock();
    const limiter = new ShardRateLimiter(clock);
    await limiter.acquire();
    limiter.consumed(100 * 1024);
    assert.equal(limiter.nextAllowedAt(), clock.now() + 200);
  });

  it('honours a caller delay (idle interval, backoff)', async () => {
    const clock = new FakeClock();
    const limiter = new ShardRateLimiter(clock);
    await limiter.acquire();
    const t0 = clock.now();
    let startedAt = 0;
    const p = limiter.acquire(undefined, t0 + 1000).then(() => (startedAt = clock.now()));
    await clock.advance(999);
    assert.equal(startedAt, 0);
    await clock.advance(1);
    await p;
    assert.equal(startedAt, t0 + 1000);
  });

  it('returns false at once when aborted while waiting, leaving no sleeper behind', async () => {
    const clock = new FakeClock();
    const limiter = new ShardRateLimiter(clock);
    await limiter.acquire();
    const ac = new AbortController();
    let result: boolean | undefined;
    const p = limiter.acquire(ac.signal, clock.now() + 60_000).then((r) => (result = r));
    await flush();
    assert.equal(clock.pending, 1);
    ac.abort();
    await p;
    assert.equal(result, false);
    assert.equal(clock.pending, 0);
  });
});
