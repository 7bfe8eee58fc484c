// The webview's columnar row store gives back exactly the rows the host sent (sequence numbers,
// previews rebuilt from bodies, rare fields), drops the oldest at the cap, and finds rows by time.
import assert from 'node:assert/strict';
import { RecordStore } from '../../../webview/src/store';
import { jsonDecoded, makeRow, sampleJson, textDecoded } from '../../ui/webview-fixtures/rows';
import { compileCelFilter } from '../../../src/tail/shared/celFilter';
import { toRecordRow } from '../../../src/tail/shared/recordRow';
import type { RecordRow } from '../../../src/tail/shared/protocol';

describe('webview record store (columnar)', () => {
  it('round-trips every field of the rows it keeps', () => {
    const rows: RecordRow[] = [];
    for (let id = 1; id <= 300; id++) rows.push(makeRow(id));
    rows.push(makeRow(301, { decoded: textDecoded('plain\ttext line\nsecond ✓ ünïcode') }));
    rows.push({ ...makeRow(302), sequenceNumber: 'not-a-number', explicitHashKey: '123', warnings: ['odd'], subSequenceNumber: 4 });
    rows.push(toRecordRow({
      id: 303, shardId: 'shardId-000000000009', sequenceNumber: '1', partitionKey: 'k', arrival: 5, size: 9000,
      decoded: { kind: 'json', layers: ['gzip', 'json'], json: { big: 'x'.repeat(9000) }, text: '', size: 9000 },
    }));
    rows.push(toRecordRow({
      id: 304, shardId: 'shardId-000000000001', sequenceNumber: '2', partitionKey: 'k', arrival: 6, size: 3,
      decoded: { kind: 'binary', layers: ['binary'], hex: '00000000  01 02 03                                         |...|', size: 3 },
    }));
    rows.push(makeRow(305, { decoded: textDecoded('broken \ud800 pair') }));
    const store = new RecordStore(1000);
    store.append(rows);
    for (const row of rows) assert.deepEqual(store.byId(row.id), row, `row ${row.id}`);
  });

  it('reads all-ASCII chunks whole and non-ASCII ones piece by piece, across chunks and evictions', () => {
    const store = new RecordStore(3000);
    const rows = Array.from({ length: 9000 }, (_, i) => makeRow(i + 1, i % 2500 === 7 ? { decoded: textDecoded(`ü ${i} ${'x'.repeat(400)}`) } : {}));
    for (let i = 0; i < rows.length; i += 700) store.append(rows.slice(i, i + 700));
    for (const row of rows.slice(-3000)) assert.deepEqual(store.byId(row.id), row, `row ${row.id}`);
  });

  it('drops the oldest at the cap and filters and finds by time', () => {
    const store = new RecordStore(100);
    const rows = Array.from({ length: 250 }, (_, i) => makeRow(i + 1));
    const result = store.append(rows);
    assert.equal(result.evicted, 150);
    assert.equal(store.size, 100);
    assert.equal(store.shownAt(0)?.id, 151);
    assert.equal(store.byId(150), undefined);
    store.setFilter({ active: true, matches: (r) => r.body.includes('"level":"WARN"') });
    assert.ok(store.shownCount > 0 && store.shownCount < 100);
    for (let i = 0; i < store.shownCount; i++) assert.match(store.shownAt(i)?.body ?? '', /"level":"WARN"/);
    store.setFilter({ active: false, matches: () => true });
    const target = rows[199].arrival;
    assert.equal(store.shownAt(store.shownIndexAtTime(target))?.id, 200);
  });

  it('filters in slices that end with the same view as one scan, across appends, evictions and a sort', () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => makeRow(i + 1));
    const warn = { active: true, matches: (r: { body: string }) => r.body.includes('"level":"WARN"') };
    const ids = (s: RecordStore): number[] => Array.from({ length: s.shownCount }, (_, i) => s.shownAt(i)?.id as number);
    for (const sort of [undefined, { key: 'key', dir: 'desc' }] as const) {
      const sliced = new RecordStore(5000);
      const whole = new RecordStore(5000);
      for (const s of [sliced, whole]) {
        s.append(rows.slice(0, 4000));
        s.setSort(sort);
      }
      // A zero budget tests one step of rows per call: the scan stays under way while rows arrive.
      assert.equal(sliced.setFilter(warn, 0), false);
      assert.ok(sliced.filterProgress < 1);
      let next = 4000;
      let calls = 0;
      while (!sliced.continueFilter(0)) {
        sliced.append(rows.slice(next, next + 700));
        next += 700;
        calls++;
      }
      assert.ok(calls > 0, 'the scan took several slices');
      assert.equal(sliced.filterProgress, 1);
      whole.append(rows.slice(4000, next));
      assert.equal(whole.setFilter(warn), true);
      assert.deepEqual(ids(sliced), ids(whole), `sort ${JSON.stringify(sort)}`);
      // Once complete, appended rows are tested as they arrive.
      sliced.append(rows.slice(next, next + 1500));
      whole.append(rows.slice(next, next + 1500));
      assert.deepEqual(ids(sliced), ids(whole));
      assert.ok(ids(whole).length > 0);
    }
  });

  it('shows the same rows for a field filter reading the arena bytes as the whole parse of each row', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const id = i + 1;
      if (id % 10 === 3) return makeRow(id, { decoded: jsonDecoded({ ...sampleJson(id), note: `ünïcode ✓ ${id}`, temperature: 86 }) });
      if (id % 10 === 7) return makeRow(id, { decoded: { ...jsonDecoded(null), text: `{"temperature": 90, "level": "WARN", "temperature": ${id % 3 === 0 ? 10 : 95}}` } });
      // A lone surrogate (kept as text in the store, not as UTF-8).
      if (id % 50 === 9) return makeRow(id, { decoded: { ...jsonDecoded(null), text: '{"temperature": 99, "lone": "\ud800", "level": "WARN"}' } });
      if (id % 50 === 11) return makeRow(id, { decoded: textDecoded('{"temperature": 99, "level": "WARN",') });
      return makeRow(id);
    });
    for (const source of ['temperature > 85', 'value.level == "WARN" && value.temperature >= 86']) {
      const whole = compileCelFilter(source, { pick: 'never' });
      const fast = compileCelFilter(source);
      if (!whole.ok || !fast.ok) assert.fail(source);
      assert.ok(fast.fields, `${source} reads fields alone`);
      const store = new RecordStore(5000);
      store.append(rows.slice(0, 100));
      store.setFilter({ active: true, matches: fast.matches });
      store.append(rows.slice(100));
      store.setFilter({ active: true, matches: fast.matches });
      const shown = Array.from({ length: store.shownCount }, (_, i) => store.shownAt(i)?.id);
      const expected = rows.filter((r) => whole.matches(r)).map((r) => r.id);
      assert.ok(expected.length > 50, `${source}: ${expected.length} rows match`);
      assert.deepEqual(shown, expected, source);
    }
  });
});
