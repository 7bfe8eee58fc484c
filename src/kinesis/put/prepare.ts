// Checks records before any call and gives each its bytes, partition key and hash key.
// Errors block the put; warnings (JSON that does not parse) let the user choose to send anyway.
import { effectiveHashKey, validateExplicitHashKey } from './hashKey';
import { partitionKeyProblem, randomPartitionKey, type PartitionKeyStrategy } from './partitionKey';
import { keyFromJsonValue, lookupJsonPath } from './partitionKeyJsonPath';
import { utf8Bytes, type TextRecord } from './input';

/** 1 MiB: the record size limit unless the stream reports a larger MaxRecordSizeInKiB. */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

export interface PutPrepareOptions {
  partitionKey: PartitionKeyStrategy;
  /** Decimal hash key that overrides the partition key's hash for every record. */
  explicitHashKey?: string;
  /** Data + partition key bytes allowed per record (PutTarget.maxRecordBytes); 1 MiB when absent. */
  maxRecordBytes?: number;
  /** The document's language is JSON: records that do not parse become warnings. */
  expectJson?: boolean;
  /** Names the input in the "empty" message. */
  inputLabel?: 'selection' | 'document' | 'input';
  /** Key source for the uuid strategy (tests pass a deterministic one). */
  newKey?: () => string;
}

export interface PreparedRecord {
  index: number;
  line: number;
  source: number;
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
  /** The hash key the record lands by (explicit, or MD5 of the partition key). */
  hashKey: bigint;
  /** Data + partition key bytes: what counts against the record and request size limits. */
  bytes: number;
}

export type PutIssueCode = 'empty' | 'tooLarge' | 'partitionKey' | 'jsonPathMissing' | 'jsonPathValue' | 'jsonInvalid' | 'explicitHashKey';

export interface PutIssue {
  code: PutIssueCode;
  /** 1-based document line, when the issue belongs to one record. */
  line?: number;
  index?: number;
  message: string;
}

export interface PreparedPut {
  records: PreparedRecord[];
  /** Any error means nothing may be sent. */
  errors: PutIssue[];
  /** Ask the user before sending ("send anyway?"). */
  warnings: PutIssue[];
  totalBytes: number;
}

export function preparePut(input: readonly TextRecord[], opts: PutPrepareOptions): PreparedPut {
  const out: PreparedPut = { records: [], errors: [], warnings: [], totalBytes: 0 };
  if (input.length === 0) {
    const what = opts.inputLabel ?? 'input';
    out.errors.push({ code: 'empty', message: `Nothing to send: the ${what} is empty or only blank.` });
    return out;
  }
  if (opts.explicitHashKey !== undefined) {
    const problem = validateExplicitHashKey(opts.explicitHashKey);
    if (problem) out.errors.push({ code: 'explicitHashKey', message: problem });
  }
  if (opts.partitionKey.kind === 'fixed') {
    // One message for the key, not one per line.
    const problem = partitionKeyProblem(opts.partitionKey.key);
    if (problem) {
      out.errors.push({ code: 'partitionKey', message: problem });
      return out;
    }
  }
  const limit = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  for (const rec of input) {
    const prepared = prepareOne(rec, opts, limit, out);
    if (prepared) {
      out.records.push(prepared);
      out.totalBytes += prepared.bytes;
    }
  }
  return out;
}

function prepareOne(rec: TextRecord, opts: PutPrepareOptions, limit: number, out: PreparedPut): PreparedRecord | undefined {
  const at = { line: rec.line, index: rec.index };
  const needsJson = opts.partitionKey.kind === 'jsonPath' || opts.expectJson === true;
  const json = needsJson ? parseJson(rec.text) : undefined;
  if (json && !json.ok) {
    if (opts.partitionKey.kind === 'jsonPath') {
      out.errors.push({ code: 'jsonInvalid', ...at, message: `Line ${rec.line}: not valid JSON (${json.error}), so ${opts.partitionKey.path} cannot be read from it.` });
      return undefined;
    }
    out.warnings.push({ code: 'jsonInvalid', ...at, message: `Line ${rec.line}: not valid JSON (${json.error}).` });
  }
  const key = keyFor(opts, json?.ok ? json.value : undefined);
  if (!key.ok) {
    out.errors.push({ ...key.issue, ...at, message: `Line ${rec.line}: ${key.issue.message}` });
    return undefined;
  }
  const data = utf8Bytes(rec.text);
  const bytes = data.length + Buffer.byteLength(key.key, 'utf8');
  if (bytes > limit) {
    out.errors.push({ code: 'tooLarge', ...at, message: `Line ${rec.line}: the record is ${formatBytes(bytes)} (data ${data.length.toLocaleString('en-US')} bytes + partition key ${bytes - data.length} bytes); the stream accepts at most ${formatBytes(limit)} per record.` });
    return undefined;
  }
  const record: PreparedRecord = { ...at, source: rec.source, data, partitionKey: key.key, hashKey: effectiveHashKey(key.key, hashKeyOrUndefined(opts)), bytes };
  if (opts.explicitHashKey !== undefined) record.explicitHashKey = opts.explicitHashKey;
  return record;
}

/** An invalid explicit hash key is already an error; hash by the key meanwhile so this cannot throw. */
function hashKeyOrUndefined(opts: PutPrepareOptions): string | undefined {
  return opts.explicitHashKey !== undefined && validateExplicitHashKey(opts.explicitHashKey) === undefined ? opts.explicitHashKey : undefined;
}

type KeyResult = { ok: true; key: string } | { ok: false; issue: { code: PutIssueCode; message: string } };

function keyFor(opts: PutPrepareOptions, json: unknown): KeyResult {
  const strategy = opts.partitionKey;
  let key: string;
  if (strategy.kind === 'fixed') {
    key = strategy.key;
  } else if (strategy.kind === 'uuid') {
    key = (opts.newKey ?? randomPartitionKey)();
  } else {
    const found = lookupJsonPath(json, strategy.segments);
    if (!found.found) return { ok: false, issue: { code: 'jsonPathMissing', message: `${found.missing} is missing from the record, so it has no partition key.` } };
    const value = keyFromJsonValue(found.value, strategy.path);
    if (!value.ok) return { ok: false, issue: { code: 'jsonPathValue', message: value.error } };
    key = value.key;
  }
  const problem = partitionKeyProblem(key);
  if (problem) return { ok: false, issue: { code: 'partitionKey', message: strategy.kind === 'jsonPath' ? `${strategy.path} gives an unusable key. ${problem}` : problem } };
  return { ok: true, key };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** "1,048,576 bytes (1 MiB)" style, exact, since limits are checked to the byte. */
export function formatBytes(n: number): string {
  const exact = `${n.toLocaleString('en-US')} bytes`;
  if (n >= 1024 * 1024) return `${exact} (${trimFraction(n / (1024 * 1024))} MiB)`;
  if (n >= 1024) return `${exact} (${trimFraction(n / 1024)} KiB)`;
  return exact;
}

function trimFraction(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

/** Up to `max` issue messages, one per line, and how many more there are. */
export function summarizeIssues(issues: readonly PutIssue[], max = 5): string {
  const shown = issues.slice(0, max).map((i) => i.message);
  if (issues.length > max) shown.push(`…and ${issues.length - max} more.`);
  return shown.join('\n');
}
