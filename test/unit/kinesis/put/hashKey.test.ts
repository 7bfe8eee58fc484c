import { strict as assert } from 'node:assert';
import { MAX_HASH_KEY, effectiveHashKey, partitionKeyHash, shardForHashKey, validateExplicitHashKey } from '../../../../src/kinesis/put/hashKey';
import type { ShardModel } from '../../../../src/kinesis/streams/shards';

// The layout kinesis-local gives a 4-shard stream (the same split AWS uses).
function shard(id: string, start: string, end: string, closed = false): ShardModel {
  return { id, hashKeyStart: start, hashKeyEnd: end, children: [], startingSequence: '1', closed };
}
const FOUR = [
  shard('shardId-000000000000', '0', '85070591730234615865843651857942052862'),
  shard('shardId-000000000001', '85070591730234615865843651857942052863', '170141183460469231731687303715884105725'),
  shard('shardId-000000000002', '170141183460469231731687303715884105726', '255211775190703847597530955573826158588'),
  shard('shardId-000000000003', '255211775190703847597530955573826158589', '340282366920938463463374607431768211455'),
];

describe('hashKey', () => {
  describe('partitionKeyHash (MD5 as unsigned big-endian 128-bit integer)', () => {
    // Vectors: RFC 1321 digests, converted to decimal independently (Python int(hex, 16)).
    const vectors: Array<[string, string]> = [
      ['a', '16955237001963240173058271559858726497'],
      ['abc', '191415658344158766168031473277922803570'],
      ['message digest', '331535486309434048055371704012530344400'],
      ['partition-1', '198019941650871988756153596255032211816'],
      ['é', '136732923097551493579404309126273812335'],
      ['😀', '55842721998748738903166261021950683062'],
    ];
    for (const [key, decimal] of vectors) {
      it(`hashes ${JSON.stringify(key)} to ${decimal.slice(0, 12)}…`, () => {
        assert.equal(partitionKeyHash(key).toString(), decimal);
      });
    }

    it('hashes the UTF-8 bytes, not Latin-1 or UTF-16', () => {
      assert.notEqual(partitionKeyHash('é'), partitionKeyHash('\u00c3\u00a9'));
      assert.ok(partitionKeyHash('é') <= MAX_HASH_KEY);
    });

    it('keeps leading zero bytes (hash below 2^124)', () => {
      // 'a' starts with 0x0c: a string-based conversion that dropped the nibble would be 16x off.
      assert.equal(partitionKeyHash('a') >> 120n, 0x0cn);
    });
  });

  describe('shardForHashKey', () => {
    it('finds the shard of each vector', () => {
      assert.equal(shardForHashKey(FOUR, partitionKeyHash('a'))?.id, 'shardId-000000000000');
      assert.equal(shardForHashKey(FOUR, partitionKeyHash('é'))?.id, 'shardId-000000000001');
      assert.equal(shardForHashKey(FOUR, partitionKeyHash('abc'))?.id, 'shardId-000000000002');
      assert.equal(shardForHashKey(FOUR, partitionKeyHash('message digest'))?.id, 'shardId-000000000003');
    });

    it('includes both ends of a range', () => {
      assert.equal(shardForHashKey(FOUR, 0n)?.id, 'shardId-000000000000');
      assert.equal(shardForHashKey(FOUR, 85070591730234615865843651857942052862n)?.id, 'shardId-000000000000');
      assert.equal(shardForHashKey(FOUR, 85070591730234615865843651857942052863n)?.id, 'shardId-000000000001');
      assert.equal(shardForHashKey(FOUR, MAX_HASH_KEY)?.id, 'shardId-000000000003');
    });

    it('ignores closed shards', () => {
      const parent = shard('shardId-000000000000', '0', MAX_HASH_KEY.toString(), true);
      const child = shard('shardId-000000000001', '0', MAX_HASH_KEY.toString());
      assert.equal(shardForHashKey([parent, child], 5n)?.id, 'shardId-000000000001');
      assert.equal(shardForHashKey([parent], 5n), undefined);
    });
  });

  describe('validateExplicitHashKey', () => {
    it('accepts 0, 2^128-1 and values between', () => {
      assert.equal(validateExplicitHashKey('0'), undefined);
      assert.equal(validateExplicitHashKey(MAX_HASH_KEY.toString()), undefined);
      assert.equal(validateExplicitHashKey('170141183460469231731687303715884105728'), undefined);
    });

    it('refuses each bad form with its own message', () => {
      assert.match(validateExplicitHashKey('') ?? '', /decimal number from 0/);
      assert.match(validateExplicitHashKey((MAX_HASH_KEY + 1n).toString()) ?? '', /above 2\^128-1/);
      assert.match(validateExplicitHashKey('-1') ?? '', /negative/);
      assert.match(validateExplicitHashKey('0x10') ?? '', /decimal, not hexadecimal/);
      assert.match(validateExplicitHashKey('12a4') ?? '', /"a" is not a digit/);
      assert.match(validateExplicitHashKey('1.5') ?? '', /"\." is not a digit/);
      assert.match(validateExplicitHashKey('007') ?? '', /leading zeros/);
      assert.match(validateExplicitHashKey(' 7') ?? '', /spaces/);
    });
  });

  it('effectiveHashKey prefers the explicit key', () => {
    assert.equal(effectiveHashKey('a', '42'), 42n);
    assert.equal(effectiveHashKey('a'), partitionKeyHash('a'));
  });
});
