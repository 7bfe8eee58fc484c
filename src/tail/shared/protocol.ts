// The typed message protocol between the tail panel's host (extension) and its webview, both
// directions, plus the runtime validator the host applies to everything the webview sends.
import type { DecodeLayer, LogEventMeta } from '../../kinesis/decode/types';
import { isTimeWindow, type TimeWindow } from './timeWindow';
import type { FindProgress } from './findProgress';

/** Re-exported so the webview, which imports only src/tail/shared, can name decode layers. */
export type { DecodeLayer, LogEventMeta };

/*
 * Payload strategy: each row carries its payload inline only up to INLINE_BODY_MAX characters
 * (`body`, with `bodyTruncated` set when cut); the full payload and the raw bytes are fetched on
 * demand with `getPayload`. Why: the webview keeps up to maxRecords (100,000) rows, and a
 * Kinesis record may be 1 MiB (10 MiB after gzip), so full payloads per row could need
 * gigabytes; with the inline cap the worst case stays near maxRecords × 8 KiB and typical
 * records (well under the cap) are complete in the webview, so filters are exact for them.
 * The host keeps the full records in its own bounded buffer anyway (replay, export, copy).
 */

/** Characters of payload text carried inline in a row. */
export const INLINE_BODY_MAX = 4096;
/** Characters of the one-line preview. */
export const PREVIEW_MAX = 200;
/** Bounds the host applies to strings coming from the webview. */
export const MAX_FILTER_LENGTH = 1000;
export const MAX_SHARD_ID_LENGTH = 256;

export type TimeZoneMode = 'local' | 'utc';
export type ExportScope = 'shown' | 'all';
export type ExportFormat = 'ndjson' | 'json' | 'csv';
export type PayloadKind = 'json' | 'text' | 'binary';

/** Where a user record sits in Kinesis: shared by table rows, the host buffer and exports. */
export interface RecordMeta {
  shardId: string;
  sequenceNumber: string;
  /** Index inside a KPL aggregate. */
  subSequenceNumber?: number;
  /**
   * Set when the row is one event of a CloudWatch Logs envelope: the sequence number (and size)
   * stay those of the Kinesis record, so "tail from this record" and "put again" use the record.
   */
  log?: LogEventMeta;
  partitionKey: string;
  explicitHashKey?: string;
  /** ApproximateArrivalTimestamp, ms since the epoch. */
  arrival: number;
  /** Bytes of the record as stored in Kinesis (for KPL: of the user record). */
  size: number;
}

/** The record fields alone (optional ones left out when absent): the one copy of them rows, buffers and exports share. */
export function recordMeta(m: RecordMeta): RecordMeta {
  return {
    shardId: m.shardId,
    sequenceNumber: m.sequenceNumber,
    ...(m.subSequenceNumber === undefined ? {} : { subSequenceNumber: m.subSequenceNumber }),
    ...(m.log === undefined ? {} : { log: m.log }),
    partitionKey: m.partitionKey,
    ...(m.explicitHashKey === undefined ? {} : { explicitHashKey: m.explicitHashKey }),
    arrival: m.arrival,
    size: m.size,
  };
}

/** One user record as the table shows it. The host builds it with toRecordRow (recordRow.ts). */
export interface RecordRow extends RecordMeta {
  /** Monotonic per panel, assigned by the host; never reused. */
  id: number;
  layers: DecodeLayer[];
  kind: PayloadKind;
  /** One line, at most PREVIEW_MAX characters. */
  preview: string;
  /**
   * The decoded payload, at most INLINE_BODY_MAX characters: kind 'json' holds the JSON text of
   * the decoded value (compact), 'text' the text, 'binary' the hex-and-ASCII dump.
   */
  body: string;
  /** True when `body` was cut; the full one comes from getPayload. */
  bodyTruncated: boolean;
  warnings?: string[];
}

export type ShardState =
  | 'waiting' | 'starting' | 'reading' | 'caught-up' | 'throttled' | 'retrying' | 'closed' | 'error' | 'stopped' | 'paused' | 'done';

export interface ShardStatus {
  shardId: string;
  state: ShardState;
  /** The n of "retrying (n)". */
  attempt?: number;
  millisBehindLatest?: number;
  recordsPerSecond: number;
  bytesPerSecond: number;
  totalRecords: number;
  totalBytes: number;
  /** While the shard has shown nothing: when its LATEST position was taken (host clock, ms). */
  latestAt?: number;
  /** Error or closing detail, shown on hover. */
  message?: string;
}

