// Test fixtures for the decoders: KPL aggregates made by the real aws-kinesis-agg producer, its
// de-aggregator for cross-checks, a KPL framer for hand-made bodies, and a seeded PRNG.
import { createHash } from 'node:crypto';
import * as kinesisAgg from 'aws-kinesis-agg';
export { seededRandom } from '../../../support/seededRandom';

export interface ProducerRecord {
  partitionKey: string;
  explicitHashKey?: string;
  data: Buffer;
}

export interface EncodedRecord {
  partitionKey: string;
  ExplicitHashKey?: string;
  data: Buffer;
}

interface ProducerUserRecord {
  partitionKey: string;
  explicitPartitionKey?: string;
  subSequenceNumber?: number;
  data: string;
}

// The package's own .d.ts imports aws-sdk v2 and aws-lambda types we do not have, so its
// signatures are restated here from its README and source.
interface KinesisAgg {
  aggregate(
    records: ProducerRecord[],
    onEncoded: (encoded: EncodedRecord, done: (err?: Error) => void) => void,
    afterAll: () => void,
    onError: (err: Error, data?: unknown) => void,
  ): void;
  deaggregateSync(
    record: { data: string; partitionKey: string; sequenceNumber: string },
    computeChecksums: boolean,
    callback: (err: Error | null | undefined, records?: ProducerUserRecord[]) => void,
  ): void;
}

const agg = kinesisAgg as unknown as KinesisAgg;

/** Aggregates with the producer's documented aggregate(); it splits at 1 MiB like the KPL. */
export function aggregateWithProducer(records: ProducerRecord[]): Promise<EncodedRecord[]> {
  // The producer mutates its inputs (string data becomes Buffer); hand it copies.
  const inputs = records.map((r) => ({ ...r }));
  return new Promise((resolve, reject) => {
    const out: EncodedRecord[] = [];
    agg.aggregate(
      inputs,
      (encoded, done) => {
        out.push(encoded);
        done();
      },
      () => resolve(out),
      (err) => reject(err),
    );
  });
}

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

