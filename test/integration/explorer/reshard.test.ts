import { strict as assert } from 'node:assert';
import { UpdateShardCountCommand, waitUntilStreamExists } from '@aws-sdk/client-kinesis';
import { listShards } from '../../../src/kinesis/api';
import type { StreamNode } from '../../../src/explorer/nodes';
import { itemSpec } from '../../../src/explorer/presentation';
import { createStream, deleteStream, emulator, testClient } from '../fixture';
import { byLabel, connectionChildren, shown, testModel } from './explorerHarness';
import { eventually } from '../../support/eventually';

describe('explorer on kinesis-local: resharding', function () {
  this.timeout(60_000);
  let stream: string;

  before(async () => {
    stream = await createStream(4, 'explorer-reshard');
  });
  after(async () => {
    await deleteStream(stream);
  });

  it('shows closed parents and their children after UpdateShardCount, and follows UPDATING until it settles', async () => {
    const { endpoint, region } = emulator();
    const { model } = testModel({ customConnections: () => [{ name: 'Emulator', endpoint, region }], pollIntervalMs: 100 });
    const fired = new Set<string>();
    model.onDidChange((n) => fired.add(n?.id ?? 'root'));
    try {
      const before = byLabel(await connectionChildren(model, 'Emulator'), stream);
      const node = before.node as StreamNode;
      assert.equal((await shown(model, node)).filter((s) => s.spec.contextValue === 'shard.open').length, 4);

      await testClient().send(new UpdateShardCountCommand({ StreamName: stream, TargetShardCount: 8, ScalingType: 'UNIFORM_SCALING' }));
      // A node refresh re-describes the stream: UPDATING (for ~500 ms in the emulator), so the
      // settling poller watches it until it is ACTIVE again.
      const t0 = Date.now();
      model.refresh(node);
      await eventually(async () => (node.describedAt >= t0 ? true : undefined), 'the stream to be described again');
      const observed = node.model.status;
      if (observed === 'UPDATING') assert.ok(model.poller.isWatching(node), 'an UPDATING stream is polled');
      else console.log(`      (the machine was slow: the stream was already ${observed} when described)`);
      await eventually(async () => (node.model.status === 'ACTIVE' && node.model.openShards === 8 ? true : undefined), 'the stream to settle at 8 shards');
      await eventually(async () => (model.poller.isWatching(node) ? undefined : true), 'the poller to let go of the stream');
      assert.ok(fired.has(node.id), 'the stream node was re-rendered');
      assert.equal(itemSpec(node).description, 'ACTIVE · provisioned · 8 shards · 24h');

      const shards = await shown(model, node);
      const closed = shards.filter((s) => s.spec.contextValue === 'shard.closed');
      const open = shards.filter((s) => s.spec.contextValue === 'shard.open');
      assert.equal(closed.length, 4);
      assert.equal(open.length, 8);
      for (const c of closed) assert.match(c.spec.description ?? '', /^closed → shardId-\d{12}(, shardId-\d{12})*$/);
      for (const o of open) assert.match(o.spec.description ?? '', /^open ← shardId-\d{12}/);
      assert.match(closed[0]?.spec.tooltip ?? '', /Ending sequence number: `\d+`/);
      assert.match(closed[0]?.spec.tooltip ?? '', /Child shards: `shardId-/);
    } finally {
      model.dispose();
    }
  });

  it('links every child to a listed parent (ListShards includes closed shards)', async () => {
    const client = testClient();
    await waitUntilStreamExists({ client, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: stream });
    const shards = await listShards(client, stream, { pageSize: 3 });
    const ids = new Set(shards.map((s) => s.id));
    const closed = shards.filter((s) => s.closed);
    assert.equal(closed.length, 4, 'paging with a small page size still finds the closed parents');
    for (const c of closed) {
      assert.ok(c.endingSequence);
      assert.ok(c.children.length > 0, `${c.id} has children`);
      for (const child of c.children) assert.ok(ids.has(child));
    }
    for (const s of shards.filter((x) => !x.closed)) {
      assert.ok(s.parentId && ids.has(s.parentId), `${s.id} names a listed parent`);
    }
  });
});
