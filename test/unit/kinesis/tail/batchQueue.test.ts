import { strict as assert } from 'node:assert';
import { BatchQueue } from '../../../../src/kinesis/tail/batchQueue';
import { flush } from '../../../support/fakeClock';

describe('BatchQueue', () => {
  it('makes producers wait when full and releases them as the consumer reads', async () => {
    const q = new BatchQueue<number>(2);
    const pushed: number[] = [];
    const producer = (async () => {
      for (let i = 0; i < 5; i++) if (await q.push(i)) pushed.push(i);
    })();
    await flush();
    assert.deepEqual(pushed, [0, 1]);
    assert.deepEqual(await q.next(), { value: 0, done: false });
    await flush();
    assert.deepEqual(pushed, [0, 1, 2]);
    q.close();
    await producer;
    const rest: number[] = [];
    for await (const n of q) rest.push(n);
    assert.deepEqual(rest, [1, 2], 'queued items are still delivered after close');
    assert.deepEqual(pushed, [0, 1, 2], 'pushes after close are refused');
  });

  it('hands an item straight to a waiting consumer', async () => {
    const q = new BatchQueue<string>(1);
    const next = q.next();
    assert.equal(await q.push('a'), true);
    assert.deepEqual(await next, { value: 'a', done: false });
    q.close();
    assert.deepEqual(await q.next(), { value: undefined, done: true });
  });

  it('calls onReturn when the consumer breaks out of its loop', async () => {
    let returned = 0;
    const q = new BatchQueue<number>(4, () => returned++);
    await q.push(1);
    await q.push(2);
    for await (const n of q) {
      assert.equal(n, 1);
      break;
    }
    assert.equal(returned, 1);
    assert.equal(await q.push(3), false);
  });
});
