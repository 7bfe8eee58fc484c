import { strict as assert } from 'node:assert';
import { describeError, errorCode, formatError, isThrottling } from '../../../src/kinesis/errors';

function awsError(name: string, message: string, status = 400): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status }, $fault: status >= 500 ? 'server' : 'client' });
}

describe('describeError', () => {
  it('maps InvalidArgumentException on an iterator from a sequence number to "not a sequence number of shardId-…"', () => {
    const ctx = { action: 'kinesis:GetShardIterator', sequenceNumber: '123', shardId: 'shardId-000000000000' };
    const d = describeError(awsError('InvalidArgumentException', 'Invalid StartingSequenceNumber. It encodes shardId-000000000001, while it was used in a call to a shard with shardId-000000000000'), ctx);
    assert.equal(d.message, '123 is not a sequence number of shardId-000000000000: copy one from a record of this shard (a tail row or a put result).');
    assert.equal(d.nextStep, 'Start from a sequence number shown for this shard, or from TRIM_HORIZON or a timestamp.');
    // kinesis-local's answer for the same mistake; never "the stream does not exist".
    const local = describeError(awsError('ResourceNotFoundException', 'Unable to find record with provided SequenceNumber SequenceNumber(123) in stream Some(s)'), ctx);
    assert.equal(local.message, d.message);
    assert.doesNotMatch(formatError(local), /does not exist/);
    // A missing stream is still a missing stream.
    assert.match(describeError(awsError('ResourceNotFoundException', 'Stream s under account 000000000000 not found.'), ctx).nextStep ?? '', /does not exist/);
  });

  it('names the missing IAM action for access errors', () => {
    const d = describeError(awsError('AccessDeniedException', 'User is not authorized'), { action: 'kinesis:GetRecords' });
    assert.equal(d.code, 'AccessDeniedException');
    assert.equal(d.retryable, false);
    assert.match(d.nextStep ?? '', /kinesis:GetRecords/);
  });

  it('treats throttling as retryable', () => {
    const e = awsError('ProvisionedThroughputExceededException', 'Rate exceeded for shard');
    assert.ok(isThrottling(e));
    assert.equal(describeError(e).retryable, true);
  });

  it('tells SSO users to log in with their profile', () => {
    const e = Object.assign(new Error('The SSO session associated with this profile has expired'), { name: 'TokenProviderError' });
    assert.match(describeError(e, { profile: 'dev' }).nextStep ?? '', /aws sso login --profile dev/);
  });

  it('recognises socket errors by their Node code and points at the endpoint', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const d = describeError(e, { endpoint: 'http://127.0.0.1:1' });
    assert.equal(d.code, 'ECONNREFUSED');
    assert.equal(d.retryable, true);
    assert.match(d.nextStep ?? '', /127\.0\.0\.1:1/);
  });

  it('marks 5xx responses as retryable server errors', () => {
    const d = describeError(awsError('InternalFailure', 'oops', 500));
    assert.equal(d.retryable, true);
    assert.equal(d.status, 500);
  });

  it('formats code, message and next step on one line', () => {
    const line = formatError(describeError(awsError('ResourceNotFoundException', 'Stream s not found')));
    assert.match(line, /^ResourceNotFoundException: Stream s not found\. .*Refresh/);
    assert.ok(!line.includes('\n'));
  });

  it('never throws on odd inputs', () => {
    for (const v of [undefined, null, 42, 'text', {}, { name: 5 }, Object.create(null)]) {
      assert.equal(typeof errorCode(v), 'string');
      assert.equal(typeof formatError(describeError(v)), 'string');
    }
  });
});
