// Fills the playground's demo streams, one per decoder the tail panel has, until stopped: JSON
// sensor readings (1 shard) and clickstream events (4 shards), KPL-aggregated orders, gzip
// CloudWatch Logs envelopes from a fake Lambda, DynamoDB change records, and binary frames.
import { setTimeout as sleep } from 'node:timers/promises';
import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { aggregateWithProducer } from '../../test/harness/kplAggregate';
import { binaryFrame, clickEvent, dynamoDbChange, lambdaLogEnvelope, orderEvent, sensorReading, type DemoRecord } from './events';

export interface DemoStream {
  name: string;
  shards: number;
  /** What a user sees in it. */
  about: string;
  /** The records of one tick (every 500 ms). */
  tick(n: number): DemoRecord[] | Promise<DemoRecord[]>;
}

export const SENSOR_STREAM = 'demo-iot-sensors';
export const CLICK_STREAM = 'demo-clickstream';

const times = (count: number, n: number, make: (i: number) => DemoRecord): DemoRecord[] => Array.from({ length: count }, (_, i) => make(n * count + i));

export const DEMO_STREAMS: DemoStream[] = [
  { name: SENSOR_STREAM, shards: 1, about: 'JSON sensor readings, 4/s', tick: (n) => times(2, n, sensorReading) },
  { name: CLICK_STREAM, shards: 4, about: 'JSON clickstream events, 12/s', tick: (n) => times(6, n, clickEvent) },
  {
    name: 'demo-orders-kpl',
    shards: 2,
    about: 'KPL aggregates of 10 order events, 2/s',
    async tick(n) {
      const orders = times(10, n, orderEvent);
      const aggregates = await aggregateWithProducer(orders.map((o) => ({ partitionKey: o.key, data: o.data })));
      return aggregates.map((a) => ({ key: a.partitionKey, data: a.data }));
    },
  },
  { name: 'demo-lambda-logs', shards: 1, about: 'gzip CloudWatch Logs envelopes from a Lambda, 1/s', tick: (n) => (n % 2 === 0 ? [lambdaLogEnvelope(n / 2)] : []) },
  { name: 'demo-dynamodb-changes', shards: 1, about: 'DynamoDB change records of an Orders table, 1/s', tick: (n) => (n % 2 === 0 ? [dynamoDbChange(n / 2)] : []) },
  { name: 'demo-binary-telemetry', shards: 1, about: 'binary telemetry frames, 2/s', tick: (n) => [binaryFrame(n)] },
];

/** `INITIALIZE_STREAMS` for kinesis-local: name:shards,… */
export function initializeStreams(): string {
  return DEMO_STREAMS.map((s) => `${s.name}:${s.shards}`).join(',');
}

async function put(client: KinesisClient, stream: string, records: DemoRecord[]): Promise<void> {
  if (records.length === 0) return;
  const res = await client.send(new PutRecordsCommand({ StreamName: stream, Records: records.map((r) => ({ PartitionKey: r.key, Data: r.data })) }));
  if (res.FailedRecordCount) throw new Error(`${stream}: ${res.FailedRecordCount} of ${records.length} records failed (${res.Records?.find((r) => r.ErrorCode)?.ErrorCode ?? 'unknown'})`);
}

/** Produces every 500 ms until the signal aborts; a failed put is reported and the next tick goes on. */
export async function runProducer(client: KinesisClient, signal: AbortSignal, onError: (err: unknown) => void): Promise<void> {
  for (let n = 0; !signal.aborted; n++) {
    await Promise.all(DEMO_STREAMS.map(async (s) => {
      try {
        await put(client, s.name, await s.tick(n));
      } catch (err) {
        if (!signal.aborted) onError(err);
      }
    }));
    await sleep(500, undefined, { signal }).catch(() => undefined);
  }
}
