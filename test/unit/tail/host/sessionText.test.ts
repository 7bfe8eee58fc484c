import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describedText, originalJson } from '../../../../src/tail/host/sessionText';

describe('tail session text', () => {
  it('reads a converted record\'s original JSON, gunzipping a CloudWatch Logs envelope, with exact numbers', () => {
    const ddb = '{"dynamodb":{"NewImage":{"n":{"N":"12345678901234567890"}}}}';
    assert.match(originalJson(Buffer.from(ddb)) ?? '', /"N": "12345678901234567890"/);
    const envelope = { messageType: 'DATA_MESSAGE', logEvents: [{ id: '1', message: 'hello' }] };
    assert.equal(originalJson(gzipSync(JSON.stringify(envelope))), JSON.stringify(envelope, null, 2));
    assert.equal(originalJson(Buffer.from('not json')), undefined, 'not JSON: the panel points to Raw hex');
    assert.equal(originalJson(Uint8Array.from([0x1f, 0x8b, 0, 1])), undefined, 'a broken gzip is not shown');
  });

  it('writes an AWS error as code, sentence and next step', () => {
    assert.equal(describedText({ code: 'ResourceNotFoundException', message: 'Stream x not found.', nextStep: 'Refresh the explorer.', retryable: false }), 'ResourceNotFoundException: Stream x not found. Refresh the explorer.');
    assert.equal(describedText(undefined), '');
  });
});
