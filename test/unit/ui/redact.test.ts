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

  const leaks = (out: string, secrets: string[]): void => {
    for (const secret of secrets) assert.ok(!out.includes(secret), `${secret} leaked in:\n${out}`);
  };

  it('masks Authorization: Bearer … and bearer tokens elsewhere', () => {
    assert.equal(redact('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'), 'Authorization: Bearer ****');
    assert.equal(redact('{"authorization":"Bearer abcdefgh12345678"}'), '{"authorization":"Bearer ****"}');
    assert.equal(redact('retrying with Bearer abcdefgh12345678=='), 'retrying with Bearer ****');
  });

  it('masks the SSO cache fields accessToken, refreshToken and clientSecret, in JSON and key=value forms', () => {
    const json = '{"startUrl":"https://d-123.awsapps.com/start","accessToken":"aoaAAAAAGdSSOtoken","refreshToken":"aorAAAAAGrefresh","clientSecret":"eyJraWQiOiJrZXktMTU2","expiresAt":"2026-11-30T01:00:00Z"}';
    assert.equal(redact(json), '{"startUrl":"https://d-123.awsapps.com/start","accessToken":"****","refreshToken":"****","clientSecret":"****","expiresAt":"2026-11-30T01:00:00Z"}');
    assert.equal(redact('accessToken=aoaAAAAAGdSSOtoken refreshToken = aorAAAAAGrefresh client_secret: eyJraWQiOiJrZXktMTU2'), 'accessToken=**** refreshToken = **** client_secret: ****');
  });

  it('masks SecretAccessKey => value entirely (not just the ">")', () => {
    assert.equal(redact('SecretAccessKey => wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), 'SecretAccessKey => ****');
    assert.equal(redact('{:SecretAccessKey=>"wJalrXUtnFEMI/K7MDENG"}'), '{:SecretAccessKey=>"****"}');
  });

  it("masks the SDK's error messages that echo request headers", () => {
    const sdk = [
      'InvalidSignatureException: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      'The Canonical String for this request should have been',
      "'POST",
      '/',
      '',
      'content-type:application/x-amz-json-1.1',
      'host:kinesis.eu-west-1.amazonaws.com',
      'x-amz-date:20261130T004500Z',
      'x-amz-security-token:IQoJb3JpZ2luX2VjEJr//////////wEaCWV1LXdlc3QtMSJHMEUCIQD',
      'x-amz-target:Kinesis_20131202.GetRecords',
      '',
      "content-type;host;x-amz-date;x-amz-security-token;x-amz-target'",
      'authorization: AWS4-HMAC-SHA256 Credential=ASIAQWERTYUIOPASDFGH/20261130/eu-west-1/kinesis/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef',
    ].join('\n');
    const out = redact(sdk);
    leaks(out, ['IQoJb3JpZ2lu', 'QWERTYUIOPASDFGH', '0123456789abcdef0123']);
    assert.match(out, /^x-amz-security-token:\*\*\*\*$/m);
    assert.match(out, /^authorization: AWS4-HMAC-SHA256 \*\*\*\*$/m);
    assert.match(out, /Check your AWS Secret Access Key and signing method/, 'the advice itself is not a secret');
    assert.match(out, /x-amz-target:Kinesis_20131202\.GetRecords/);
  });

  it('leaves ordinary text alone', () => {
    const s = 'Stream orders has 4 shards; shardId-000000000001 is closed.';
    assert.equal(redact(s), s);
  });
});
