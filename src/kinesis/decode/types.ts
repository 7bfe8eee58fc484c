// The decoded form of one Kinesis user record, shared by the tail engine, the tail panel and
// exports. Decoding is a pure function of the bytes: it never throws.

/**
 * Layers a payload went through, outermost first, e.g. ['kpl', 'gzip', 'cloudwatch-logs', 'json'].
 * 'control' follows 'cloudwatch-logs' for a CONTROL_MESSAGE (the health check CloudWatch Logs
 * sends when a subscription is created), so it is not taken for log data.
 */
export type DecodeLayer = 'kpl' | 'gzip' | 'zlib' | 'cloudwatch-logs' | 'control' | 'dynamodb' | 'json' | 'text' | 'binary';

export interface DecodeOptions {
  /** Cap on decompressed bytes per record (default 10 MiB), so a zip bomb cannot exhaust memory. */
  maxDecompressedBytes?: number;
  /** Cap on bytes rendered as hex (default 64 KiB); the rest is counted, not dumped. */
  maxHexBytes?: number;
}

export interface Decoded {
  /** What the innermost payload is. */
  kind: 'json' | 'text' | 'binary';
  layers: DecodeLayer[];
  /** Parsed JSON value (kind 'json'); for DynamoDB, the record with images unmarshalled. */
  json?: unknown;
  /** UTF-8 text (kind 'text', and also the source text of kind 'json'). */
  text?: string;
  /** Hex-and-ASCII dump (kind 'binary'). */
  hex?: string;
  /** Size of the innermost payload in bytes, after decompression. */
  size: number;
  /** Why a layer could not be applied, e.g. "gzip output exceeds 10 MiB cap" or "KPL checksum mismatch". */
  warnings?: string[];
}

/** A Kinesis record as read from GetRecords, before de-aggregation. */
export interface RawRecord {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

/**
 * Where a row that is one CloudWatch Logs event came from: the envelope's group and stream, the
 * event's id and timestamp, and which event of the record it is (index of count). For the Lambda
 * text form (`<time>\t<request id>\t<LEVEL>\t<message>`), the level and request id too.
 */
export interface LogEventMeta {
  group: string;
  stream: string;
  id: string;
  /** The event's timestamp, ms since the epoch (0 when the envelope had none). */
  timestamp: number;
  index: number;
  count: number;
  level?: string;
  requestId?: string;
}

/**
 * One user record: a plain record, one of the records inside a KPL aggregate, or one event of a
 * CloudWatch Logs envelope. An event keeps the bytes of its Kinesis (user) record in `data`, so
 * "put again" sends that record; `decoded` is the event alone.
 */
export interface UserRecord {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
  /** Index inside a KPL aggregate; absent for plain records. */
  subSequenceNumber?: number;
  /** Set when this row is one event of a CloudWatch Logs envelope. */
  log?: LogEventMeta;
  decoded: Decoded;
}

/** Expands (KPL) and decodes one raw record; never throws. */
export type RecordExpander = (record: RawRecord, opts?: DecodeOptions) => UserRecord[];
