// The explorer inside real VS Code: kinesis.connections points at kinesis-local
// (KINESIS_TEST_ENDPOINT), streams are created with the SDK, and the tree is walked through the
// extension's own TreeDataProvider (exposed by the testing API) and its commands.
import { strict as assert } from 'node:assert';
import { CreateStreamCommand, DeleteStreamCommand, type KinesisClient, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerNode } from '../../src/explorer/nodes';
import type { ExplorerProvider } from '../../src/explorer/treeProvider';
import { createKinesisClient } from '../../src/kinesis/client';
import type { PickItem, Prompts } from '../../src/ui/prompts';
import { freePort } from '../harness/ports';
import { useTempAwsFiles, type TempAwsFiles } from '../integration/explorer/awsFiles';

const EXTENSION_ID = 'kinesis-explorer.kinesis-explorer';
const SETTING = 'kinesis.connections';
const REGION = 'us-east-1';

interface Row {
  node: ExplorerNode;
  item: vscode.TreeItem;
  label: string;
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

async function rows(provider: ExplorerProvider, parent?: ExplorerNode): Promise<Row[]> {
  const nodes = await provider.getChildren(parent);
  return nodes.map((node) => {
    const item = provider.getTreeItem(node);
    return { node, item, label: labelOf(item) };
  });
}

function find(list: Row[], label: string): Row {
  const row = list.find((r) => r.label === label);
  assert.ok(row, `no tree item "${label}" among: ${list.map((r) => r.label).join(', ')}`);
  return row;
}

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/** Prompts that answer pickMany with the given region values and fail on anything else. */
function scriptedRegions(regions: string[]): Prompts {
  const unexpected = () => Promise.reject(new Error('unexpected prompt'));
  return {
    input: unexpected,
    pick: unexpected,
    confirm: unexpected,
    pickMany: async <T>(items: PickItem<T>[]) => items.filter((i) => regions.includes(String(i.value))).map((i) => i.value),
  };
}

describe('explorer (inside real VS Code)', function () {
  this.timeout(60_000);
  const endpoint = process.env.KINESIS_TEST_ENDPOINT;
  const suffix = `${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
  const twoShards = `host-a-${suffix}`;
  const oneShard = `host-b-${suffix}`;
  let api: ExtensionApi['testing'];
  let provider: ExplorerProvider;
  let client: KinesisClient | undefined;
  let files: TempAwsFiles | undefined;
  let closedPort = 0;

  before(async function () {
    if (!endpoint) {
      console.log('KINESIS_TEST_ENDPOINT is not set; skipping the explorer host tests');
      this.skip();
    }
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
    api = (await ext.activate()).testing;
    assert.ok(api, 'the testing API is only present in ExtensionMode.Test');
    provider = api.explorer;

    // Our own config files, so the developer's real profiles do not show up (or get called).
    files = useTempAwsFiles(
      `[profile host-local]\nregion = ${REGION}\nendpoint_url = ${endpoint}\n`,
      '[host-local]\naws_access_key_id = AKIAEXAMPLEHOST00000\naws_secret_access_key = local\n',
    );
    client = createKinesisClient({ region: REGION, endpoint, credentials: { accessKeyId: 'AKIAEXAMPLEHOST00000', secretAccessKey: 'local' } });
    await client.send(new CreateStreamCommand({ StreamName: twoShards, ShardCount: 2 }));
    await client.send(new CreateStreamCommand({ StreamName: oneShard, ShardCount: 1 }));
    for (const name of [twoShards, oneShard]) {
      await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: name });
    }

    closedPort = await freePort();
    await vscode.workspace.getConfiguration().update(SETTING, [
      { name: 'Host Emulator', endpoint, region: REGION },
      { name: 'Nobody Home', endpoint: `http://127.0.0.1:${closedPort}`, region: REGION },
    ], vscode.ConfigurationTarget.Global);
    provider.refresh();
  });

  after(async () => {
    api?.setPrompts(undefined);
    await vscode.workspace.getConfiguration().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    files?.restore();
    provider?.refresh();
    if (client) {
      for (const name of [twoShards, oneShard]) {
        await client.send(new DeleteStreamCommand({ StreamName: name })).catch(() => undefined);
      }
      client.destroy();
    }
  });

  it('shows the custom endpoint and the profile from AWS_CONFIG_FILE as roots', async () => {
    const roots = await rows(provider);
    const custom = find(roots, 'Host Emulator');
    assert.equal(custom.item.contextValue, 'connection.custom');
    assert.equal(custom.item.description, `${REGION} · ${new URL(endpoint ?? '').host}`);
    assert.equal(custom.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(iconId(custom.item), 'plug');
    const profile = find(roots, 'host-local');
    assert.equal(profile.item.contextValue, 'connection.profile.static');
    assert.ok(roots.every((r) => typeof r.item.id === 'string'), 'every root has a stable id');
  });

  it('lists streams with status, mode, shard count and retention', async () => {
    for (const root of ['Host Emulator', 'host-local']) {
      const streams = await rows(provider, find(await rows(provider), root).node);
      const a = find(streams, twoShards);
      assert.equal(a.item.description, 'ACTIVE · provisioned · 2 shards · 24h');
      assert.equal(a.item.contextValue, 'stream.active.provisioned');
      assert.equal(a.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.equal(iconId(a.item), 'pulse');
      assert.equal(find(streams, oneShard).item.description, 'ACTIVE · provisioned · 1 shard · 24h');
    }
  });

  it('resolves a stream tooltip lazily with ARN and consumer count', async () => {
    const streams = await rows(provider, find(await rows(provider), 'Host Emulator').node);
    const a = find(streams, twoShards);
    assert.equal(a.item.tooltip, undefined, 'no tooltip before resolveTreeItem');
    const token = new vscode.CancellationTokenSource();
    const resolved = await provider.resolveTreeItem(a.item, a.node, token.token);
    token.dispose();
    const tooltip = resolved.tooltip instanceof vscode.MarkdownString ? resolved.tooltip.value : String(resolved.tooltip);
    assert.match(tooltip, new RegExp(`ARN: \`arn:aws:kinesis:${REGION}:\\d+:stream/${twoShards}\``));
    assert.match(tooltip, /Consumers: 0/);
  });

  it('lists shards as open, with hash-key range tooltips', async () => {
    const streams = await rows(provider, find(await rows(provider), 'Host Emulator').node);
    const children = await rows(provider, find(streams, twoShards).node);
    // The stream's "Consumers" folder comes last (test/host/consumers.test.ts).
    assert.equal(children[children.length - 1]?.label, 'Consumers');
    const shards = children.filter((r) => r.item.contextValue?.startsWith('shard.'));
    assert.deepEqual(shards.map((s) => s.label), ['shardId-000000000000', 'shardId-000000000001']);
    assert.deepEqual(shards.map((s) => s.item.contextValue), ['shard.open', 'shard.open']);
    assert.deepEqual(shards.map((s) => s.item.description), ['open', 'open']);
    assert.equal(shards[0]?.item.collapsibleState, vscode.TreeItemCollapsibleState.None);
    const tip = shards[0]?.item.tooltip;
    assert.ok(tip instanceof vscode.MarkdownString);
    assert.match(tip.value, /Hash key range: `0` – `\d+`/);
  });

  it('copies stream and shard names and the stream ARN', async () => {
    const streams = await rows(provider, find(await rows(provider), 'Host Emulator').node);
    const a = find(streams, twoShards);
    await vscode.commands.executeCommand('kinesis.explorer.copyName', a.node);
    assert.equal(await vscode.env.clipboard.readText(), twoShards);
    await vscode.commands.executeCommand('kinesis.explorer.copyArn', a.node);
    assert.match(await vscode.env.clipboard.readText(), new RegExp(`^arn:aws:kinesis:${REGION}:\\d+:stream/${twoShards}$`));
    const shard = (await rows(provider, a.node))[1];
    assert.ok(shard);
    await vscode.commands.executeCommand('kinesis.explorer.copyName', shard.node);
    assert.equal(await vscode.env.clipboard.readText(), 'shardId-000000000001');
  });

  it('shows an unreachable endpoint as an error node with a Show Details action', async () => {
    const children = await rows(provider, find(await rows(provider), 'Nobody Home').node);
    assert.equal(children.length, 1);
    const [error] = children;
    assert.equal(error?.label, 'ECONNREFUSED');
    assert.equal(error?.item.contextValue, 'error');
    assert.equal(error?.item.command?.command, 'kinesis.explorer.showErrorDetails');
    await vscode.commands.executeCommand('kinesis.explorer.showErrorDetails', error?.node);
  });

  it('shows one node per region after "Select Regions…", with an empty-region message', async () => {
    api?.setPrompts(scriptedRegions([REGION, 'eu-west-3']));
    try {
      const root = find(await rows(provider), 'Host Emulator');
      await vscode.commands.executeCommand('kinesis.explorer.selectRegions', root.node);
      const regions = await rows(provider, find(await rows(provider), 'Host Emulator').node);
      assert.deepEqual(regions.map((r) => [r.label, r.item.contextValue]), [[REGION, 'region'], ['eu-west-3', 'region']]);
      assert.ok((await rows(provider, regions[0]?.node)).some((s) => s.label === twoShards));
      const empty = await rows(provider, regions[1]?.node);
      assert.deepEqual(empty.map((e) => [e.label, e.item.contextValue]), [['No streams in eu-west-3', 'message.empty']]);
    } finally {
      api?.setPrompts(undefined);
      const connection = (await provider.model.connections()).find((c) => c.name === 'Host Emulator');
      if (connection) await provider.model.setRegions(connection, undefined);
    }
    const back = await rows(provider, find(await rows(provider), 'Host Emulator').node);
    assert.ok(back.some((s) => s.label === twoShards), 'one region again: streams directly under the connection');
  });

  it('refreshes the roots when the AWS config file changes on disk', async () => {
    assert.ok(files);
    await rows(provider); // discovery points the watcher at the temp files
    const changed = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no refresh within 20 s of writing the config file')), 20_000);
      const sub = provider.onDidChangeTreeData((node) => {
        if (node === undefined) {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    });
    files.write(`[profile host-local]\nregion = ${REGION}\nendpoint_url = ${endpoint}\n\n[profile host-added]\nregion = eu-west-1\n`);
    await changed;
    const added = find(await rows(provider), 'host-added');
    assert.equal(added.item.description, 'eu-west-1 · no credentials');
  });

  it('refreshes the roots when the setting changes', async () => {
    const changed = new Promise<void>((resolve) => {
      const sub = provider.onDidChangeTreeData((node) => {
        if (node === undefined) {
          sub.dispose();
          resolve();
        }
      });
    });
    const current = vscode.workspace.getConfiguration().get<unknown[]>(SETTING) ?? [];
    await vscode.workspace.getConfiguration().update(SETTING, [...current, { name: 'Late Addition', endpoint, region: REGION }], vscode.ConfigurationTarget.Global);
    await changed;
    find(await rows(provider), 'Late Addition');
  });
});
