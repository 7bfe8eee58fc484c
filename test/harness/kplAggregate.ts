// The real KPL aggregate format, written by the aws-kinesis-agg producer library: used by the
// decoder tests and by the playground's demo producer.
import * as kinesisAgg from 'aws-kinesis-agg';

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

export interface ProducerUserRecord {
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

export const agg = kinesisAgg as unknown as KinesisAgg;

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
