// What a tail session is built from and works with: the engine handle it drives, the
// editor-facing actions the VS Code panel supplies, and the records "Send to stream…" can send.
// The session itself is session.ts.
import type { Decoded } from '../../kinesis/decode/types';
import type { TailBatch, TailStatus } from '../../kinesis/tail/types';
import type { ExportFormat, HostToWebview, PanelSettings, TailTarget } from '../shared/protocol';
import type { ExportItem } from '../shared/exportFormat';
import type { FindScan } from './findScan';

/** The engine as the session drives it (StreamTail satisfies it). */
export interface TailHandle {
  start(): Promise<TailStatus>;
  stop(): Promise<TailStatus>;
  pause(): void;
  resume(): void;
}

export interface TailHandlers {
  onBatch(batch: TailBatch): void;
  onStatus(status: TailStatus): void;
}

/** Editor-facing effects, implemented by the VS Code panel (and by tests). */
export interface SessionActions {
  /** Shows a save dialog and writes the chunks; resolves the path, or undefined if cancelled. */
  saveExport(chunks: Iterable<ExportItem>, format: ExportFormat): Promise<{ path: string; count: number } | undefined>;
  copy(text: string): Promise<void>;
  /** Shows a payload in a read-only document named `name` (e.g. "orders #3 …36588898.json"). */
  openInEditor(content: string, language: 'json' | 'plaintext', name: string): Promise<void>;
  tailFromRecord(record: { shardId: string; sequenceNumber: string }): Promise<void>;
  putAgain(record: { data: Uint8Array; partitionKey: string; explicitHashKey?: string }): Promise<void>;
  /** "Send to stream…" with the records it may send (see SendSets). */
  sendToStream?(sets: SendSets): Promise<void>;
}

/** A buffered user record as it can be sent again (a KPL sub-record's own payload and keys). */
export interface ForwardRecord {
  data: Uint8Array;
  partitionKey: string;
  explicitHashKey?: string;
}

/** What "Send to stream…" can send: the selected row, the rows the filters show, or all buffered. */
export interface SendSets {
  selected?: ForwardRecord;
  matching: ForwardRecord[];
  all: ForwardRecord[];
  /** A filter or hidden shard is active, so `matching` may be fewer than `all`. */
  filtered: boolean;
}

export interface TailSessionOptions {
  target: TailTarget;
  streamTail: boolean;
  settings: PanelSettings;
  /** Builds (but does not start) the engine with the session's handlers. */
  createTail(handlers: TailHandlers): TailHandle;
  /**
   * Decodes a user record's bytes again (full payload for copy, export, detail view); with
   * `logEvent`, only that event of the CloudWatch Logs envelope (a row that is one event).
   */
  decode(data: Uint8Array, logEvent?: number): Decoded;
  post(message: HostToWebview): void;
  actions: SessionActions;
  /** Pacing of records messages to the webview. Default 100 ms: at most 10 per second. */
  flushIntervalMs?: number;
  /**
   * Pacing of status messages. Default 250 ms: a busy 500-shard tail changes some shard's state
   * about 1,000 times a second, and each status message carries every shard.
   */
  statusIntervalMs?: number;
  /** Rows per replay message at most (each is also cut after a few ms of work). */
  replayChunk?: number;
  onError?(what: string, err: unknown): void;
  /**
   * How long records of a merged tail are held so that shards interleave by arrival time (ms);
   * 0 (the default) passes them through in the order the shards delivered them.
   */
  reorderWindowMs?: number;
  /** The clock the reorder window holds records by (tests inject one). */
  now?(): number;
  /** The Kinesis log channel: every shard error, throttle and retry, with the shard and code. */
  log?(level: 'warn' | 'error', line: string): void;
  /** Find in Stream: only the records this scan keeps are buffered; it says why the find ended. */
  find?: FindScan;
}
