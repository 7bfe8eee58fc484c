import { strict as assert } from 'node:assert';
import { IdlePolling, type IdlePollingOptions } from '../../../../src/kinesis/tail/idlePolling';
import { FakeClock } from '../../../support/fakeClock';

/**
 * A poll loop as the shard reader runs it, on the fake clock: each call's answer comes from
 * `answers` ('records', 'behind' or 'empty'); returns the clock times of the calls, relative to
 * the first.
 */
async function pollTimes(answers: ('records' | 'behind' | 'empty')[], opts: IdlePollingOptions = {}): Promise<number[]> {
  const clock = new FakeClock(0);
  const idle = new IdlePolling(opts);
  const times: number[] = [];
  const loop = (async () => {
    for (const answer of answers) {
      const calledAt = clock.now();
      times.push(calledAt);
      const notBefore = answer === 'empty' ? calledAt + idle.idle() : idle.active();
      if (notBefore > clock.now()) await clock.sleep(notBefore - clock.now());
    }
  })();
  // Far beyond any schedule below; the fake clock wakes each sleep at its own time.
  await clock.advance(120_000);
  await loop;
  return times;
}

const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - (times[i] ?? 0));

describe('tail: adaptive idle polling', () => {
  it('backs an idle shard off step by step up to the bound: 1 s, 2 s, 4 s, then 5 s', async () => {
    const times = await pollTimes(['empty', 'empty', 'empty', 'empty', 'empty', 'empty']);
    assert.deepEqual(gaps(times), [1000, 2000, 4000, 5000, 5000]);
  });

  it('returns to fast polling as soon as a call returns records, and starts the steps again', async () => {
    const times = await pollTimes(['empty', 'empty', 'empty', 'records', 'records', 'empty', 'empty']);
    assert.deepEqual(gaps(times), [1000, 2000, 4000, 0, 0, 1000]);
  });

  it('a shard that reports lag (MillisBehindLatest > 0) is not idle', async () => {
    const times = await pollTimes(['empty', 'empty', 'behind', 'empty', 'empty']);
    assert.deepEqual(gaps(times), [1000, 2000, 0, 1000]);
  });

  it('follows the configured interval and bound', async () => {
    assert.deepEqual(gaps(await pollTimes(Array(6).fill('empty'), { idleIntervalMs: 200, idleMaxIntervalMs: 1000 })), [200, 400, 800, 1000, 1000]);
    assert.deepEqual(gaps(await pollTimes(Array(5).fill('empty'), { idleIntervalMs: 1500, idleMaxIntervalMs: 3000 })), [1500, 3000, 3000, 3000]);
  });

  it('a bound at or below the interval keeps the interval fixed (the behaviour before adaptive polling)', async () => {
    assert.deepEqual(gaps(await pollTimes(Array(4).fill('empty'), { idleIntervalMs: 1000, idleMaxIntervalMs: 1000 })), [1000, 1000, 1000]);
    assert.deepEqual(gaps(await pollTimes(Array(4).fill('empty'), { idleIntervalMs: 1000, idleMaxIntervalMs: 200 })), [1000, 1000, 1000]);
  });
});
