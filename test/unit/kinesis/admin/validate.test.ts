import { strict as assert } from 'node:assert';
import { createStreamProblem } from '../../../../src/kinesis/admin/createDelete';
import { parseRetentionHours, parseShardCount, parseTargetShardCount, shardCountTargets, validateDeleteConfirmation, validateRetentionHours, validateShardCount, validateStreamName, validateTargetShardCount } from '../../../../src/kinesis/admin/validate';

describe('validateStream', () => {
  describe('validateStreamName', () => {
    it('accepts 1 to 128 of [a-zA-Z0-9_.-]', () => {
      for (const ok of ['a', 'Orders_2024.v1-eu', 'x'.repeat(128), '...', '-_-']) assert.equal(validateStreamName(ok), undefined, ok);
    });

    it('says which rule is broken', () => {
      assert.match(validateStreamName('') ?? '', /^Enter a stream name/);
      assert.equal(validateStreamName('x'.repeat(129)), 'A stream name has at most 128 characters; this one has 129.');
      assert.match(validateStreamName('my stream') ?? '', /^A space \(position 3\) is not allowed/);
      assert.match(validateStreamName('a/b') ?? '', /^"\/" \(position 2\) is not allowed/);
      assert.match(validateStreamName('tab\there') ?? '', /^A tab \(position 4\)/);
      assert.match(validateStreamName('flux\u00a0') ?? '', /^A blank character \(U\+00A0\) \(position 5\)/);
      assert.match(validateStreamName('café') ?? '', /^"é" \(position 4\)/);
      assert.match(validateStreamName('😀') ?? '', /^"😀" \(position 1\)/);
    });
  });

  describe('shard count', () => {
    it('accepts positive integers', () => {
      assert.deepEqual(parseShardCount('4'), { ok: true, value: 4 });
      assert.deepEqual(parseShardCount(' 12 '), { ok: true, value: 12 });
    });

    it('has a specific message for zero, negative, non-integer, not a number and empty', () => {
      assert.match(validateShardCount('0') ?? '', /at least 1; 0 is not allowed/);
      assert.match(validateShardCount('-2') ?? '', /cannot be negative/);
      assert.match(validateShardCount('2.5') ?? '', /whole number, not 2\.5/);
      assert.match(validateShardCount('four') ?? '', /"four" is not a number/);
      assert.match(validateShardCount('') ?? '', /^Enter the shard count/);
      assert.match(validateShardCount('1e2') ?? '', /plain digits, e\.g\. 100/);
    });

    it('keeps a hard upper bound when DescribeLimits failed, and says the limit could not be read', () => {
      assert.equal(validateShardCount('100000'), "The shard count must be at most 10000: the account's shard limit could not be read (DescribeLimits failed), and 10000 is the most shards a stream can have.");
      assert.equal(validateShardCount('10000'), undefined);
      assert.equal(validateShardCount('100000', { available: 50_000, shardLimit: 60_000 }), 'The shard count must be at most 10000: 10000 is the most shards a stream can have.');
    });

    it("checks the account's free shards when known", () => {
      const limit = { available: 30, shardLimit: 50, openShardCount: 20 };
      assert.equal(validateShardCount('30', limit), undefined);
      assert.match(validateShardCount('31', limit) ?? '', /at most 30: the account's shard limit in this region is 50 and 20 shards are open/);
    });
  });

  describe('retention', () => {
    it('accepts 24 to 8,760 hours', () => {
      assert.deepEqual(parseRetentionHours('24'), { ok: true, value: 24 });
      assert.deepEqual(parseRetentionHours('8760'), { ok: true, value: 8760 });
    });

    it('refuses outside the range and non-integers', () => {
      assert.match(validateRetentionHours('23') ?? '', /at least 24/);
      assert.match(validateRetentionHours('8761') ?? '', /at most 8760: 8,760 hours is 365 days/);
      assert.match(validateRetentionHours('48.5') ?? '', /whole number/);
      assert.match(validateRetentionHours('0') ?? '', /at least 24; 0 is not allowed/);
      assert.match(validateRetentionHours('a week') ?? '', /not a number/);
    });
  });

  describe('shardCountTargets (UpdateShardCount: up to double, down to half)', () => {
    it('offers every value from ceil(n/2) to 2n except n for small streams', () => {
      assert.deepEqual(shardCountTargets(1), { current: 1, min: 1, max: 2, offered: [2] });
      assert.deepEqual(shardCountTargets(3), { current: 3, min: 2, max: 6, offered: [2, 4, 5, 6] });
      assert.deepEqual(shardCountTargets(4).offered, [2, 3, 5, 6, 7, 8]);
    });

    it('offers the 25% steps for large streams', () => {
      const r = shardCountTargets(100);
      assert.equal(r.min, 50);
      assert.equal(r.max, 200);
      assert.deepEqual(r.offered, [50, 75, 125, 150, 175, 200]);
    });

    it("caps the maximum by the account's free shards and the per-stream maximum", () => {
      assert.equal(shardCountTargets(10, { available: 3 }).max, 13);
      assert.equal(shardCountTargets(10, { available: 0 }).max, 10);
      assert.deepEqual(shardCountTargets(10, { available: 0 }).offered, [5, 6, 7, 8, 9]);
      assert.equal(shardCountTargets(6000).max, 10_000);
    });

    it('validates a typed target against the range with reasons', () => {
      const r = shardCountTargets(4, { available: 2 });
      assert.equal(validateTargetShardCount('6', r), undefined);
      assert.deepEqual(parseTargetShardCount('2', r), { ok: true, value: 2 });
      assert.match(validateTargetShardCount('1', r) ?? '', /down to half .* lowest target is 2/);
      assert.match(validateTargetShardCount('4', r) ?? '', /already has 4 open shards/);
      assert.match(validateTargetShardCount('7', r) ?? '', /highest target is 6: it is what the account's shard limit leaves free/);
      assert.match(validateTargetShardCount('9', shardCountTargets(4)) ?? '', /highest target is 8: UpdateShardCount can at most double/);
      assert.match(validateTargetShardCount('0', r) ?? '', /0 is not allowed/);
    });

    it('refuses a nonsense current count', () => {
      assert.throws(() => shardCountTargets(0), RangeError);
    });
  });

  it('validateDeleteConfirmation wants the exact name', () => {
    assert.equal(validateDeleteConfirmation('orders', 'orders'), undefined);
    assert.match(validateDeleteConfirmation('orders ', 'orders') ?? '', /Remove the spaces/);
    assert.match(validateDeleteConfirmation('Orders', 'orders') ?? '', /Type "orders"/);
    assert.match(validateDeleteConfirmation('', 'orders') ?? '', /Type "orders"/);
  });

  it('createStreamProblem checks the whole request before any call', () => {
    assert.equal(createStreamProblem({ name: 's', mode: 'PROVISIONED', shardCount: 2, retentionHours: 48 }), undefined);
    assert.equal(createStreamProblem({ name: 's', mode: 'ON_DEMAND' }), undefined);
    assert.match(createStreamProblem({ name: 'a b', mode: 'ON_DEMAND' }) ?? '', /space/);
    assert.match(createStreamProblem({ name: 's', mode: 'PROVISIONED' }) ?? '', /needs a shard count/);
    assert.match(createStreamProblem({ name: 's', mode: 'PROVISIONED', shardCount: 0 }) ?? '', /0 is not allowed/);
    assert.match(createStreamProblem({ name: 's', mode: 'PROVISIONED', shardCount: 1.5 }) ?? '', /whole number/);
    assert.match(createStreamProblem({ name: 's', mode: 'ON_DEMAND', shardCount: 2 }) ?? '', /leave the shard count out/);
    assert.match(createStreamProblem({ name: 's', mode: 'ON_DEMAND', retentionHours: 9000 }) ?? '', /at most 8760/);
  });
});
