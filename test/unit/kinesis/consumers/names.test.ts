import { strict as assert } from 'node:assert';
import { parseConsumerName } from '../../../../src/kinesis/consumers/consumers';
import { consumerUserPart, isTemporaryConsumerOf } from '../../../../src/kinesis/consumers/sweepPolicy';
import { temporaryConsumerName } from '../../../../src/kinesis/consumers/temporary';

describe('consumer names', () => {
  it('accepts the characters RegisterStreamConsumer accepts, trimmed', () => {
    assert.deepEqual(parseConsumerName('  my-app_1.v2 '), { ok: true, value: 'my-app_1.v2' });
  });

  it('says what is wrong with a bad name', () => {
    assert.deepEqual(parseConsumerName(''), { ok: false, error: 'Enter a consumer name.' });
    assert.deepEqual(parseConsumerName('a/b'), { ok: false, error: '"/" is not allowed in a consumer name: use letters, digits, "_", "." and "-".' });
    const long = parseConsumerName('x'.repeat(129));
    assert.equal(long.ok, false);
    assert.match(long.ok ? '' : long.error, /at most 128 characters; this one has 129/);
  });

  it('names temporary consumers kinesis-explorer-<user>-<8 hex> and recognises only its own user', () => {
    assert.equal(temporaryConsumerName('Jane Doe', 'deadbeef'), 'kinesis-explorer-jane_doe-deadbeef');
    assert.match(temporaryConsumerName('x'), /^kinesis-explorer-x-[0-9a-f]{8}$/);
    assert.equal(parseConsumerName(temporaryConsumerName('ü@corp')).ok, true);
    assert.equal(consumerUserPart('---'), 'user');
    assert.equal(isTemporaryConsumerOf('kinesis-explorer-jane_doe-deadbeef', 'Jane Doe'), true);
    assert.equal(isTemporaryConsumerOf('kinesis-explorer-jane_doe-deadbeef', 'jane'), false);
    assert.equal(isTemporaryConsumerOf('kinesis-explorer-jane_doe-prod', 'Jane Doe'), false);
  });
});