/** What the tail reads; the webview persists it so a WebviewPanelSerializer can restore the tail. */
export interface TailTarget {
  /** The connection's id (what a restored panel looks the connection up by). */
  connection: string;
  /** The connection's display name. */
  connectionName?: string;
  region?: string;
  stream: string;
  /** The shards asked for; empty for a whole-stream tail. */
  shardIds: string[];
  /** Display text of the starting position, e.g. "TRIM_HORIZON" or "AT_TIMESTAMP 2026-11-23 10:00". */
  startPosition: string;
  /** Set for an enhanced fan-out tail: the consumer it subscribes with (the header shows "EFO"). */
  efo?: string;
  /** That consumer's ARN, so a restored panel subscribes with the same registered consumer. */
  efoConsumerARN?: string;
  /** The consumer was registered for this panel: a restored panel registers a fresh one. */
  efoTemporary?: boolean;
}

export interface PanelSettings {
  maxRecords: number;
  timeZone: TimeZoneMode;
  autoScroll: boolean;
  autoPauseWhenFull: boolean;
}

// ---- host -> webview -------------------------------------------------------------------------

export interface InitMessage {
  type: 'init';
  target: TailTarget;
  /** Whole-stream tails get per-shard toggles. */
  streamTail: boolean;
  settings: PanelSettings;
  /** A merged tail holds records this long (ms) so shards interleave by arrival time; said in the header. */
  reorderWindowMs?: number;
}
export interface RecordsMessage { type: 'records'; rows: RecordRow[] }
export interface StatusMessage {
  type: 'status';
  shards: ShardStatus[];
  paused: boolean;
  stopped: boolean;
  /**
   * Records the host's buffer dropped at the cap. Both buffers drop the same oldest records while
   * the panel is shown, so the panel counts the larger of this and its own drops.
   */
  droppedByHost: number;
  /** Why the tail stopped or cannot read (stream deleted, credentials expired…): shown as a banner. */
  message?: string;
  /** How the banner looks: an error (AWS code and next step) or a plain notice. Default 'info'. */
  severity?: 'error' | 'info';
  /** Find in Stream: what has been scanned, the matches, the ETA and, at the end, why it stopped. */
  find?: FindProgress;
}
/** Clears the webview's rows (not its UI state), before a replay. */
export interface ResetMessage { type: 'reset' }
/** Rows restored from the host's buffer after the panel was hidden or reloaded. */
export interface ReplayMessage { type: 'replay'; rows: RecordRow[]; done: boolean }
export interface ExportResultMessage {
  type: 'exportResult';
  requestId: number;
  ok: boolean;
  count?: number;
  /** Where it was saved, for the message. */
  path?: string;
  /** The user cancelled the save dialog. */
  cancelled?: boolean;
  error?: string;
}
export interface PayloadMessage {
  type: 'payload';
  requestId: number;
  id: number;
  ok: boolean;
  /** Full body, same meaning as RecordRow.body. */
  body?: string;
  /** The record's bytes as stored, base64, at most 64 KiB of them, for the hex view. */
  rawBase64?: string;
  rawSize?: number;
  /** DynamoDB and CloudWatch Logs records: the JSON as it arrived, before values were converted. */
  original?: string;
  /** E.g. "record no longer buffered". */
  error?: string;
}

export type HostToWebview =
  | InitMessage | RecordsMessage | StatusMessage | ResetMessage | ReplayMessage | ExportResultMessage | PayloadMessage;

// ---- webview -> host -------------------------------------------------------------------------

/** The handshake: the host posts nothing before it. */
/**
 * The webview is ready for init. A webview that comes back (hidden, then shown; or a reload) has
 * lost its rows, so the host always replays its whole buffer: nothing else is needed here.
 */
export interface ReadyMessage { type: 'ready' }
export interface PauseMessage { type: 'pause'; reason: 'user' | 'full' }
export interface ResumeMessage { type: 'resume' }
export interface StopMessage { type: 'stop' }
export interface ClearMessage { type: 'clear' }
/** The current view filter, so the host's "export shown" matches what the table shows. */
export interface SetFilterMessage {
  type: 'setFilter'; text: string; field: string;
  /** The histogram's brushed window, when there is one. */
  window?: TimeWindow;
}
export interface ToggleShardMessage { type: 'toggleShard'; shardId: string; visible: boolean }
export interface ExportMessage { type: 'export'; requestId: number; scope: ExportScope; format: ExportFormat }
export interface CopyMessage { type: 'copy'; what: 'payload' | 'sequenceNumber'; id: number }
export interface OpenInEditorMessage { type: 'openInEditor'; id: number }
export interface TailFromRecordMessage { type: 'tailFromRecord'; id: number }
export interface PutAgainMessage { type: 'putAgain'; id: number }
export interface GetPayloadMessage { type: 'getPayload'; requestId: number; id: number }
/** "Send to stream…": the host asks which records (the selected one, those the filters show, all). */
export interface SendToStreamMessage { type: 'sendToStream'; selectedId?: number }

