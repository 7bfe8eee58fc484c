import { strict as assert } from 'node:assert';
import { ConnectionClients, discoverConnections, listStreamsPage } from '../../../src/kinesis/api';
import { toStreamRef, type ShardNode, type StreamNode } from '../../../src/explorer/nodes';
import type { StreamRef } from '../../../src/kinesis/types';
import { streamTooltipOf } from '../../../src/explorer/presentation';
import { createStream, deleteStream, emulator } from '../fixture';
import { useTempAwsFiles, type TempAwsFiles } from './awsFiles';
import { byLabel, connectionChildren, memoryRegionStore, shown, testModel } from './explorerHarness';

describe('explorer on kinesis-local: connections from a temporary AWS config', () => {
  let files: TempAwsFiles;
  let stream: string;

  before(async () => {
    const { endpoint } = emulator();
    files = useTempAwsFiles(
      `[profile local]
region = us-east-1
endpoint_url = ${endpoint}

[profile local-svc]
region = us-east-1
services = emulator

[services emulator]
kinesis =
  endpoint_url = ${endpoint}
`,
      `[local]
aws_access_key_id = AKIAEXAMPLELOCAL0000
aws_secret_access_key = local
[local-svc]
aws_access_key_id = AKIAEXAMPLELOCALSVC0
aws_secret_access_key = local
`,
    );
    stream = await createStream(2, 'explorer-conn');
  });
  after(async () => {
    files.restore();
    await deleteStream(stream);
  });

  it('reads the emulator endpoint from endpoint_url and from a services section', async () => {
    const { connections } = await discoverConnections();
    const local = connections.find((c) => c.id === 'profile:local');
    const svc = connections.find((c) => c.id === 'profile:local-svc');
    assert.ok(local && svc);
    assert.equal(local.endpoint, emulator().endpoint);
    assert.equal(svc.endpoint, emulator().endpoint);
    const clients = new ConnectionClients({ paths: () => files.paths });
    try {
      for (const c of [local, svc]) {
        const page = await listStreamsPage(clients.client(c, c.region));
        assert.ok(page.streams.some((s) => s.name === stream), `${c.name} should list ${stream}`);
      }
      assert.equal(clients.size, 2, 'one client per (connection, region)');
      clients.client(local, 'us-east-1');
      assert.equal(clients.size, 2, 'the client is reused');
    } finally {
      clients.dispose();
    }
    assert.equal(clients.size, 0);
  });

  it('walks profile → stream → shards with labels, descriptions and contextValues', async () => {
    const { model, clients } = testModel();
    try {
      const roots = await shown(model);
      const local = byLabel(roots, 'local');
      assert.equal(local.spec.contextValue, 'connection.profile.static');
      assert.match(local.spec.description ?? '', /^us-east-1 · 127\.0\.0\.1:\d+$/);

      const streams = await shown(model, local.node);
      const s = byLabel(streams, stream);
      assert.equal(s.spec.contextValue, 'stream.active.provisioned');
      assert.equal(s.spec.description, 'ACTIVE · provisioned · 2 shards · 24h');
      assert.equal(s.spec.collapsible, 'collapsed');

      const children = await shown(model, s.node);
      // The shards, then the stream's "Consumers" folder.
      assert.deepEqual(children.map((x) => x.spec.contextValue), ['shard.open', 'shard.open', 'consumers']);
      const shards = children.slice(0, 2);
      assert.deepEqual(shards.map((x) => x.spec.label), ['shardId-000000000000', 'shardId-000000000001']);
      assert.match(shards[0]?.spec.tooltip ?? '', /Hash key range: `0` – `\d{30,}`/);
      assert.match(shards[1]?.spec.tooltip ?? '', /Hash key range: `\d{30,}` – `340282366920938463463374607431768211455`/);
      assert.match(shards[1]?.spec.tooltip ?? '', /Starting sequence number: `\d+`/);

      // The tooltip's details come from DescribeStreamSummary on demand.
      const node = s.node as StreamNode;
      await model.describeForTooltip(node, 0);
      assert.match(streamTooltipOf(node), new RegExp(`ARN: \`arn:aws:kinesis:us-east-1:\\d+:stream/${stream}\``));
      assert.match(streamTooltipOf(node), /Consumers: 0/);
      assert.match(streamTooltipOf(node), /Encryption: none/);

      // Commands on nodes reuse the explorer's clients; a tail gets its own, same credentials.
      const client = await clients.client(toStreamRef(node) as StreamRef);
      assert.equal(await clients.client(toStreamRef(shards[0]?.node as ShardNode) as StreamRef), client);
      const tail = await clients.client(toStreamRef(node) as StreamRef, 'tail');
      assert.notEqual(tail, client);
      assert.ok((await listStreamsPage(tail)).streams.some((x) => x.name === stream));
    } finally {
      model.dispose();
    }
  });

  it('walks a kinesis.connections entry with dummy credentials and one using a profile', async () => {
    const { endpoint } = emulator();
    const custom = [
      { name: 'Emulator', endpoint, region: 'us-east-1' },
      { name: 'Emulator as local', endpoint, region: 'us-east-1', profile: 'local' },
    ];
    const { model } = testModel({ customConnections: () => custom });
    try {
      const roots = await shown(model);
      assert.deepEqual(roots.slice(0, 2).map((r) => r.spec.contextValue), ['connection.custom', 'connection.custom']);
      for (const name of ['Emulator', 'Emulator as local']) {
        const streams = await connectionChildren(model, name);
        assert.equal(byLabel(streams, stream).spec.contextValue, 'stream.active.provisioned');
      }
    } finally {
      model.dispose();
    }
  });

  it('shows region nodes when several regions are chosen, and says when a region has none', async () => {
    const { endpoint } = emulator();
    const regions = memoryRegionStore({ 'custom:Emulator': ['us-east-1', 'eu-west-3'] });
    const { model } = testModel({ customConnections: () => [{ name: 'Emulator', endpoint, region: 'us-east-1' }], regions });
    try {
      const regionNodes = await connectionChildren(model, 'Emulator');
      assert.deepEqual(regionNodes.map((r) => [r.spec.label, r.spec.contextValue]), [['us-east-1', 'region'], ['eu-west-3', 'region']]);
      const east = await shown(model, byLabel(regionNodes, 'us-east-1').node);
      assert.ok(east.some((s) => s.spec.label === stream));
      const west = await shown(model, byLabel(regionNodes, 'eu-west-3').node);
      assert.deepEqual(west.map((w) => [w.spec.label, w.spec.contextValue]), [['No streams in eu-west-3', 'message.empty']]);

      // Back to one region: streams hang directly under the connection again.
      const connection = (await model.connections()).find((c) => c.id === 'custom:Emulator');
      assert.ok(connection);
      await model.setRegions(connection, undefined);
      const direct = await connectionChildren(model, 'Emulator');
      assert.ok(direct.some((s) => s.spec.label === stream));
    } finally {
      model.dispose();
    }
  });
});
