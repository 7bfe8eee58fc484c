import { strict as assert } from 'node:assert';
import { AccessDeniedException, InternalFailureException, ProvisionedThroughputExceededException, ResourceNotFoundException } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../../../src/kinesis/client';
import { classifyPutFailure, putBackoffDelay, requireSingleAttemptClient, RETRYABLE_ENTRY_ERRORS } from '../../../../src/kinesis/put/retry';
import { sleepUnlessAborted } from '../../../../src/kinesis/clock';

const meta = (status: number) => ({ $metadata: { httpStatusCode: status } });
const socketError = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('putRetry', () => {
  describe('classifyPutFailure', () => {
    it('retries answers that say nothing was written', () => {
      assert.equal(classifyPutFailure(new ProvisionedThroughputExceededException({ message: 'slow down', ...meta(400) })), 'retry');
      assert.equal(classifyPutFailure(new InternalFailureException({ message: 'oops', ...meta(500) })), 'retry');
      assert.equal(classifyPutFailure(Object.assign(new Error('unavailable'), { name: 'ServiceUnavailable', ...meta(503) })), 'retry');
    });

    it('retries connections that never opened', () => {
      assert.equal(classifyPutFailure(socketError('ECONNREFUSED')), 'retry');
      assert.equal(classifyPutFailure(socketError('ENOTFOUND')), 'retry');
      const connectTimeout = Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 5000 ms.'), { name: 'TimeoutError' });
      assert.equal(classifyPutFailure(connectTimeout), 'retry');
    });

    it('stops on answers that will not change', () => {
      assert.equal(classifyPutFailure(new AccessDeniedException({ message: 'no', ...meta(400) })), 'fatal');
      assert.equal(classifyPutFailure(new ResourceNotFoundException({ message: 'gone', ...meta(400) })), 'fatal');
      assert.equal(classifyPutFailure(Object.assign(new Error('no creds'), { name: 'CredentialsProviderError' })), 'fatal');
    });

    it('calls a connection lost mid-request unknown, never retry', () => {
      assert.equal(classifyPutFailure(socketError('ECONNRESET', 'socket hang up')), 'unknown');
      assert.equal(classifyPutFailure(socketError('EPIPE')), 'unknown');
      const requestTimeout = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 30000 ms requestTimeout.'), { name: 'TimeoutError' });
      assert.equal(classifyPutFailure(requestTimeout), 'unknown');
      // A 200 whose body could not be read: the request was processed.
      assert.equal(classifyPutFailure(Object.assign(new Error('Deserialization error'), meta(200))), 'unknown');
    });
  });

  it('retries the documented entry errors only', () => {
    assert.deepEqual([...RETRYABLE_ENTRY_ERRORS].sort(), ['InternalFailure', 'KMSThrottlingException', 'ProvisionedThroughputExceededException']);
  });

  it('backs off exponentially with equal jitter, capped', () => {
    const s = (r: number) => ({ baseDelayMs: 100, maxDelayMs: 1000, random: () => r });
    assert.equal(putBackoffDelay(1, s(0)), 50);
    assert.equal(putBackoffDelay(1, s(0.999999)), 99);
    assert.equal(putBackoffDelay(2, s(0)), 100);
    assert.equal(putBackoffDelay(3, s(0)), 200);
    assert.equal(putBackoffDelay(10, s(0)), 500);
    assert.equal(putBackoffDelay(10, s(0.999999)), 999);
  });

  describe('sleepUnlessAborted', () => {
    it('sleeps the full time when not aborted', async () => {
      const t = Date.now();
      assert.equal(await sleepUnlessAborted(30), true);
      assert.ok(Date.now() - t >= 25);
    });

    it('returns false at once when aborted before or during the sleep', async () => {
      assert.equal(await sleepUnlessAborted(10_000, AbortSignal.abort()), false);
      const ac = new AbortController();
      const t = Date.now();
      setTimeout(() => ac.abort(), 20);
      assert.equal(await sleepUnlessAborted(10_000, ac.signal), false);
      assert.ok(Date.now() - t < 5_000);
    });
  });

  it('requires a client without SDK retries', async () => {
    const creds = { accessKeyId: 'a', secretAccessKey: 'b' };
    const retrying = createKinesisClient({ region: 'us-east-1', credentials: creds });
    const single = createKinesisClient({ region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    try {
      await assert.rejects(requireSingleAttemptClient(retrying), /maxAttempts: 1 \(this one has 3\)/);
      await requireSingleAttemptClient(single);
    } finally {
      retrying.destroy();
      single.destroy();
    }
  });
});