export type WebviewToHost =
  | ReadyMessage | PauseMessage | ResumeMessage | StopMessage | ClearMessage | SetFilterMessage
  | ToggleShardMessage | ExportMessage | CopyMessage | OpenInEditorMessage | TailFromRecordMessage
  | PutAgainMessage | GetPayloadMessage | SendToStreamMessage;

/** Row actions that carry only a record id. */
export type RecordActionType = 'openInEditor' | 'tailFromRecord' | 'putAgain';

// ---- persisted webview state (vscode.setState) ---------------------------------------------------

/** Small UI state, never records. The host's serializer reads `target` and `positions`. */
export interface PersistedState {
  v: 1;
  filterText: string;
  fieldFilter: string;
  hiddenShards: string[];
  autoScroll: boolean;
  timeZone: TimeZoneMode;
  lastSeenId?: number;
  target?: TailTarget;
  /** Per shard, the last record seen, so a restored tail resumes AFTER_SEQUENCE_NUMBER. */
  positions: Record<string, string>;
  /**
   * Per shard that had shown nothing, when its LATEST position was taken: a restored tail re-reads
   * from then (AT_TIMESTAMP) instead of skipping what arrived during the reload.
   */
  latestTimes?: Record<string, number>;
  /** Column widths the user dragged and JSON field columns ($.temperature), per panel. */
  columns?: { widths: Record<string, number>; fields: string[] };
  /** The column sort, when one is on. */
  sort?: { key: 'arrival' | 'shard' | 'key' | 'size' | 'kind'; dir: 'asc' | 'desc' };
}

// ---- validation ---------------------------------------------------------------------------------

type Checker = (m: Record<string, unknown>) => boolean;

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isId = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isBoundedString = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const oneOf = <T extends string>(x: unknown, values: readonly T[]): x is T => typeof x === 'string' && (values as readonly string[]).includes(x);
const idOnly: Checker = (m) => isId(m.id);
const noFields: Checker = () => true;

/** Each command's fields; a message must carry exactly `type` plus these (extra keys are rejected). */
const CHECKERS: Record<WebviewToHost['type'], { keys: readonly string[]; optional?: readonly string[]; check: Checker }> = {
  ready: { keys: [], check: noFields },
  pause: { keys: ['reason'], check: (m) => oneOf(m.reason, ['user', 'full'] as const) },
  resume: { keys: [], check: noFields },
  stop: { keys: [], check: noFields },
  clear: { keys: [], check: noFields },
  setFilter: {
    keys: ['text', 'field'],
    optional: ['window'],
    check: (m) => isBoundedString(m.text, MAX_FILTER_LENGTH) && isBoundedString(m.field, MAX_FILTER_LENGTH) && (m.window === undefined || isTimeWindow(m.window)),
  },
  toggleShard: {
    keys: ['shardId', 'visible'],
    check: (m) => isBoundedString(m.shardId, MAX_SHARD_ID_LENGTH) && m.shardId !== '' && typeof m.visible === 'boolean',
  },
  export: {
    keys: ['requestId', 'scope', 'format'],
    check: (m) => isId(m.requestId) && oneOf(m.scope, ['shown', 'all'] as const) && oneOf(m.format, ['ndjson', 'json', 'csv'] as const),
  },
  copy: { keys: ['what', 'id'], check: (m) => isId(m.id) && oneOf(m.what, ['payload', 'sequenceNumber'] as const) },
  openInEditor: { keys: ['id'], check: idOnly },
  tailFromRecord: { keys: ['id'], check: idOnly },
  putAgain: { keys: ['id'], check: idOnly },
  getPayload: { keys: ['requestId', 'id'], check: (m) => isId(m.requestId) && isId(m.id) },
  sendToStream: { keys: [], optional: ['selectedId'], check: (m) => m.selectedId === undefined || isId(m.selectedId) },
};

/** True only for a well-formed message of the fixed command set; the host drops anything else. */
export function isWebviewMessage(x: unknown): x is WebviewToHost {
  if (!isObject(x) || typeof x.type !== 'string' || !Object.prototype.hasOwnProperty.call(CHECKERS, x.type)) return false;
  const spec = CHECKERS[x.type as WebviewToHost['type']];
  const allowed = new Set(['type', ...spec.keys, ...(spec.optional ?? [])]);
  for (const key of Object.keys(x)) if (!allowed.has(key)) return false;
  for (const key of spec.keys) if (!(key in x)) return false;
  return spec.check(x);
}

