// Shared set-up of the put and manage host tests: the running extension's testing API, a
// kinesis.connections setting with the emulator (KINESIS_TEST_ENDPOINT) in two regions, empty AWS
// files so no real profile shows up, an SDK client to check results, and tree walking helpers.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, DeleteStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, waitUntilStreamExists, type KinesisClient, type Shard, type _Record } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import type { ExplorerProvider } from '../../src/explorer/treeProvider';
import { createKinesisClient } from '../../src/kinesis/client';
import { useTempAwsFiles, type TempAwsFiles } from '../integration/explorer/awsFiles';
import type { ScriptedPrompts } from './scriptedPrompts';

export const EXTENSION_ID = 'kinesis-explorer.kinesis-explorer';
export const REGION = 'us-east-1';
export const EMPTY_REGION = 'eu-west-3';
export const CONNECTION = 'Cmd Emulator';
export const EMPTY_CONNECTION = 'Cmd Empty Region';
const SETTING = 'kinesis.connections';

export type Testing = NonNullable<ExtensionApi['testing']>;

export interface CommandFixture {
  api: Testing;
  provider: ExplorerProvider;
  client: KinesisClient;
  endpoint: string;
  suffix: string;
  /** Runs a command with scripted prompts and returns its result. */
  run<T>(command: string, prompts: ScriptedPrompts, ...args: unknown[]): Promise<T>;
  createStream(name: string, shards: number): Promise<void>;
  dispose(): Promise<void>;
}

/** Call from before(): skips the suite without an emulator. */
export async function setUpCommands(ctx: Mocha.Context): Promise<CommandFixture> {
  const endpoint = process.env.KINESIS_TEST_ENDPOINT;
  if (!endpoint) {
    console.log('KINESIS_TEST_ENDPOINT is not set; skipping');
    ctx.skip();
  }
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
  const api = (await ext.activate()).testing;
  assert.ok(api, 'the testing API is only present in ExtensionMode.Test');
  const files: TempAwsFiles = useTempAwsFiles('', '');
  const client = createKinesisClient({ region: REGION, endpoint, credentials: { accessKeyId: 'AKIAEXAMPLECMDS00000', secretAccessKey: 'local' } });
  await vscode.workspace.getConfiguration().update(SETTING, [
    { name: CONNECTION, endpoint, region: REGION },
    { name: EMPTY_CONNECTION, endpoint, region: EMPTY_REGION },
  ], vscode.ConfigurationTarget.Global);
  api.explorer.refresh();
  const created: string[] = [];
  return {
    api,
    provider: api.explorer,
    client,
    endpoint,
    suffix: `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`,
    async run<T>(command: string, prompts: ScriptedPrompts, ...args: unknown[]): Promise<T> {
      api.setPrompts(prompts);
      try {
        return await vscode.commands.executeCommand<T>(command, ...args);
      } finally {
        api.setPrompts(undefined);
      }
    },
    async createStream(name, shards) {
      await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
      await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: name });
      created.push(name);
    },
    async dispose() {
      api.setPrompts(undefined);
      await vscode.workspace.getConfiguration().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
      files.restore();
      api.explorer.refresh();
      for (const name of created) await client.send(new DeleteStreamCommand({ StreamName: name })).catch(() => undefined);
      client.destroy();
    },
  };
}

export interface Row {
  node: ExplorerNode;
  item: vscode.TreeItem;
  label: string;
}

export async function rows(provider: ExplorerProvider, parent?: ExplorerNode): Promise<Row[]> {
  const nodes = await provider.getChildren(parent);
  return nodes.map((node) => {
    const item = provider.getTreeItem(node);
    return { node, item, label: typeof item.label === 'string' ? item.label : item.label?.label ?? '' };
  });
}

export function find(list: Row[], label: string): Row {
  const row = list.find((r) => r.label === label);
  assert.ok(row, `no tree item "${label}" among: ${list.map((r) => r.label).join(', ')}`);
  return row;
}

/** The streams listed under the emulator connection (one region, so directly under it). */
export async function streamRows(provider: ExplorerProvider): Promise<Row[]> {
  return rows(provider, find(await rows(provider), CONNECTION).node);
}

export async function shardsOf(client: KinesisClient, streamName: string): Promise<Shard[]> {
  return (await client.send(new ListShardsCommand({ StreamName: streamName }))).Shards ?? [];
}

/** The record at a sequence number, read with AT_SEQUENCE_NUMBER on its shard. */
export async function readAt(client: KinesisClient, streamName: string, shardId: string, sequenceNumber: string, count = 1): Promise<_Record[]> {
  const it = await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', StartingSequenceNumber: sequenceNumber }));
  const out = await client.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator, Limit: count }));
  return out.Records ?? [];
}

/** How many records the stream holds, over every shard. */
export async function countRecords(client: KinesisClient, streamName: string): Promise<number> {
  let total = 0;
  for (const shard of await shardsOf(client, streamName)) {
    const it = await client.send(new GetShardIteratorCommand({ StreamName: streamName, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    let iterator = it.ShardIterator;
    for (let i = 0; iterator && i < 50; i++) {
      const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      total += out.Records?.length ?? 0;
      if ((out.Records?.length ?? 0) === 0 && (out.MillisBehindLatest ?? 0) === 0) break;
      iterator = out.NextShardIterator;
    }
  }
  return total;
}
