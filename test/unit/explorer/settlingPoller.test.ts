import { strict as assert } from 'node:assert';
import type { Connection } from '../../../src/kinesis/connections/connections';
import { ConnectionNode, StreamNode } from '../../../src/explorer/nodes';
import { SettlingPoller } from '../../../src/explorer/settlingPoller';
import { eventually } from '../../support/eventually';

const conn: Connection = { id: 'custom:x', kind: 'custom', name: 'x', region: 'us-east-1', regionSource: 'setting' };

function streamNode(name: string): StreamNode {
  const region = new ConnectionNode(conn, ['us-east-1']).regions[0];
  assert.ok(region);
  return new StreamNode(region, { name, status: 'CREATING', detail: 'summary' });
}


describe('explorer: settling poller', () => {
  it('checks a stream until it settles, then stops its timer', async () => {
    const node = streamNode('a');
    let checks = 0;
    const poller = new SettlingPoller(async () => (++checks >= 3 ? 'settled' : 'pending'), { intervalMs: 10 });
    try {
      poller.watch(node);
      assert.ok(poller.isWatching(node));
      await eventually(() => poller.size === 0, 'the poller to let go', { intervalMs: 5 });
      assert.equal(checks, 3);
      // A quiet window of five poll intervals: the fixed wait is the thing under test.
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(checks, 3, 'no checks after settling');
    } finally {
      poller.dispose();
    }
  });

  it('drops streams that are gone and keeps polling the others', async () => {
    const gone = streamNode('gone');
    const slow = streamNode('slow');
    const seen: string[] = [];
    const poller = new SettlingPoller(async (n) => {
      seen.push(n.name);
      return n === gone ? 'gone' : seen.filter((s) => s === 'slow').length >= 2 ? 'settled' : 'pending';
    }, { intervalMs: 10 });
    try {
      poller.watch(gone);
      poller.watch(slow);
      await eventually(() => poller.size === 0, 'the poller to let go', { intervalMs: 5 });
      assert.equal(seen.filter((s) => s === 'gone').length, 1);
      assert.equal(seen.filter((s) => s === 'slow').length, 2);
    } finally {
      poller.dispose();
    }
  });

  it('treats a failing check as pending and reports it', async () => {
    const node = streamNode('flaky');
    let calls = 0;
    const errors: unknown[] = [];
    const poller = new SettlingPoller(async () => {
      calls++;
      if (calls === 1) throw new Error('boom');
      return 'settled';
    }, { intervalMs: 10, onError: (_n, err) => errors.push(err) });
    try {
      poller.watch(node);
      await eventually(() => poller.size === 0, 'the poller to let go', { intervalMs: 5 });
      assert.equal(calls, 2);
      assert.equal(errors.length, 1);
    } finally {
      poller.dispose();
    }
  });

  it('forget() and dispose() stop polling without waiting for the interval', async () => {
    const a = streamNode('a');
    const b = streamNode('b');
    let checks = 0;
    const poller = new SettlingPoller(async () => {
      checks++;
      return 'pending';
    }, { intervalMs: 20 });
    poller.watch(a);
    poller.watch(b);
    poller.forget((n) => n === a);
    assert.equal(poller.size, 1);
    poller.dispose();
    assert.equal(poller.size, 0);
    poller.watch(b);
    assert.equal(poller.size, 0, 'a disposed poller accepts nothing');
    // A quiet window of several poll intervals: the fixed wait is the thing under test.
    await new Promise((r) => setTimeout(r, 60));
    assert.equal(checks, 0);
  });

  it('gives up on a stream after maxWatchMs', async () => {
    const node = streamNode('stuck');
    const poller = new SettlingPoller(async () => 'pending', { intervalMs: 10, maxWatchMs: 40 });
    try {
      poller.watch(node);
      await eventually(() => poller.size === 0, 'the poller to let go', { intervalMs: 5 });
    } finally {
      poller.dispose();
    }
  });
});
