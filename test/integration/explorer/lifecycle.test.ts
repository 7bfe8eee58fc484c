import { strict as assert } from 'node:assert';
import { CreateStreamCommand, DeleteStreamCommand } from '@aws-sdk/client-kinesis';
import type { StreamNode } from '../../../src/explorer/nodes';
import { createStream, deleteStream, emulator, testClient, uniqueStreamName } from '../fixture';
import { byLabel, connectionChildren, testModel } from './explorerHarness';
import { eventually } from '../../support/eventually';

describe('explorer on kinesis-local: streams that are created and deleted', function () {
  this.timeout(60_000);

  it('drops a deleted stream from its region once Kinesis no longer knows it', async () => {
    const name = await createStream(1, 'explorer-del');
    const { endpoint, region } = emulator();
    const { model } = testModel({ customConnections: () => [{ name: 'Emulator', endpoint, region }], pollIntervalMs: 100 });
    try {
      const node = byLabel(await connectionChildren(model, 'Emulator'), name).node as StreamNode;
      await testClient().send(new DeleteStreamCommand({ StreamName: name }));
      // DELETING (polled until gone) or already gone: either way the node leaves the tree.
      model.refresh(node);
      await eventually(async () => ((await connectionChildren(model, 'Emulator')).some((i) => i.spec.label === name) ? undefined : true), `${name} to leave the tree`);
      assert.equal(model.poller.isWatching(node), false);
    } finally {
      model.dispose();
    }
  });

  it('shows a new stream after a region refresh and follows it to ACTIVE', async () => {
    const { endpoint, region } = emulator();
    const { model } = testModel({ customConnections: () => [{ name: 'Emulator', endpoint, region }], pollIntervalMs: 100 });
    const name = uniqueStreamName('explorer-new');
    try {
      await connectionChildren(model, 'Emulator');
      await testClient().send(new CreateStreamCommand({ StreamName: name, ShardCount: 2 }));
      const roots = await model.roots();
      const connection = roots.find((r) => r.kind === 'connection' && r.connection.name === 'Emulator');
      assert.ok(connection);
      model.refresh(connection);
      const fresh = byLabel(await connectionChildren(model, 'Emulator'), name);
      assert.match(fresh.spec.contextValue, /^stream\.(creating|active)\.provisioned$/);
      const node = fresh.node as StreamNode;
      await eventually(async () => (node.model.status === 'ACTIVE' && !model.poller.isWatching(node) ? true : undefined), `${name} to settle`);
      assert.equal(byLabel(await connectionChildren(model, 'Emulator'), name).spec.description, 'ACTIVE · provisioned · 2 shards · 24h');
    } finally {
      model.dispose();
      await eventually(async () => deleteStream(name).then(() => true, () => undefined), `deleting ${name}`);
    }
  });
});