const isStringArray = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');

function parseTarget(x: unknown): TailTarget | undefined {
  if (!isObject(x)) return undefined;
  const { connection, connectionName, region, stream, shardIds, startPosition } = x;
  if (typeof connection !== 'string' || typeof stream !== 'string' || typeof startPosition !== 'string') return undefined;
  if (!isStringArray(shardIds) || (region !== undefined && typeof region !== 'string')) return undefined;
  if (connectionName !== undefined && typeof connectionName !== 'string') return undefined;
  return { connection, stream, shardIds, startPosition, ...(region === undefined ? {} : { region }), ...(connectionName === undefined ? {} : { connectionName }), ...parseEfo(x) };
}

/** The enhanced fan-out part of a target: a consumer name (1..128 of its characters), its ARN, temporary or not. */
function parseEfo(x: Record<string, unknown>): Pick<TailTarget, 'efo' | 'efoConsumerARN' | 'efoTemporary'> {
  const { efo, efoConsumerARN, efoTemporary } = x;
  if (typeof efo !== 'string' || !/^[a-zA-Z0-9_.-]{1,128}$/.test(efo)) return {};
  return {
    efo,
    ...(isBoundedString(efoConsumerARN, 2048) && efoConsumerARN.startsWith('arn:') ? { efoConsumerARN } : {}),
    ...(typeof efoTemporary === 'boolean' ? { efoTemporary } : {}),
  };
}

/**
 * Reads a state saved by the webview (also what a WebviewPanelSerializer receives), dropping what
 * is malformed rather than trusting it: sequence numbers must be decimal strings.
 */
export function parsePersistedState(x: unknown): PersistedState | undefined {
  if (!isObject(x) || x.v !== 1) return undefined;
  const positions: Record<string, string> = {};
  if (isObject(x.positions)) {
    for (const [shard, seq] of Object.entries(x.positions)) {
      if (typeof seq === 'string' && /^\d{1,128}$/.test(seq) && shard.length <= MAX_SHARD_ID_LENGTH) positions[shard] = seq;
    }
  }
  const latestTimes: Record<string, number> = {};
  if (isObject(x.latestTimes)) {
    for (const [shard, t] of Object.entries(x.latestTimes)) {
      if (isId(t) && t > 0 && shard.length <= MAX_SHARD_ID_LENGTH) latestTimes[shard] = t;
    }
  }
  const target = parseTarget(x.target);
  const columns = parseColumns(x.columns);
  const sort = isObject(x.sort) && oneOf(x.sort.key, ['arrival', 'shard', 'key', 'size', 'kind'] as const) && oneOf(x.sort.dir, ['asc', 'desc'] as const)
    ? { key: x.sort.key, dir: x.sort.dir } : undefined;
  return {
    v: 1,
    filterText: isBoundedString(x.filterText, MAX_FILTER_LENGTH) ? x.filterText : '',
    fieldFilter: isBoundedString(x.fieldFilter, MAX_FILTER_LENGTH) ? x.fieldFilter : '',
    hiddenShards: isStringArray(x.hiddenShards) ? x.hiddenShards : [],
    autoScroll: typeof x.autoScroll === 'boolean' ? x.autoScroll : true,
    timeZone: x.timeZone === 'utc' ? 'utc' : 'local',
    positions,
    ...(Object.keys(latestTimes).length > 0 ? { latestTimes } : {}),
    ...(isId(x.lastSeenId) ? { lastSeenId: x.lastSeenId } : {}),
    ...(target ? { target } : {}),
    ...(columns ? { columns } : {}),
    ...(sort ? { sort } : {}),
  };
}

/** Saved column widths (plain numbers by short ids) and field paths (bounded strings). */
function parseColumns(x: unknown): PersistedState['columns'] {
  if (!isObject(x)) return undefined;
  const widths: Record<string, number> = {};
  if (isObject(x.widths)) {
    for (const [id, w] of Object.entries(x.widths)) {
      if (/^(time|shard|key|seq|size|badges|f[0-7])$/.test(id) && typeof w === 'number' && Number.isFinite(w)) widths[id] = w;
    }
  }
  const fields = Array.isArray(x.fields) ? x.fields.filter((f): f is string => isBoundedString(f, 200)).slice(0, 8) : [];
  return { widths, fields };
}
