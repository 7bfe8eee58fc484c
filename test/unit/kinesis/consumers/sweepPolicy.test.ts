import { strict as assert } from 'node:assert';
import type { ConsumerModel } from '../../../../src/kinesis/consumers/consumers';
import { consumersToSweep, HEARTBEAT_FORGET_MS, HEARTBEAT_FRESH_MS, pruneHeartbeats, TEMPORARY_MAX_AGE_MS } from '../../../../src/kinesis/consumers/sweepPolicy';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 60 * 60_000;

function consumer(name: string, ageMs: number, status: ConsumerModel['status'] = 'ACTIVE'): ConsumerModel {
  return { name, arn: `arn:aws:kinesis:eu-west-1:000000000000:stream/s/consumer/${name}:1`, status, createdAt: NOW - ageMs };
}

describe('which temporary consumers a sweep deregisters', () => {
  const old = consumer('kinesis-explorer-alice-0000000a', 2 * HOUR);

  it('takes this user\'s temporary consumers older than an hour, and nothing else', () => {
    const listed = [
      old,
      consumer('kinesis-explorer-alice-0000000b', 30 * 60_000),
      consumer('kinesis-explorer-bob-0000000c', 2 * HOUR),
      consumer('production-app', 5 * HOUR),
      consumer('kinesis-explorer-alice-prod', 5 * HOUR),
      consumer('kinesis-explorer-alice-0000000d', 2 * HOUR, 'DELETING'),
    ];
    assert.deepEqual(consumersToSweep(listed, { user: 'alice', now: NOW }).map((c) => c.name), [old.name]);
  });

  it('skips a consumer another window still uses (a heartbeat younger than ten minutes)', () => {
    const fresh = { [old.name]: NOW - (HEARTBEAT_FRESH_MS - 1) };
    assert.deepEqual(consumersToSweep([old], { user: 'alice', now: NOW, heartbeats: fresh }), []);
    const ahead = { [old.name]: NOW + 60_000 };
    assert.deepEqual(consumersToSweep([old], { user: 'alice', now: NOW, heartbeats: ahead }), [], 'a clock ahead of ours counts as fresh');
  });

  it('sweeps a consumer whose heartbeat stopped (the window died)', () => {
    const stale = { [old.name]: NOW - HEARTBEAT_FRESH_MS };
    assert.deepEqual(consumersToSweep([old], { user: 'alice', now: NOW, heartbeats: stale }), [old]);
    const other = { 'kinesis-explorer-alice-ffffffff': NOW };
    assert.deepEqual(consumersToSweep([old], { user: 'alice', now: NOW, heartbeats: other }), [old], 'another consumer\'s heartbeat does not count');
  });

  it('honours the age limit it is given', () => {
    assert.deepEqual(consumersToSweep([old], { user: 'alice', now: NOW, maxAgeMs: 3 * HOUR }), []);
    assert.equal(TEMPORARY_MAX_AGE_MS, HOUR);
  });

  it('does not read inherited properties as heartbeats', () => {
    const weird = consumer('kinesis-explorer-alice-0000000e', 2 * HOUR);
    assert.deepEqual(consumersToSweep([weird], { user: 'alice', now: NOW, heartbeats: Object.create({ [weird.name]: NOW }) as Record<string, number> }), [weird]);
  });

  it('forgets removed and day-old heartbeats, and malformed ones', () => {
    const kept = pruneHeartbeats({ a: NOW - 1000, b: NOW - HEARTBEAT_FORGET_MS, c: NOW, d: Number.NaN, e: 'x' as unknown as number }, NOW, ['c']);
    assert.deepEqual(kept, { a: NOW - 1000 });
  });
});
