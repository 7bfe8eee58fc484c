// Packs records into PutRecords requests: at most 500 records and 5 MiB (data + partition keys)
// each, in input order.

export const MAX_BATCH_RECORDS = 500;
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

export interface BatchLimits {
  maxRecords?: number;
  maxBytes?: number;
}

export interface SizedRecord {
  /** Data + partition key bytes. */
  bytes: number;
}

/**
 * Splits `records` into consecutive batches; each batch lists positions in `records`. A record
 * larger than `maxBytes` on its own (possible when a stream's max record size is above 5 MiB)
 * travels alone: PutRecords accepts one record up to the record limit.
 */
export function planBatches(records: readonly SizedRecord[], limits: BatchLimits = {}): number[][] {
  const maxRecords = limits.maxRecords ?? MAX_BATCH_RECORDS;
  const maxBytes = limits.maxBytes ?? MAX_BATCH_BYTES;
  if (!(maxRecords >= 1) || !(maxBytes >= 1)) throw new RangeError('batch limits must be positive');
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  records.forEach((rec, i) => {
    if (current.length > 0 && (current.length >= maxRecords || bytes + rec.bytes > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += rec.bytes;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
