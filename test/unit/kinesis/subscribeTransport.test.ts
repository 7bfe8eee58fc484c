// SubscribeToShard's transport: HTTP/2 for AWS (which requires it), HTTP/1.1 for other endpoints,
// forced either way per connection; and the clients ClientCache builds for each choice.
import { strict as assert } from 'node:assert';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { ClientCache, createKinesisClient, subscribeTransport } from '../../../src/kinesis/client';
import { customConnections } from '../../../src/kinesis/connections/custom';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function handlerOf(client: { config: { requestHandler: unknown } }): unknown {
  return client.config.requestHandler;
}

describe('SubscribeToShard transport', () => {
  it('chooses HTTP/2 for AWS endpoints and HTTP/1.1 for custom ones', () => {
    assert.equal(subscribeTransport(undefined), 'http2');
    assert.equal(subscribeTransport('https://kinesis.eu-west-1.amazonaws.com'), 'http2');
    assert.equal(subscribeTransport('https://vpce-0abc-kinesis.us-east-1.vpce.amazonaws.com'), 'http2');
    assert.equal(subscribeTransport('https://kinesis.cn-north-1.amazonaws.com.cn'), 'http2');
    assert.equal(subscribeTransport('http://localhost:4566'), 'http1');
    assert.equal(subscribeTransport('https://amazonaws.com.evil.example'), 'http1');
    assert.equal(subscribeTransport('not a url'), 'http1');
  });

  it('obeys a forced setting either way', () => {
    assert.equal(subscribeTransport('http://localhost:4566', 'http2'), 'http2');
    assert.equal(subscribeTransport(undefined, 'http1'), 'http1');
    assert.equal(subscribeTransport('http://localhost:4566', 'auto'), 'http1');
  });

  it('builds an HTTP/2 handler only when asked', () => {
    const h2 = createKinesisClient({ region: 'us-east-1', credentials, http2: true });
    const h1 = createKinesisClient({ region: 'us-east-1', credentials });
    try {
      assert.ok(handlerOf(h2) instanceof NodeHttp2Handler);
      assert.ok(handlerOf(h1) instanceof NodeHttpHandler);
    } finally {
      h2.destroy();
      h1.destroy();
    }
  });

  it("gives purpose 'subscribe' its own client, on HTTP/2 for AWS, HTTP/1.1 for a custom endpoint unless forced", async () => {
    const cache = new ClientCache();
    try {
      const make = (endpoint?: string) => () => ({ region: 'us-east-1', endpoint, credentials });
      const aws = cache.get({ connectionId: 'profile:a', region: 'us-east-1', purpose: 'subscribe' }, make());
      const awsTail = cache.get({ connectionId: 'profile:a', region: 'us-east-1', purpose: 'tail' }, make());
      const local = cache.get({ connectionId: 'custom:l', region: 'us-east-1', endpoint: 'http://localhost:4567', purpose: 'subscribe' }, make('http://localhost:4567'));
      const forced = cache.get({ connectionId: 'custom:l', region: 'us-east-1', endpoint: 'http://localhost:4567', purpose: 'subscribe', efoTransport: 'http2' }, make('http://localhost:4567'));
      assert.ok(handlerOf(aws) instanceof NodeHttp2Handler);
      assert.ok(handlerOf(awsTail) instanceof NodeHttpHandler);
      assert.ok(handlerOf(local) instanceof NodeHttpHandler);
      assert.ok(handlerOf(forced) instanceof NodeHttp2Handler);
      assert.notEqual(aws, awsTail);
      // Own retries: the reader resubscribes itself.
      assert.equal(await aws.config.maxAttempts(), 1);
    } finally {
      cache.dispose();
    }
  });

  it('reads efoTransport from a custom connection and rejects anything else', () => {
    const [ok, bad] = customConnections(
      [
        { name: 'a', endpoint: 'http://localhost:4566', region: 'us-east-1', efoTransport: 'http2' },
        { name: 'b', endpoint: 'http://localhost:4566', region: 'us-east-1', efoTransport: 'h2' },
      ],
      new Map(),
    );
    assert.equal(ok?.efoTransport, 'http2');
    assert.equal(ok?.problem, undefined);
    assert.deepEqual(bad?.problem, { code: 'InvalidSetting', message: 'efoTransport must be "auto", "http1" or "http2", not "h2"' });
  });
});
