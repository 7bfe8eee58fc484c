// Side measures of the webview benchmark, in this Node process: the host-side record buffer's
// memory at the panel's cap (rows as the session builds them, with their bytes), and the
// histogram's cost per batch of rows (incremental buckets, which the panel runs on every append).
import { decodePayload } from '../src/kinesis/decode';
import { HostBuffer } from '../src/tail/host/buffer';
import { ArrivalBuckets } from '../webview/src/histogramBuckets';
import type { RecordRow } from '../src/tail/shared/protocol';
import { jsonDecoded, makeRow, sampleJson } from '../test/ui/webview-fixtures/rows';
import { fullGc } from './runner';

/** A row of about 300 bytes of JSON, the record size. */
export function row300(id: number): RecordRow {
  return makeRow(id, { decoded: jsonDecoded({ ...sampleJson(id), message: `order ${id} accepted by the payment gateway after fraud checks passed; routed to the eu-west-1 fulfilment queue` }) });
}

function usedMB(): number {
  fullGc();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/** MB that a HostBuffer of `capacity` holds once full of ~300-byte JSON records. */
export function hostBufferMB(capacity: number, log: (line: string) => void): { mb: number; perRecordBytes: number } {
  const before = usedMB();
  const buffer = new HostBuffer(capacity, (data) => decodePayload(data));
  const encoder = new TextEncoder();
  for (let id = 1; id <= capacity; id++) {
    // A row as the session builds it (fresh strings per record) and the bytes it came from.
    const row = row300(id);
    buffer.push({ row, data: encoder.encode(row.body) });
    if (id % 200_000 === 0) log(`  host buffer: ${id} records`);
  }
  const mb = usedMB() - before;
  if (buffer.size !== capacity) throw new Error('the host buffer did not fill');
  return { mb, perRecordBytes: (mb * 2 ** 20) / capacity };
}

/** Median ms that the histogram's buckets take to count one batch of `batch` rows. */
export function histogramBatchMs(records: number, batch: number): { medianMs: number; p95Ms: number } {
  const b = new ArrivalBuckets();
  const rows = Array.from({ length: batch }, (_, i) => row300(i + 1));
  const times: number[] = [];
  for (let sent = 0; sent < records; sent += batch) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) b.add(rows[i].arrival + sent * 37, rows[i].shardId, 'json');
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  return { medianMs: times[Math.floor(times.length / 2)], p95Ms: times[Math.floor(times.length * 0.95)] };
}
