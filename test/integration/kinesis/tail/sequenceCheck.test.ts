// A sequence number typed by the user is checked against its shard before a tail opens, and an
// iterator refused for it reads "not a sequence number of shardId-…", never "stream does not exist".
import { strict as assert } from 'node:assert';
import { checkSequencePosition, notASequenceNumberOf, ShardReader, type ShardEnd } from '../../../../src/kinesis/tail';
import { createStream, deleteStream, testClient } from '../../fixture';
import { listShards, putAll } from './helpers';

describe('tail: sequence numbers checked against the shard (kinesis-local)', function () {
  this.timeout(30_000);
  let stream = '';
  let shardId = '';
  let seq = '';

  before(async () => {
    stream = await createStream(1, 'seqcheck');
    shardId = (await listShards(testClient(), stream))[0]?.ShardId ?? '';
    seq = (await putAll(testClient(), stream, [{ data: 'x', partitionKey: 'k' }]))[0]?.sequenceNumber ?? '';
  });

  after(async () => {
    await deleteStream(stream);
  });

  it('accepts a sequence number of the shard', async () => {
    assert.equal(await checkSequencePosition({ client: testClient(), streamName: stream, shardId }, { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seq }), undefined);
  });

  it('refuses 123 with "not a sequence number of shardId-…"', async () => {
    const msg = await checkSequencePosition({ client: testClient(), streamName: stream, shardId }, { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '123' });
    assert.equal(msg, notASequenceNumberOf('123', shardId));
  });

  it('still says when the stream itself is missing', async () => {
    const msg = await checkSequencePosition({ client: testClient(), streamName: `${stream}-gone`, shardId }, { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: '123' });
    assert.match(msg ?? '', /^ResourceNotFoundException/);
  });

  it('a reader started at 123 ends with the same message, not "stream does not exist"', async () => {
    const reader = new ShardReader({ client: testClient({ maxAttempts: 1 }), streamName: stream, shardId, position: { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: '123' }, onBatch: () => undefined });
    const end: ShardEnd = await reader.start();
    assert.equal(end.reason, 'error');
    if (end.reason !== 'error') return;
    assert.equal(end.error.message, notASequenceNumberOf('123', shardId));
    assert.doesNotMatch(end.error.nextStep ?? '', /does not exist/);
  });
});
