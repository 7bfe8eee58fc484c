// Test fixtures for the decoders: KPL aggregates made by the real aws-kinesis-agg producer, its
// de-aggregator for cross-checks, a KPL framer for hand-made bodies, and a seeded PRNG.
import { createHash } from 'node:crypto';
import { agg } from '../../../harness/kplAggregate';
export { seededRandom } from '../../../support/seededRandom';

export { aggregateWithProducer, type EncodedRecord, type ProducerRecord } from '../../../harness/kplAggregate';
import type { ProducerUserRecord } from '../../../harness/kplAggregate';

export function deaggregateWithProducer(data: Uint8Array, partitionKey: string): ProducerUserRecord[] {
  let result: ProducerUserRecord[] | undefined;
  let error: Error | undefined;
  agg.deaggregateSync({ data: Buffer.from(data).toString('base64'), partitionKey, sequenceNumber: '1' }, true, (err, recs) => {
    if (err) error = err;
    result = recs;
  });
  if (error) throw error;
  if (!result) throw new Error('deaggregateSync did not call back');
  return result;
}

const MAGIC = Buffer.from('f3899ac2', 'hex');

/** Wraps a protobuf body as the KPL does: magic, body, MD5 of the body. */
export function kplFrame(body: Uint8Array): Buffer {
  const md5 = createHash('md5').update(body).digest();
  return Buffer.concat([MAGIC, body, md5]);
}

/** The protobuf body of a KPL frame (between the magic and the checksum). */
export function kplBody(frame: Uint8Array): Buffer {
  return Buffer.from(frame.subarray(4, frame.length - 16));
}

/** Hand-written protobuf pieces for cases no producer will write (bad indexes, unknown fields). */
export function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

export function field(num: number, wire: number, payload: number[] | Uint8Array): number[] {
  const tag = varint(num * 8 + wire);
  const bytes = Array.from(payload);
  return wire === 2 ? [...tag, ...varint(bytes.length), ...bytes] : [...tag, ...bytes];
}

export function utf8(s: string): number[] {
  return Array.from(Buffer.from(s, 'utf8'));
}

