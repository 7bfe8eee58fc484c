// Reads KPL aggregated records: magic F3 89 9A C2, a protobuf AggregatedRecord, then the MD5 of
// that protobuf. Format: https://github.com/awslabs/amazon-kinesis-producer/blob/master/aggregation-format.md
import { createHash } from 'node:crypto';
import { ProtoError, ProtoReader, WIRE_BYTES, WIRE_VARINT } from './protobuf';

const MAGIC = [0xf3, 0x89, 0x9a, 0xc2] as const;
const MAGIC_LENGTH = 4;
const CHECKSUM_LENGTH = 16;

export interface KplUserRecord {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

export type KplResult = { ok: true; records: KplUserRecord[] } | { ok: false; reason: string };

interface RecordEntry {
  pkIndex: number;
  ehkIndex?: number;
  data: Uint8Array;
}

/** Non-fatal: keys are shown to people, so a stray invalid byte becomes U+FFFD rather than an error. */
const keyDecoder = new TextDecoder('utf-8');

/** Cheap magic-number test, done on every record before anything else. */
export function isKplAggregate(data: Uint8Array): boolean {
  return data.length >= MAGIC_LENGTH && data[0] === MAGIC[0] && data[1] === MAGIC[1] && data[2] === MAGIC[2] && data[3] === MAGIC[3];
}

/** Verifies and expands an aggregate. Never throws: a bad record comes back with the reason. */
export function parseKplAggregate(data: Uint8Array): KplResult {
  if (!isKplAggregate(data)) return { ok: false, reason: 'not a KPL aggregate (no magic number)' };
  if (data.length < MAGIC_LENGTH + CHECKSUM_LENGTH) {
    return { ok: false, reason: `KPL aggregate too short (${data.length} bytes; magic and checksum alone take 20)` };
  }
  const bodyEnd = data.length - CHECKSUM_LENGTH;
  const body = data.subarray(MAGIC_LENGTH, bodyEnd);
  const checksumProblem = verifyChecksum(body, data.subarray(bodyEnd));
  if (checksumProblem) return { ok: false, reason: checksumProblem };
  try {
    return { ok: true, records: readAggregate(body) };
  } catch (e) {
    const why = e instanceof ProtoError ? e.message : String(e);
    return { ok: false, reason: `KPL aggregate malformed: ${why}` };
  }
}

function verifyChecksum(body: Uint8Array, trailer: Uint8Array): string | undefined {
  let digest: Buffer;
  try {
    digest = createHash('md5').update(body).digest();
  } catch {
    // MD5 is unavailable under FIPS-only OpenSSL builds; without it we cannot vouch for the body.
    return 'KPL checksum cannot be verified: MD5 is unavailable in this Node build';
  }
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    if (digest[i] !== trailer[i]) {
      return `KPL checksum mismatch (trailer ${toHex(trailer)}, body MD5 ${digest.toString('hex')})`;
    }
  }
  return undefined;
}

function readAggregate(body: Uint8Array): KplUserRecord[] {
  const pkTable: string[] = [];
  const ehkTable: string[] = [];
  const entries: RecordEntry[] = [];
  const reader = new ProtoReader(body);
  while (!reader.done) {
    const { field, wire } = reader.readTag();
    if (field >= 1 && field <= 3 && wire !== WIRE_BYTES) {
      throw new ProtoError(`AggregatedRecord field ${field} has wire type ${wire}, expected 2`);
    }
    if (field === 1) pkTable.push(keyDecoder.decode(reader.readBytes()));
    else if (field === 2) ehkTable.push(keyDecoder.decode(reader.readBytes()));
    else if (field === 3) entries.push(readRecord(reader.readBytes(), entries.length));
    else reader.skip(wire);
  }
  if (entries.length === 0) throw new ProtoError('the aggregate holds no user records');
  return entries.map((entry, i) => resolveKeys(entry, i, pkTable, ehkTable));
}

function readRecord(bytes: Uint8Array, index: number): RecordEntry {
  const reader = new ProtoReader(bytes);
  let pkIndex: number | undefined;
  let ehkIndex: number | undefined;
  let data: Uint8Array | undefined;
  while (!reader.done) {
    const { field, wire } = reader.readTag();
    if ((field === 1 || field === 2) && wire !== WIRE_VARINT) {
      throw new ProtoError(`record ${index}: field ${field} has wire type ${wire}, expected 0`);
    }
    if (field === 3 && wire !== WIRE_BYTES) throw new ProtoError(`record ${index}: data has wire type ${wire}, expected 2`);
    if (field === 1) pkIndex = reader.readVarint();
    else if (field === 2) ehkIndex = reader.readVarint();
    else if (field === 3) data = reader.readBytes();
    else reader.skip(wire); // tags (4) and unknown fields: not shown
  }
  // Both are `required` in the KPL's proto2 schema, and the KPL always writes them.
  if (pkIndex === undefined) throw new ProtoError(`record ${index} has no partition_key_index`);
  if (data === undefined) throw new ProtoError(`record ${index} has no data`);
  return ehkIndex === undefined ? { pkIndex, data } : { pkIndex, ehkIndex, data };
}

function resolveKeys(entry: RecordEntry, index: number, pkTable: string[], ehkTable: string[]): KplUserRecord {
  if (entry.pkIndex >= pkTable.length) {
    throw new ProtoError(`record ${index}: partition_key_index ${entry.pkIndex} is outside the table of ${pkTable.length}`);
  }
  const record: KplUserRecord = { data: entry.data, partitionKey: pkTable[entry.pkIndex] };
  if (entry.ehkIndex !== undefined) {
    if (entry.ehkIndex >= ehkTable.length) {
      throw new ProtoError(`record ${index}: explicit_hash_key_index ${entry.ehkIndex} is outside the table of ${ehkTable.length}`);
    }
    record.explicitHashKey = ehkTable[entry.ehkIndex];
  }
  return record;
}

function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
