import { strict as assert } from 'node:assert';
import {
  AccessDeniedException,
  ExpiredIteratorException,
  InvalidArgumentException,
  KinesisServiceException,
  KMSThrottlingException,
  LimitExceededException,
  ProvisionedThroughputExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-kinesis';
import { classifyFault } from '../../../../src/kinesis/tail/faults';

const meta = (status: number) => ({ $metadata: { httpStatusCode: status } });

describe('classifyFault', () => {
  it('renews the iterator on ExpiredIteratorException', () => {
    assert.equal(classifyFault(new ExpiredIteratorException({ message: 'Iterator expired', ...meta(400) })), 'expired-iterator');
  });

  it('backs off on shard, KMS and account throttling', () => {
    assert.equal(classifyFault(new ProvisionedThroughputExceededException({ message: 'Rate exceeded for shard', ...meta(400) })), 'throttled');
    assert.equal(classifyFault(new KMSThrottlingException({ message: 'KMS rate', ...meta(400) })), 'throttled');
    assert.equal(classifyFault(new LimitExceededException({ message: 'limit', ...meta(400) })), 'throttled');
  });

  it('retries network errors and 5xx', () => {
    assert.equal(classifyFault(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })), 'transient');
    assert.equal(classifyFault(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })), 'transient');
    const e500 = new KinesisServiceException({ name: 'InternalFailure', $fault: 'server', message: 'boom', ...meta(500) });
    assert.equal(classifyFault(e500), 'transient');
    const e503 = new KinesisServiceException({ name: 'ServiceUnavailable', $fault: 'server', message: '', ...meta(503) });
    assert.equal(classifyFault(e503), 'transient');
  });

  it('retries while the stream is not ACTIVE (CREATING, DELETING)', () => {
    assert.equal(classifyFault(new ResourceInUseException({ message: 'Stream s is not currently ACTIVE or UPDATING', ...meta(400) })), 'transient');
  });

  it('stops a shard on deleted streams, missing permissions and invalid arguments', () => {
    assert.equal(classifyFault(new ResourceNotFoundException({ message: 'Stream not found', ...meta(400) })), 'fatal');
    assert.equal(classifyFault(new AccessDeniedException({ message: 'not authorized', ...meta(400) })), 'fatal');
    assert.equal(classifyFault(new InvalidArgumentException({ message: 'bad seq', ...meta(400) })), 'fatal');
    assert.equal(classifyFault(new Error('something odd')), 'fatal');
  });

  it('stops everything on credential errors', () => {
    const expired = new KinesisServiceException({ name: 'ExpiredTokenException', $fault: 'client', message: 'The security token included in the request is expired', ...meta(400) });
    assert.equal(classifyFault(expired), 'credentials');
    assert.equal(classifyFault(new KinesisServiceException({ name: 'UnrecognizedClientException', $fault: 'client', message: 'invalid token', ...meta(400) })), 'credentials');
    assert.equal(classifyFault(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' })), 'credentials');
  });

  it('recognises stop() as an abort, whatever the error', () => {
    const ac = new AbortController();
    ac.abort();
    assert.equal(classifyFault(new Error('socket hang up'), ac.signal), 'aborted');
    assert.equal(classifyFault(Object.assign(new Error('The operation was aborted'), { name: 'AbortError' })), 'aborted');
  });
});
