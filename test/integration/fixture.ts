// Root hooks for the integration layer: one kinesis-local for the whole run, started before
// the first test and stopped after the last (also on failure), plus stream helpers.
import { CreateStreamCommand, DeleteStreamCommand, type KinesisClient, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import { createKinesisClient, type ClientOptions } from '../../src/kinesis/client';
import { startKinesisLocal, type KinesisLocal } from '../harness/kinesisLocal';

let local: KinesisLocal | undefined;
const clients: KinesisClient[] = [];

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    local = await startKinesisLocal();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    for (const c of clients.splice(0)) c.destroy();
    await local?.stop();
    local = undefined;
  },
};

export function emulator(): KinesisLocal {
  if (!local) throw new Error('kinesis-local is not running (root hook did not start it)');
  return local;
}

/** Client options pointing at the emulator; override endpoint to go through a fault proxy. */
export function clientOptions(overrides: Partial<ClientOptions> = {}): ClientOptions {
  const k = emulator();
  return { region: k.region, endpoint: k.endpoint, credentials: k.credentials, ...overrides };
}

/** A client destroyed automatically at the end of the run. */
export function testClient(overrides: Partial<ClientOptions> = {}): KinesisClient {
  const c = createKinesisClient(clientOptions(overrides));
  clients.push(c);
  return c;
}

export function uniqueStreamName(prefix = 'it'): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Creates a provisioned stream and waits until it is ACTIVE. */
export async function createStream(shards = 1, prefix = 'it'): Promise<string> {
  const client = testClient();
  const name = uniqueStreamName(prefix);
  await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
  await waitUntilStreamExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StreamName: name });
  return name;
}

export async function deleteStream(name: string): Promise<void> {
  await testClient().send(new DeleteStreamCommand({ StreamName: name, EnforceConsumerDeletion: true }));
}
