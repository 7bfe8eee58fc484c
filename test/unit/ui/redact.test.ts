import { strict as assert } from 'node:assert';
import { redact } from '../../../src/ui/redact';

describe('redact', () => {
  it('masks access key ids, secrets and session tokens', () => {
    const text = [
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      '{"sessionToken":"IQoJb3JpZ2luX2VjEXAMPLE=="}',
      'X-Amz-Security-Token: FwoGZXIvYXdzEXAMPLE',
      'Signature=0123456789abcdef0123456789abcdef',
    ].join('\n');
    const out = redact(text);
    for (const secret of ['IOSFODNN7EXAMPLE', 'wJalrXUtnFEMI', 'IQoJb3JpZ2lu', 'FwoGZXIvYXdz', '0123456789abcdef0123']) {
      assert.ok(!out.includes(secret), `${secret} leaked in:\n${out}`);
    }
    assert.match(out, /AKIA\*+/);
  });

  it('leaves ordinary text alone', () => {
    const s = 'Stream orders has 4 shards; shardId-000000000001 is closed.';
    assert.equal(redact(s), s);
  });
});
