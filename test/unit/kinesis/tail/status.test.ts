import { strict as assert } from 'node:assert';
import { RateMeter, ShardStatusTracker, stateLabel, tailStatus } from '../../../../src/kinesis/tail/status';
import { FakeClock } from '../../../support/fakeClock';

describe('status', () => {
  it('labels retries and throttling with their attempt count', () => {
    assert.equal(stateLabel('retrying', 3), 'retrying (3)');
    assert.equal(stateLabel('throttled', 1), 'throttled (1)');
    assert.equal(stateLabel('caught-up', 0), 'caught-up');
  });

  it('measures a rate over a sliding window and lets it decay', async () => {
    const clock = new FakeClock(0);
    const m = new RateMeter(clock, 5);
    m.add(100);
    await clock.advance(1000);
    m.add(100);
    await clock.advance(1000);
    assert.equal(m.perSecond(), 100);
    await clock.advance(3000);
    assert.equal(m.perSecond(), 100 / 5, "the first second has left the 5 s window");
    await clock.advance(10_000);
    assert.equal(m.perSecond(), 0);
  });

  it('tracks totals, the last sequence number, children and state changes', () => {
    const clock = new FakeClock(0);
    const t = new ShardStatusTracker('s0', clock, ['p']);
    assert.equal(t.set('reading'), true);
    assert.equal(t.set('reading'), false);
    assert.equal(t.set('retrying', 1), true);
    assert.equal(t.set('retrying', 2), true);
    t.delivered(3, 30, '17', 0);
    t.delivered(2, 20, '19', 5);
    t.closed(['c1', 'c2']);
    const s = t.snapshot();
    assert.equal(s.label, 'retrying (2)');
    assert.equal(s.totalRecords, 5);
    assert.equal(s.totalBytes, 50);
    assert.equal(s.lastSequenceNumber, '19');
    assert.equal(s.millisBehindLatest, 5);
    assert.deepEqual(s.childShardIds, ['c1', 'c2']);
    assert.deepEqual(s.parentShardIds, ['p']);
  });

  it('rolls shard statuses up', () => {
    const clock = new FakeClock(0);
    const a = new ShardStatusTracker('a', clock);
    const b = new ShardStatusTracker('b', clock);
    a.delivered(1, 10, '1', 0);
    b.delivered(2, 20, '2', 0);
    const s = tailStatus('st', 'running', [a.snapshot(), b.snapshot()]);
    assert.equal(s.totalRecords, 3);
    assert.equal(s.totalBytes, 30);
    assert.equal(s.recordsPerSecond, 3);
  });
});
