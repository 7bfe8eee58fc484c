import { strict as assert } from 'node:assert';
import { Lineage, shardNode, type ShardNode } from '../../../../src/kinesis/tail/lineage';
import { CLOCK_SKEW_MARGIN_MS } from '../../../../src/kinesis/tail/position';

const node = (shardId: string, parents: string[] = [], closed = false): ShardNode => ({ shardId, parentShardIds: parents, closed });

describe('Lineage', () => {
  it('reads parents before children (split) from TRIM_HORIZON', () => {
    const l = new Lineage({ type: 'TRIM_HORIZON' });
    l.plan([node('s0', [], true), node('s1', ['s0']), node('s2', ['s0'])]);
    assert.deepEqual(l.ready(), ['s0']);
    l.setState('s0', 'active');
    assert.deepEqual(l.ready(), []);
    l.setState('s0', 'closed');
    assert.deepEqual(l.ready(), ['s1', 's2']);
    assert.deepEqual(l.positionOf('s1'), { type: 'TRIM_HORIZON' });
  });

  it('starts a merged child only after both parents are done', () => {
    const l = new Lineage({ type: 'TRIM_HORIZON' });
    l.plan([node('a', [], true), node('b', [], true), node('c', ['a', 'b'])]);
    assert.deepEqual(l.ready(), ['a', 'b']);
    l.setState('a', 'closed');
    l.setState('b', 'active');
    assert.deepEqual(l.ready(), []);
    l.setState('b', 'closed');
    assert.deepEqual(l.ready(), ['c']);
  });

  it('from LATEST skips closed shards and sends children to TRIM_HORIZON', () => {
    const l = new Lineage({ type: 'LATEST' });
    l.plan([node('old', [], true), node('a', ['old']), node('b', ['old'])]);
    assert.equal(l.state('old'), 'excluded');
    assert.deepEqual(l.ready(), ['a', 'b']);
    assert.deepEqual(l.positionOf('a'), { type: 'LATEST' });
    l.setState('a', 'active');
    assert.equal(l.discover(node('a1', ['a'])), true);
    assert.equal(l.discover(node('a1', ['a'])), false);
    assert.deepEqual(l.ready(), ['b']);
    l.setState('a', 'closed');
    assert.ok(l.ready().includes('a1'));
    assert.deepEqual(l.positionOf('a1'), { type: 'TRIM_HORIZON' }, 'a child of a LATEST shard must not lose what was written since it opened');
  });

  it('a restored tail: a shard that showed nothing re-reads from its LATEST time minus the skew margin; a sequence number wins', () => {
    const l = new Lineage({ type: 'LATEST' }, undefined, new Map([['b', '77']]), new Map([['a', 1_790_000_000_000], ['b', 1_790_000_000_000], ['gone', 1_790_000_000_000]]));
    l.plan([node('a'), node('b'), node('gone', [], true), node('fresh')]);
    assert.deepEqual(l.positionOf('a'), { type: 'AT_TIMESTAMP', timestamp: new Date(1_790_000_000_000 - CLOCK_SKEW_MARGIN_MS) });
    assert.equal(l.latestAtOf('a'), 1_790_000_000_000);
    assert.deepEqual(l.positionOf('b'), { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '77' });
    assert.equal(l.latestAtOf('b'), undefined);
    assert.equal(l.state('gone'), 'waiting', 'a shard closed during the reload is still read to its end');
    assert.deepEqual(l.positionOf('fresh'), { type: 'LATEST' });
  });

  it('keeps AT_TIMESTAMP for every shard', () => {
    const position = { type: 'AT_TIMESTAMP' as const, timestamp: new Date(0) };
    const l = new Lineage(position);
    l.plan([node('p', [], true), node('c', ['p'])]);
    l.discover(node('later', ['c']));
    assert.deepEqual(l.positionOf('c'), position);
    assert.deepEqual(l.positionOf('later'), position);
    assert.equal(l.state('p'), 'waiting', 'closed shards in retention are read from AT_TIMESTAMP too');
  });

  it('restricted to one shard: reads it from the position and its descendants from TRIM_HORIZON only', () => {
    const pos = { type: 'AFTER_SEQUENCE_NUMBER' as const, sequenceNumber: '42' };
    const l = new Lineage(pos, ['s0']);
    l.plan([node('s0', [], true), node('s1', [], true), node('s2', ['s0']), node('s3', ['s1']), node('s4', ['s2', 's3'])]);
    assert.deepEqual(l.shardIds(['waiting']), ['s0', 's2', 's4']);
    assert.equal(l.state('s1'), 'excluded');
    assert.deepEqual(l.positionOf('s0'), pos);
    assert.deepEqual(l.positionOf('s2'), { type: 'TRIM_HORIZON' });
    l.setState('s0', 'closed');
    assert.deepEqual(l.ready(), ['s2'], 's4 waits for s2; s3 is not read so it does not hold s4 back');
    assert.equal(l.discover(node('x', ['s1'])), true);
    assert.equal(l.state('x'), 'excluded');
  });

  it('reports children blocked by a failed parent', () => {
    const l = new Lineage({ type: 'TRIM_HORIZON' });
    l.plan([node('p', [], true), node('c', ['p'])]);
    l.setState('p', 'failed');
    assert.deepEqual(l.ready(), []);
    assert.deepEqual(l.blocked(), ['c']);
  });

  it('learns a second parent from ChildShards', () => {
    const l = new Lineage({ type: 'TRIM_HORIZON' });
    l.plan([node('a'), node('b'), node('c', ['a'])]);
    l.discover(node('c', ['a', 'b']));
    assert.deepEqual(l.parentsOf('c'), ['a', 'b']);
  });

  it('does not wait for parents that aged out of the listing', () => {
    const l = new Lineage({ type: 'TRIM_HORIZON' });
    l.plan([node('c', ['gone'])]);
    assert.deepEqual(l.ready(), ['c']);
  });

  it('builds nodes from ListShards output', () => {
    assert.deepEqual(
      shardNode({ ShardId: 'c', ParentShardId: 'a', AdjacentParentShardId: 'b', HashKeyRange: undefined, SequenceNumberRange: { StartingSequenceNumber: '1', EndingSequenceNumber: '9' } }),
      { shardId: 'c', parentShardIds: ['a', 'b'], closed: true },
    );
    assert.deepEqual(shardNode({ ShardId: 'd', HashKeyRange: undefined, SequenceNumberRange: { StartingSequenceNumber: '1' } }), { shardId: 'd', parentShardIds: [], closed: false });
  });

  it('resumes shards with a saved position after it, even a closed one, and others as asked', () => {
    const l = new Lineage({ type: 'LATEST' }, undefined, new Map([['old', '111'], ['a', '222']]));
    l.plan([node('old', [], true), node('a', ['old']), node('b', ['old'])]);
    assert.equal(l.state('old'), 'waiting', 'a closed shard with unread records left is read to its end');
    assert.deepEqual(l.positionOf('old'), { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '111' });
    assert.deepEqual(l.positionOf('a'), { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '222' });
    assert.deepEqual(l.positionOf('b'), { type: 'LATEST' });
    assert.deepEqual(l.ready(), ['old']);
  });
});
