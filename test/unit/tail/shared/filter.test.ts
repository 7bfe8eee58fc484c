import assert from 'node:assert/strict';
import { compileView, rowJson, type FilterSubject } from '../../../../src/tail/shared/filter';

const row = (o: Partial<FilterSubject>): FilterSubject => ({
  shardId: 'shardId-000000000000', partitionKey: 'pk', kind: 'json', body: '{}', bodyTruncated: false, ...o,
});

describe('view filter', () => {
  it('is inactive when empty', () => {
    const v = compileView({ text: '  ', field: ' ', hiddenShards: [] });
    assert.equal(v.active, false);
    assert.equal(v.matches(row({})), true);
  });

  it('matches text case-insensitively in the payload or the partition key', () => {
    const v = compileView({ text: 'Sensor-7', field: '', hiddenShards: [] });
    assert.equal(v.active, true);
    assert.equal(v.matches(row({ body: '{"name":"sensor-7"}' })), true);
    assert.equal(v.matches(row({ partitionKey: 'SENSOR-7b' })), true);
    assert.equal(v.matches(row({ body: '{"name":"sensor-8"}' })), false);
    assert.equal(v.matches(row({ kind: 'text', body: 'log line from sensor-70' })), true);
  });

  it('hides shards', () => {
    const v = compileView({ text: '', field: '', hiddenShards: ['shardId-000000000001'] });
    assert.equal(v.matches(row({ shardId: 'shardId-000000000001' })), false);
    assert.equal(v.matches(row({ shardId: 'shardId-000000000002' })), true);
  });

  it('applies a field expression to decoded JSON only, and not to cut payloads', () => {
    const v = compileView({ text: '', field: 'temperature > 75', hiddenShards: [] });
    assert.equal(v.matches(row({ body: '{"temperature":80}' })), true);
    assert.equal(v.matches(row({ body: '{"temperature":70}' })), false);
    assert.equal(v.matches(row({ kind: 'text', body: 'temperature > 75' })), false);
    assert.equal(v.matches(row({ body: '{"temperature":80,"pad":"', bodyTruncated: true })), false);
    assert.equal(v.matches(row({ body: 'not json' })), false);
  });

  it('combines text, field and shard filters', () => {
    const v = compileView({ text: 'north', field: '$.level in ["WARN","ERROR"]', hiddenShards: ['s2'] });
    assert.equal(v.matches(row({ body: '{"level":"WARN","site":"north"}' })), true);
    assert.equal(v.matches(row({ body: '{"level":"INFO","site":"north"}' })), false);
    assert.equal(v.matches(row({ shardId: 's2', body: '{"level":"WARN","site":"north"}' })), false);
  });

  it('reports a bad field expression and ignores it', () => {
    const v = compileView({ text: '', field: 'temperature >', hiddenShards: [] });
    assert.equal(v.fieldError?.position, 13);
    assert.equal(v.active, false);
    assert.equal(v.matches(row({})), true);
  });

  it('parses row JSON only when it is whole', () => {
    assert.deepEqual(rowJson(row({ body: '[1,2]' })), { value: [1, 2] });
    assert.equal(rowJson(row({ body: '[1,2]', bodyTruncated: true })), undefined);
    assert.equal(rowJson(row({ kind: 'text', body: '[1,2]' })), undefined);
  });
});
