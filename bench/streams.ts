// What the drain and API suites share: one kinesis-local for the run, streams filled through
// PutRecords (500 records a call, spread over every shard), and a client like the tail's.
import { PutRecordsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../src/kinesis/client';
import { startKinesisLocal, type KinesisLocal } from '../test/harness/kinesisLocal';
import { jsonPayload } from './decode';

export async function startLocal(streams: Record<string, number>): Promise<KinesisLocal> {
  return startKinesisLocal({ initializeStreams: Object.entries(streams).map(([n, s]) => `${n}:${s}`).join(',') });
}

/** A client as the tail gets one ('tail' purpose: one attempt per call; the caller retries). */
export function tailClient(local: KinesisLocal, endpoint = local.endpoint): KinesisClient {
  return createKinesisClient({ region: local.region, endpoint, credentials: local.credentials, maxAttempts: 1 });
}

/** Writes `count` JSON records (~250 B) with random partition keys, so every shard gets a share. */
export async function fill(client: KinesisClient, streamName: string, count: number, log: (line: string) => void): Promise<void> {
  const started = Date.now();
  let lastLog = started;
  for (let done = 0; done < count; ) {
    const n = Math.min(500, count - done);
    const Records = Array.from({ length: n }, (_, k) => ({ Data: Buffer.from(jsonPayload(done + k)), PartitionKey: `pk-${(done + k) * 7919}` }));
    const out = await client.send(new PutRecordsCommand({ StreamName: streamName, Records }));
    // A partial failure (kinesis-local can throttle too) is retried by counting only what landed.
    done += n - (out.FailedRecordCount ?? 0);
    if (Date.now() - lastLog > 10_000) {
      lastLog = Date.now();
      log(`fill ${streamName}: ${done}/${count}`);
    }
  }
  log(`fill ${streamName}: ${count} records in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
