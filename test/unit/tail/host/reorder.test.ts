// The merged tail's reorder window, on a fake clock: records come out in arrival order across
// shards, each shard's own order is never changed, and no record is held longer than the window.
import assert from 'node:assert/strict';
import { ReorderWindow } from '../../../../src/tail/host/reorder';
import { FakeClock } from '../../../support/fakeClock';
import { seededRandom } from '../../../support/seededRandom';

interface Rec { shardId: string; arrival: number; seq: number; receivedAt?: number }

describe('tail reorder window', () => {
  it('lets a slower shard slot its earlier records in before later ones from a faster shard', async () => {
    const clock = new FakeClock(10_000);
    const w = new ReorderWindow<Rec>(1000, () => clock.now());
    assert.deepEqual(w.add('a', [{ shardId: 'a', arrival: 9_500, seq: 1 }, { shardId: 'a', arrival: 9_900, seq: 2 }]), []);
    await clock.advance(300);
    w.add('b', [{ shardId: 'b', arrival: 9_400, seq: 1 }, { shardId: 'b', arrival: 9_700, seq: 2 }]);
    assert.deepEqual(w.release(), [], 'nothing is due yet');
    await clock.advance(700);
    assert.deepEqual(w.release().map((r) => `${r.shardId}${r.seq}`), ['b1', 'a1', 'b2', 'a2'], 'due records and the earlier ones of other shards, by arrival');
    assert.equal(w.size, 0);
  });

  it('passes records straight through with a zero window', () => {
    const w = new ReorderWindow<Rec>(0, () => 0);
    const recs = [{ shardId: 'a', arrival: 5, seq: 1 }, { shardId: 'a', arrival: 1, seq: 2 }];
    assert.deepEqual(w.add('a', recs), recs);
    assert.equal(w.size, 0);
  });

  it('never changes a shard\'s order, even when its arrival times go backwards', async () => {
    const clock = new FakeClock(0);
    const w = new ReorderWindow<Rec>(1000, () => clock.now());
    w.add('a', [{ shardId: 'a', arrival: 50, seq: 1 }, { shardId: 'a', arrival: 10, seq: 2 }]);
    w.add('b', [{ shardId: 'b', arrival: 20, seq: 1 }]);
    await clock.advance(1000);
    assert.deepEqual(w.release().map((r) => `${r.shardId}${r.seq}`), ['b1', 'a1', 'a2']);
  });

  it('fuzz: no record is held longer than the window, each shard keeps its order, and the output is in arrival order except for records not yet received', async function () {
    this.timeout(30_000);
    for (let seed = 1; seed <= 12; seed++) {
      const rnd = seededRandom(seed);
      const clock = new FakeClock(100_000);
      const windowMs = 1000;
      const w = new ReorderWindow<Rec>(windowMs, () => clock.now());
      const out: Array<Rec & { releasedAt: number; releasedTick: number }> = [];
      const nextSeq = new Map<string, number>();
      const lastArrival = new Map<string, number>();
      let tick = 0;
      const take = (recs: Rec[]): void => { for (const r of recs) out.push({ ...r, releasedAt: clock.now(), releasedTick: tick++ }); };
      const receivedTick = new Map<string, number>();
      let sent = 0;
      for (let step = 0; step < 250; step++) {
        // Time moves on as a timer would fire: at each due time the session releases what is due.
        const until = clock.now() + Math.floor(rnd() * 150);
        for (let due = w.nextDue(); due !== undefined && due <= until; due = w.nextDue()) {
          await clock.advance(due - clock.now());
          take(w.release());
        }
        await clock.advance(until - clock.now());
        const shard = `s${Math.floor(rnd() * 4)}`;
        const recs: Rec[] = [];
        for (let i = Math.floor(rnd() * 5); i > 0; i--) {
          const seq = (nextSeq.get(shard) ?? 0) + 1;
          nextSeq.set(shard, seq);
          // Shards lag by up to 2 s, so a slow shard's records arrive late with early times.
          const arrival = Math.max(lastArrival.get(shard) ?? 0, clock.now() - Math.floor(rnd() * 2000));
          lastArrival.set(shard, arrival);
          const r = { shardId: shard, arrival, seq, receivedAt: clock.now() };
          receivedTick.set(`${shard}#${seq}`, tick++);
          recs.push(r);
        }
        sent += recs.length;
        take(w.add(shard, recs));
      }
      for (let due = w.nextDue(); due !== undefined; due = w.nextDue()) {
        await clock.advance(due - clock.now());
        take(w.release());
      }
      assert.equal(out.length, sent, `seed ${seed}: every record comes out once`);
      const late = out.filter((r) => r.releasedAt - (r.receivedAt as number) > windowMs);
      assert.deepEqual(late, [], `seed ${seed}: no record held longer than ${windowMs} ms`);
      const seen = new Map<string, number>();
      for (const r of out) {
        assert.equal(r.seq, (seen.get(r.shardId) ?? 0) + 1, `seed ${seed}: ${r.shardId} keeps its order`);
        seen.set(r.shardId, r.seq);
      }
      // Out of arrival order only when the earlier record had not been received yet.
      for (let i = 0; i < out.length; i++) {
        for (let j = i + 1; j < out.length; j++) {
          if (out[j].arrival < out[i].arrival) {
            assert.ok((receivedTick.get(`${out[j].shardId}#${out[j].seq}`) as number) > out[i].releasedTick, `seed ${seed}: ${out[j].shardId}#${out[j].seq} was held when ${out[i].shardId}#${out[i].seq} went out before it`);
          }
        }
      }
    }
  });
});
