// Prepares records read from a stream to be sent to another: their bytes unchanged, with their
// original partition and explicit hash keys, or keys from a new strategy (fixed, {uuid}, JSON path).
import { effectiveHashKey, validateExplicitHashKey } from './hashKey';
import { partitionKeyProblem, randomPartitionKey, type PartitionKeyStrategy } from './partitionKey';
import { DEFAULT_MAX_RECORD_BYTES, formatBytes, preparePut, type PreparedPut, type PreparedRecord, type PutIssue } from './prepare';

export interface ForwardInput {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

export type ForwardKeys = { kind: 'keep' } | { kind: 'new'; partitionKey: PartitionKeyStrategy; explicitHashKey?: string };

/** Record i's report "line" is i + 1: its position in what was sent. */
export function prepareForward(input: readonly ForwardInput[], keys: ForwardKeys, maxRecordBytes = DEFAULT_MAX_RECORD_BYTES): PreparedPut {
  const out: PreparedPut = { records: [], errors: [], warnings: [], totalBytes: 0 };
  if (input.length === 0) {
    out.errors.push({ code: 'empty', message: 'Nothing to send: no records were chosen.' });
    return out;
  }
  input.forEach((rec, index) => {
    const prepared = keys.kind === 'keep' ? keepKeys(rec, index, maxRecordBytes, out.errors) : newKeys(rec, index, keys, maxRecordBytes, out.errors);
    if (prepared) {
      out.records.push(prepared);
      out.totalBytes += prepared.bytes;
    }
  });
  return out;
}

function keepKeys(rec: ForwardInput, index: number, limit: number, errors: PutIssue[]): PreparedRecord | undefined {
  const at = { index, line: index + 1 };
  const keyProblem = partitionKeyProblem(rec.partitionKey);
  const hashProblem = rec.explicitHashKey !== undefined ? validateExplicitHashKey(rec.explicitHashKey) : undefined;
  if (keyProblem || hashProblem) {
    errors.push({ code: keyProblem ? 'partitionKey' : 'explicitHashKey', ...at, message: `Record ${index + 1}: ${keyProblem ?? hashProblem}` });
    return undefined;
  }
  return sized(rec.data, rec.partitionKey, rec.explicitHashKey, index, limit, errors);
}

function newKeys(rec: ForwardInput, index: number, keys: Extract<ForwardKeys, { kind: 'new' }>, limit: number, errors: PutIssue[]): PreparedRecord | undefined {
  let key: string;
  if (keys.partitionKey.kind === 'fixed') key = keys.partitionKey.key;
  else if (keys.partitionKey.kind === 'uuid') key = randomPartitionKey();
  else {
    // A JSON path reads the record as text, the way Put Records does; its bytes are sent unchanged.
    const text = Buffer.from(rec.data).toString('utf8');
    const p = preparePut([{ index, line: index + 1, source: 0, text }], { partitionKey: keys.partitionKey, maxRecordBytes: Number.MAX_SAFE_INTEGER });
    const problem = p.errors[0];
    if (problem) {
      errors.push({ ...problem, message: problem.message.replace(/^Line (\d+):/, 'Record $1:') });
      return undefined;
    }
    key = (p.records[0] as PreparedRecord).partitionKey;
  }
  const problem = partitionKeyProblem(key);
  if (problem) {
    errors.push({ code: 'partitionKey', index, line: index + 1, message: problem });
    return undefined;
  }
  return sized(rec.data, key, keys.explicitHashKey, index, limit, errors);
}

function sized(data: Uint8Array, partitionKey: string, explicitHashKey: string | undefined, index: number, limit: number, errors: PutIssue[]): PreparedRecord | undefined {
  const bytes = data.length + Buffer.byteLength(partitionKey, 'utf8');
  if (bytes > limit) {
    errors.push({ code: 'tooLarge', index, line: index + 1, message: `Record ${index + 1} is ${formatBytes(bytes)}; the stream accepts at most ${formatBytes(limit)} per record.` });
    return undefined;
  }
  const record: PreparedRecord = { index, line: index + 1, source: 0, data, partitionKey, hashKey: effectiveHashKey(partitionKey, explicitHashKey), bytes };
  if (explicitHashKey !== undefined) record.explicitHashKey = explicitHashKey;
  return record;
}
