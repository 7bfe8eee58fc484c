import { strict as assert } from 'node:assert';
import { createKinesisClient } from '../../../src/kinesis/client';
import { listStreamsPage, type PageToken } from '../../../src/kinesis/api';
import type { StreamNode } from '../../../src/explorer/nodes';
import { itemSpec } from '../../../src/explorer/presentation';
import { CreateStreamCommand, waitUntilStreamExists, type KinesisClient } from '@aws-sdk/client-kinesis';
import { startKinesisLocal, type KinesisLocal } from '../../harness/kinesisLocal';
import { connectionChildren, testModel } from './explorerHarness';
import { eventually } from '../../support/eventually';
import { SummariesProxy } from './summariesProxy';

describe('explorer on kinesis-local behind an AWS-style ListStreams (NextToken + StreamSummaries)', function () {
  this.timeout(60_000);
  // Its own emulator: streams that other tests create or delete would change the pages.
  let local: KinesisLocal;
  let direct: KinesisClient;
  let proxy: SummariesProxy;
  const mine = ['tok-a', 'tok-b', 'tok-c'];

  before(async () => {
    local = await startKinesisLocal();
    direct = createKinesisClient(local);
    for (const name of mine) await direct.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
    for (const name of mine) await waitUntilStreamExists({ client: direct, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StreamName: name });
    proxy = await SummariesProxy.start(local.endpoint);
  });
  after(async () => {
    await proxy?.close();
    direct?.destroy();
    await local?.stop();
  });

  it('pages with NextToken only, never mixing in ExclusiveStartStreamName', async () => {
    const client = createKinesisClient({ ...local, endpoint: proxy.endpoint });
    try {
      const seen: string[] = [];
      let token: PageToken | undefined;
      let pages = 0;
      proxy.listCalls.length = 0;
      do {
        const page = await listStreamsPage(client, { token, limit: 2 });
        pages++;
        assert.ok(page.streams.length <= 2);
        assert.ok(page.streams.every((s) => s.arn?.endsWith(`/${s.name}`) && s.status === 'ACTIVE' && s.mode === 'PROVISIONED'), 'models come from StreamSummaries');
        seen.push(...page.streams.map((s) => s.name));
        token = page.next;
        if (token) assert.ok('nextToken' in token, 'the NextToken is used when the endpoint returns one');
      } while (token && pages < 500);
      assert.deepEqual(seen, mine, 'every stream once, in order');
      assert.equal(pages, 2);
      assert.equal(proxy.listCalls.filter((c) => c.ExclusiveStartStreamName !== undefined).length, 0);
      assert.equal(proxy.listCalls.filter((c) => c.NextToken !== undefined).length, pages - 1);
    } finally {
      client.destroy();
    }
  });

  it('shows summary streams at once, then fills in shard count and retention in the background', async () => {
    const custom = [{ name: 'AWS-like', endpoint: proxy.endpoint, region: local.region }];
    const { model } = testModel({ customConnections: () => custom, pageSize: 2 });
    const changed = new Set<string>();
    model.onDidChange((n) => changed.add(n?.id ?? 'root'));
    try {
      const items = await connectionChildren(model, 'AWS-like');
      assert.deepEqual(items.map((i) => i.spec.label), ['tok-a', 'tok-b', 'Load more…']);
      assert.equal(items[2]?.spec.contextValue, 'loadMore');
      const streams = items.slice(0, 2).map((i) => i.node as StreamNode);
      // Straight from ListStreams: status and mode are known, shard count not yet.
      assert.ok(items.slice(0, 2).every((i) => i.spec.description === 'ACTIVE · provisioned' && i.spec.contextValue === 'stream.active.provisioned'));
      await eventually(async () => (streams.every((s) => changed.has(s.id)) ? true : undefined), 'both streams to be described');
      for (const s of streams) assert.equal(itemSpec(s).description, 'ACTIVE · provisioned · 1 shard · 24h');
    } finally {
      model.dispose();
    }
  });
});
