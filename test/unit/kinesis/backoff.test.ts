import { strict as assert } from 'node:assert';
import { Backoff } from '../../../src/kinesis/backoff';

describe('Backoff', () => {
  it('doubles from 0.5 s and caps at 10 s (no jitter drawn)', () => {
    const b = new Backoff({ random: () => 0 });
    const delays = Array.from({ length: 8 }, () => b.next());
    assert.deepEqual(delays, [500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
    assert.equal(b.attempt, 8);
  });

  it('stretches each delay by up to 2x with jitter, within [0.5 s, 10 s]', () => {
    const b = new Backoff({ random: () => 0.999 });
    const delays = Array.from({ length: 6 }, () => b.next());
    assert.ok(Math.abs((delays[0] ?? 0) - 999.5) < 1);
    assert.ok(Math.abs((delays[3] ?? 0) - 7996) < 1);
    assert.equal(delays[5], 10_000);
  });

  it('spreads retries with real randomness', () => {
    const draws = Array.from({ length: 50 }, () => new Backoff().next());
    assert.ok(draws.every((d) => d >= 500 && d < 1000));
    assert.ok(new Set(draws).size > 10, 'delays should differ between readers');
  });

  it('starts over after reset()', () => {
    const b = new Backoff({ random: () => 0 });
    b.next();
    b.next();
    b.reset();
    assert.equal(b.attempt, 0);
    assert.equal(b.next(), 500);
  });

  it('respects custom bounds', () => {
    const b = new Backoff({ baseMs: 10, maxMs: 30, random: () => 0 });
    assert.deepEqual([b.next(), b.next(), b.next()], [10, 20, 30]);
  });
});
