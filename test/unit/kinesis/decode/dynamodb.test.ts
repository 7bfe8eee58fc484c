import { strict as assert } from 'node:assert';
import { marshall } from '@aws-sdk/util-dynamodb';
import { decodePayload } from '../../../../src/kinesis/decode';
import { exactNumber } from '../../../../src/kinesis/decode/dynamodb';

/** The Kinesis Data Streams for DynamoDB record format, as the service writes it. */
function changeRecord(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', images: Record<string, unknown>): Record<string, unknown> {
  return {
    awsRegion: 'eu-west-1',
    eventID: 'b4f1c2d3-0000-4000-8000-123456789abc',
    eventName,
    userIdentity: null,
    recordFormat: 'application/json',
    tableName: 'Orders',
    dynamodb: { ApproximateCreationDateTime: 1714550400123, SizeBytes: 152, ...images },
    eventSource: 'aws:dynamodb',
  };
}

const keys = { pk: { S: 'ORDER#17' }, sk: { N: '1' } };
const order = {
  pk: 'ORDER#17',
  sk: 1,
  total: 12.5,
  paid: true,
  note: null,
  items: [{ sku: 'A-1', qty: 2 }, 'gift'],
  address: { city: 'Lyon', zip: '69001' },
  tags: new Set(['new', 'priority']),
  scores: new Set([3, 1.5]),
};

function decodeChange(record: unknown): { json: { dynamodb: Record<string, unknown> }; layers: string[]; warnings?: string[] } {
  const d = decodePayload(Buffer.from(JSON.stringify(record)));
  return { json: d.json as { dynamodb: Record<string, unknown> }, layers: d.layers, warnings: d.warnings };
}

describe('decode: DynamoDB change records through Kinesis', () => {
  it('unmarshalls an INSERT into plain JSON (sets become arrays)', () => {
    const d = decodeChange(changeRecord('INSERT', { Keys: keys, NewImage: marshall(order) }));
    assert.deepEqual(d.layers, ['dynamodb', 'json']);
    assert.equal(d.warnings, undefined);
    assert.deepEqual(d.json.dynamodb.Keys, { pk: 'ORDER#17', sk: 1 });
    assert.deepEqual(d.json.dynamodb.NewImage, { ...order, tags: ['new', 'priority'], scores: [3, 1.5] });
    assert.equal(d.json.dynamodb.ApproximateCreationDateTime, 1714550400123);
    assert.equal((d.json as unknown as { eventName: string }).eventName, 'INSERT');
    assert.deepEqual(JSON.parse(JSON.stringify(d.json)), d.json, 'survives a JSON round trip unchanged');
  });

  it('keeps an attribute named __proto__ as an own property, with a warning, also in nested maps', () => {
    const image = JSON.parse('{"pk":{"S":"A"},"__proto__":{"S":"kept"},"nested":{"M":{"__proto__":{"N":"1"},"x":{"L":[{"M":{"__proto__":{"BOOL":true}}}]}}}}') as Record<string, unknown>;
    const d = decodeChange(changeRecord('INSERT', { Keys: keys, NewImage: image }));
    const img = d.json.dynamodb.NewImage as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(img, '__proto__'));
    assert.equal(Object.getPrototypeOf(img), Object.prototype, 'the prototype is untouched');
    assert.equal(JSON.stringify(img), '{"pk":"A","__proto__":"kept","nested":{"__proto__":1,"x":[{"__proto__":true}]}}');
    assert.deepEqual(d.warnings, [
      'DynamoDB NewImage.__proto__: the attribute "__proto__" is kept as an ordinary field; code that copies it into a plain object may drop it.',
      'DynamoDB NewImage.nested.__proto__: the attribute "__proto__" is kept as an ordinary field; code that copies it into a plain object may drop it.',
      'DynamoDB NewImage.nested.x[0].__proto__: the attribute "__proto__" is kept as an ordinary field; code that copies it into a plain object may drop it.',
    ]);
  });

  it('unmarshalls both images of a MODIFY', () => {
    const d = decodeChange(
      changeRecord('MODIFY', { Keys: keys, OldImage: marshall({ pk: 'ORDER#17', status: 'new' }), NewImage: marshall({ pk: 'ORDER#17', status: 'paid' }) }),
    );
    assert.deepEqual(d.json.dynamodb.OldImage, { pk: 'ORDER#17', status: 'new' });
    assert.deepEqual(d.json.dynamodb.NewImage, { pk: 'ORDER#17', status: 'paid' });
  });

  it('unmarshalls the old image of a REMOVE, which has no new image', () => {
    const d = decodeChange(changeRecord('REMOVE', { Keys: keys, OldImage: { pk: { S: 'ORDER#17' }, bin: { B: 'AQID' } } }));
    assert.ok(!('NewImage' in d.json.dynamodb));
    // In Kinesis the record is JSON, so binary attributes arrive (and stay) base64.
    assert.deepEqual(d.json.dynamodb.OldImage, { pk: 'ORDER#17', bin: 'AQID' });
  });

  it('keeps numbers beyond double precision as exact strings instead of throwing', () => {
    const image = { big: { N: '12345678901234567890123456789012345678' }, small: { N: '-0.125' }, many: { NS: ['1', '99999999999999999999'] } };
    const d = decodeChange(changeRecord('INSERT', { Keys: keys, NewImage: image }));
    assert.equal(d.warnings, undefined);
    assert.deepEqual(d.json.dynamodb.NewImage, { big: '12345678901234567890123456789012345678', small: -0.125, many: [1, '99999999999999999999'] });
    assert.equal(exactNumber('100000000000000000000000'), 1e23);
    assert.equal(exactNumber('0.000000000000000001'), 1e-18);
    assert.equal(exactNumber('1.2345678901234567'), '1.2345678901234567');
    assert.equal(exactNumber('NaN'), 'NaN');
  });

  it('keeps a malformed image as it came and warns, without losing the others', () => {
    const d = decodeChange(changeRecord('MODIFY', { Keys: keys, NewImage: { a: { XX: 1 } }, OldImage: 'not a map' }));
    assert.deepEqual(d.layers, ['dynamodb', 'json']);
    assert.deepEqual(d.json.dynamodb.Keys, { pk: 'ORDER#17', sk: 1 });
    assert.deepEqual(d.json.dynamodb.NewImage, { a: { XX: 1 } });
    assert.equal(d.json.dynamodb.OldImage, 'not a map');
    assert.equal(d.warnings?.length, 2);
    assert.match(d.warnings?.[0] ?? '', /NewImage kept as attribute values/);
    assert.match(d.warnings?.[1] ?? '', /OldImage kept as attribute values/);
  });

  it('does not claim JSON from other sources', () => {
    const d = decodeChange({ ...changeRecord('INSERT', { Keys: keys }), eventSource: 'aws:kinesis' });
    assert.deepEqual(d.layers, ['json']);
    assert.deepEqual(d.json.dynamodb.Keys, keys);
  });
});
