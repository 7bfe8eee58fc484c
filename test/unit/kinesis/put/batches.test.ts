import { strict as assert } from 'node:assert';
import { MAX_BATCH_BYTES, MAX_BATCH_RECORDS, planBatches } from '../../../../src/kinesis/put/batches';

const sized = (...bytes: number[]) => bytes.map((b) => ({ bytes: b }));
const lengths = (batches: number[][]) => batches.map((b) => b.length);

describe('planBatches', () => {
  it('puts 500 records in one batch and the 501st in the next', () => {
    assert.deepEqual(lengths(planBatches(sized(...new Array<number>(500).fill(10)))), [500]);
    assert.deepEqual(lengths(planBatches(sized(...new Array<number>(501).fill(10)))), [500, 1]);
    assert.deepEqual(lengths(planBatches(sized(...new Array<number>(1234).fill(1)))), [500, 500, 234]);
    assert.equal(MAX_BATCH_RECORDS, 500);
  });

  it('fills a batch up to exactly 5 MiB, and no byte more', () => {
    const mib = 1024 * 1024;
    assert.deepEqual(lengths(planBatches(sized(mib, mib, mib, mib, mib))), [5]);
    assert.deepEqual(lengths(planBatches(sized(mib, mib, mib, mib, mib, 1))), [5, 1]);
    assert.deepEqual(lengths(planBatches(sized(mib, mib, mib, mib, mib - 1, 1, 1))), [6, 1]);
    assert.equal(MAX_BATCH_BYTES, 5 * mib);
  });

  it('keeps input order and every position exactly once', () => {
    const records = sized(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 20000));
    const batches = planBatches(records, { maxRecords: 37, maxBytes: 100_000 });
    assert.deepEqual(batches.flat(), records.map((_, i) => i));
    for (const b of batches) {
      assert.ok(b.length <= 37);
      assert.ok(b.reduce((s, i) => s + (records[i]?.bytes ?? 0), 0) <= 100_000);
    }
  });

  it('sends a record bigger than the batch budget on its own', () => {
    assert.deepEqual(planBatches(sized(10, 6 * 1024 * 1024, 10)), [[0], [1], [2]]);
  });

  it('gives no batch for no records and refuses nonsense limits', () => {
    assert.deepEqual(planBatches([]), []);
    assert.throws(() => planBatches(sized(1), { maxRecords: 0 }), RangeError);
  });
});
