import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CSV_COLUMNS, csvCell, exportChunks, exportFileName, serializeExport, toBase64, type ExportedRecord, type ExportItem } from '../../../../src/tail/shared/exportFormat';

const ARRIVAL = Date.UTC(2026, 10, 23, 10, 0, 0, 123);
const items: ExportItem[] = [
  { shardId: 'shardId-000000000000', sequenceNumber: '4959', partitionKey: 'pk,1', arrival: ARRIVAL, size: 17, layers: ['gzip', 'json'], kind: 'json', json: { a: 1, s: 'x"y' }, text: '{"a":1,"s":"x\\"y"}' },
  { shardId: 'shardId-000000000001', sequenceNumber: '4960', subSequenceNumber: 2, partitionKey: '=HYPERLINK("http://evil")', explicitHashKey: '12345', arrival: ARRIVAL + 1, size: 11, layers: ['kpl', 'text'], kind: 'text', text: 'line1\nline2', warnings: ['w1', 'w2'] },
  { shardId: 'shardId-000000000001', sequenceNumber: '4961', partitionKey: 'bin', arrival: ARRIVAL + 2, size: 3, layers: ['binary'], kind: 'binary', data: Uint8Array.from([0, 255, 16]) },
];

/** A minimal RFC 4180 reader, to check our quoting by parsing it back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
  }
  return rows;
}

describe('export formats', () => {
  it('writes NDJSON with all metadata, one record per line', () => {
    const lines = serializeExport(items, 'ndjson').trimEnd().split('\n');
    assert.equal(lines.length, 3);
    const [a, b, c] = lines.map((l) => JSON.parse(l) as ExportedRecord);
    assert.deepEqual(a, {
      shardId: 'shardId-000000000000', sequenceNumber: '4959', partitionKey: 'pk,1', approximateArrivalTimestamp: '2026-11-23T10:00:00.123Z',
      size: 17, layers: ['gzip', 'json'], kind: 'json', dataEncoding: 'json', data: { a: 1, s: 'x"y' },
    });
    assert.equal(b.subSequenceNumber, 2);
    assert.equal(b.explicitHashKey, '12345');
    assert.equal(b.dataEncoding, 'text');
    assert.equal(b.data, 'line1\nline2');
    assert.deepEqual(b.warnings, ['w1', 'w2']);
    assert.equal(c.dataEncoding, 'base64');
    assert.equal(c.data, 'AP8Q');
  });

  it('writes a valid JSON array, also when empty', () => {
    const parsed = JSON.parse(serializeExport(items, 'json')) as ExportedRecord[];
    assert.equal(parsed.length, 3);
    assert.equal(parsed[2].sequenceNumber, '4961');
    assert.deepEqual(JSON.parse(serializeExport([], 'json')), []);
    assert.equal(serializeExport([], 'ndjson'), '');
  });

  it('writes CSV that parses back, with formula cells neutralized', () => {
    const rows = parseCsv(serializeExport(items, 'csv'));
    assert.deepEqual(rows[0], [...CSV_COLUMNS]);
    assert.equal(rows.length, 4);
    const get = (r: string[], col: (typeof CSV_COLUMNS)[number]): string => r[CSV_COLUMNS.indexOf(col)];
    assert.equal(get(rows[1], 'partitionKey'), 'pk,1');
    assert.equal(get(rows[1], 'data'), '{"a":1,"s":"x\\"y"}');
    assert.equal(get(rows[1], 'layers'), 'gzip+json');
    assert.equal(get(rows[2], 'partitionKey'), `'=HYPERLINK("http://evil")`);
    assert.equal(get(rows[2], 'data'), 'line1\nline2');
    assert.equal(get(rows[2], 'subSequenceNumber'), '2');
    assert.equal(get(rows[2], 'warnings'), 'w1; w2');
    assert.equal(get(rows[3], 'data'), 'AP8Q');
    assert.equal(csvCell('@SUM(1)'), "'@SUM(1)");
    assert.equal(csvCell('-1+2'), "'-1+2");
    assert.equal(csvCell('plain'), 'plain');
  });

  it('streams one chunk per record', () => {
    assert.equal(Array.from(exportChunks(items, 'ndjson')).length, 3);
    assert.equal(Array.from(exportChunks(items, 'csv')).length, 4);
  });

  it('falls back to the source text for a value too deep to serialize', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    const [line] = serializeExport([{ ...items[0], json: deep, text: '[[[1]]]' }], 'ndjson').split('\n');
    const r = JSON.parse(line) as ExportedRecord;
    assert.equal(r.dataEncoding, 'text');
    assert.equal(r.data, '[[[1]]]');
  });

  it('encodes base64 like Node does', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100, 10_000]) {
      const bytes = randomBytes(n);
      assert.equal(toBase64(new Uint8Array(bytes)), bytes.toString('base64'), `${n} bytes`);
    }
  });

  it('names files safely', () => {
    const at = new Date(Date.UTC(2026, 10, 23, 10, 0, 5));
    assert.equal(exportFileName('orders', at, 'ndjson'), 'orders-20261123-100005.ndjson');
    assert.equal(exportFileName('../../etc/passwd', at, 'csv'), '_.._etc_passwd-20261123-100005.csv');
    assert.equal(exportFileName('', at, 'json'), 'records-20261123-100005.json');
  });
});
