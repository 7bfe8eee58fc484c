import { strict as assert } from 'node:assert';
import { AccessDeniedException } from '@aws-sdk/client-kinesis';
import { describeError } from '../../../../src/kinesis/errors';
import { callKinesis, describeCallError, KinesisCallError } from '../../../../src/kinesis/call';
import { adminFailed, adminRefused, adminUnsettled } from '../../../../src/kinesis/admin/result';

describe('streamAdminResult', () => {
  it('says what was already applied when a later step fails', () => {
    const error = { code: 'LimitExceededException', message: 'too many', retryable: true };
    const r = adminFailed('s', 'set the retention of s', error, ['CreateStream'], 'ACTIVE');
    assert.equal(r.status, 'failed');
    assert.equal(r.message, 'Could not set the retention of s (CreateStream had already been accepted): LimitExceededException: too many');
    assert.deepEqual(r.applied, ['CreateStream']);
    assert.equal(r.streamStatus, 'ACTIVE');
    assert.equal(adminFailed('s', 'create s', error, []).message, 'Could not create s: LimitExceededException: too many');
  });

  it('refusals change nothing', () => {
    const r = adminRefused('s', 'exists', 'exists already');
    assert.deepEqual(r, { status: 'refused', streamName: 's', message: 'exists already', applied: [], refusal: 'exists' });
  });

  it('tells a cancel, a timeout and a lost connection apart', () => {
    const cancelled = adminUnsettled('s', { kind: 'cancelled', lastStatus: 'CREATING', elapsedMs: 10 }, ['CreateStream'], 'ACTIVE');
    assert.equal(cancelled.status, 'cancelled');
    assert.equal(cancelled.message, 'Stopped waiting. CreateStream was accepted; s keeps its state (last seen CREATING) and becomes ACTIVE on its own. Refresh to see it.');
    const timeout = adminUnsettled('s', { kind: 'timeout', lastStatus: 'UPDATING', elapsedMs: 61_000 }, ['UpdateShardCount'], 'ACTIVE');
    assert.match(timeout.message, /did not become ACTIVE within 61 s \(last seen UPDATING\)/);
    const lost = adminUnsettled('s', { kind: 'connectionLost', error: { code: 'ECONNRESET', message: 'socket hang up', retryable: true }, elapsedMs: 5 }, ['DeleteStream'], 'deleted');
    assert.equal(lost.status, 'connectionLost');
    assert.match(lost.message, /^Lost the connection to Kinesis while waiting for s: ECONNRESET: socket hang up DeleteStream was accepted/);
  });

  it('KinesisCallError keeps the SDK error recognizable and names the IAM action', async () => {
    const sdkError = new AccessDeniedException({ message: 'not authorized', $metadata: { httpStatusCode: 400 } });
    const err = await callKinesis('kinesis:ListShards', () => Promise.reject(sdkError)).then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof KinesisCallError);
    assert.equal(err.action, 'kinesis:ListShards');
    assert.equal(err.described.nextStep, 'Grant kinesis:ListShards to this identity in IAM.');
    assert.equal(describeError(err).code, 'AccessDeniedException');
    assert.equal(describeError(err).status, 400);
    assert.equal(describeCallError(err).nextStep, 'Grant kinesis:ListShards to this identity in IAM.');
    assert.equal(describeCallError(new Error('plain'), 'kinesis:X').code, 'Error');
  });
});
