import { strict as assert } from 'node:assert';
import { CreateStreamCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { createKinesisClient } from '../../../src/kinesis/client';
import { listStreamsPage, type PageToken } from '../../../src/kinesis/api';
import type { LoadMoreNode } from '../../../src/explorer/nodes';
import { startKinesisLocal, type KinesisLocal } from '../../harness/kinesisLocal';
import { connectionChildren, testModel } from './explorerHarness';

const COUNT = 250;
const PREFIX = 'page';

/**
 * Creates streams with a few workers. Kinesis allows only a handful of streams in CREATING at
 * once (LimitExceededException), so a worker that hits the limit waits briefly and tries again.
 */
async function createMany(client: KinesisClient, names: string[], workers = 4): Promise<void> {
  let next = 0;
  const work = async () => {
    while (next < names.length) {
      const name = names[next++] as string;
      for (;;) {
        try {
          await client.send(new CreateStreamCommand({ StreamName: name, ShardCount: 1 }));
          break;
        } catch (err) {
          if ((err as Error).name !== 'LimitExceededException') throw err;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, work));
}

describe('explorer on kinesis-local: 250 streams, paginated', function () {
  // A dedicated emulator: its shard limit must hold 250 streams, and no other test's streams
  // should change the page boundaries. Creating 250 streams takes ~8 s on a quiet machine.
  this.timeout(120_000);
  let local: KinesisLocal;
  let client: KinesisClient;
  const names = Array.from({ length: COUNT }, (_, i) => `${PREFIX}-${String(i).padStart(3, '0')}`);

  before(async () => {
    local = await startKinesisLocal({ env: { SHARD_LIMIT: '1000' } });
    client = createKinesisClient({ region: local.region, endpoint: local.endpoint, credentials: local.credentials, maxAttempts: 1 });
    const started = Date.now();
    await createMany(client, names);
    // Visible in the test output: if this grows towards a minute, lower COUNT's cost, not the timeout.
    console.log(`      (created ${COUNT} streams in ${Date.now() - started} ms)`);
  });
  after(async () => {
    client?.destroy();
    await local?.stop();
  });

  it('pages ListStreams with ExclusiveStartStreamName when there is no NextToken', async () => {
    const seen: string[] = [];
    const tokens: PageToken[] = [];
    let token: PageToken | undefined;
    let pages = 0;
    do {
      const page = await listStreamsPage(client, { token, limit: 100 });
      pages++;
      assert.ok(page.streams.length <= 100);
      seen.push(...page.streams.map((s) => s.name));
      token = page.next;
      if (token) tokens.push(token);
    } while (token && pages < 10);
    assert.equal(pages, 3);
    assert.deepEqual(tokens, [{ exclusiveStartStreamName: 'page-099' }, { exclusiveStartStreamName: 'page-199' }]);
    assert.deepEqual(seen, names, 'every stream exactly once, in order');
  });

  it('shows the first 100 with "Load more…", and all 250 after loading twice', async () => {
    const custom = [{ name: 'Big', endpoint: local.endpoint, region: local.region }];
    const { model } = testModel({ customConnections: () => custom });
    const changes: number[] = [];
    model.onDidChange(() => changes.push(Date.now()));
    try {
      let items = await connectionChildren(model, 'Big');
      assert.equal(items.length, 101);
      assert.deepEqual(items.slice(0, 100).map((i) => i.spec.label), names.slice(0, 100));
      assert.ok(items.slice(0, 100).every((i) => i.spec.contextValue === 'stream.active.provisioned' && i.spec.description === 'ACTIVE · provisioned · 1 shard · 24h'));
      const more = items[100];
      assert.equal(more?.spec.label, 'Load more…');
      assert.equal(more?.spec.contextValue, 'loadMore');

      await model.loadMore(more?.node as LoadMoreNode);
      items = await connectionChildren(model, 'Big');
      assert.equal(items.length, 201);
      assert.equal(items[200]?.spec.contextValue, 'loadMore');

      await model.loadMore(items[200]?.node as LoadMoreNode);
      items = await connectionChildren(model, 'Big');
      assert.deepEqual(items.map((i) => i.spec.label), names, 'no load-more node after the last page');
      assert.equal(new Set(items.map((i) => i.spec.id)).size, COUNT, 'tree item ids stay unique');
      assert.ok(changes.length >= 2, 'each load fires a change so the view re-renders');
    } finally {
      model.dispose();
    }
  });
});
