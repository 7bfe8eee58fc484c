import { strict as assert } from 'node:assert';
import { CallSlots } from '../../../../src/kinesis/tail/callSlots';
import { flush } from '../../../support/fakeClock';

/** A call that stays in flight until its test ends it. */
function pending(): { promise: Promise<string>; end: (v: string) => void } {
  let end!: (v: string) => void;
  const promise = new Promise<string>((r) => (end = r));
  return { promise, end };
}

describe('CallSlots: calls in flight for one stream tail', () => {
  it('runs at most `size` calls at once; the others wait, first come first served', async () => {
    const slots = new CallSlots(2);
    const calls = [pending(), pending(), pending(), pending()];
    const started: number[] = [];
    const results = calls.map((c, i) => slots.run(() => { started.push(i); return c.promise; }));
    await flush();
    assert.deepEqual(started, [0, 1]);
    assert.equal(slots.queued, 2);
    calls[1]?.end('b');
    await flush();
    assert.deepEqual(started, [0, 1, 2]);
    calls[0]?.end('a');
    calls[2]?.end('c');
    calls[3]?.end('d');
    assert.deepEqual(await Promise.all(results), ['a', 'b', 'c', 'd']);
    assert.equal(slots.queued, 0);
  });

  it('a failed call frees its slot', async () => {
    const slots = new CallSlots(1);
    await assert.rejects(slots.run(() => Promise.reject(new Error('boom'))), /boom/);
    assert.equal(await slots.run(() => Promise.resolve('next')), 'next');
  });

  it('a call aborted while waiting leaves the queue and runs at once without a slot (it fails on its aborted signal)', async () => {
    const slots = new CallSlots(1);
    const first = pending();
    const running = slots.run(() => first.promise);
    const controller = new AbortController();
    let ranAborted = false;
    const waiting = slots.run(async () => { ranAborted = controller.signal.aborted; return 'aborted'; }, controller.signal);
    await flush();
    assert.equal(slots.queued, 1);
    controller.abort();
    assert.equal(await waiting, 'aborted');
    assert.equal(ranAborted, true);
    assert.equal(slots.queued, 0);
    first.end('first');
    assert.equal(await running, 'first');
    // The slot count is intact: two calls in a row each get the one slot.
    assert.equal(await slots.run(() => Promise.resolve('again')), 'again');
    const a = pending();
    const held = slots.run(() => a.promise);
    let second = false;
    const next = slots.run(async () => { second = true; return 'x'; });
    await flush();
    assert.equal(second, false, 'still one slot');
    a.end('a');
    await Promise.all([held, next]);
  });
});
