// The outcome of a put, record by record, and its renderings: one sentence for the notification
// and a Markdown document listing every failure with its line number and error code.
import { noun, plural } from '../plural';
import type { DescribedError } from '../errors';

export interface SentRecord {
  index: number;
  line: number;
  shardId: string;
  sequenceNumber: string;
  /** 1 when the first attempt wrote it. */
  attempts: number;
  /** The shard its hash key maps to among the open shards read before the put, when known. */
  expectedShardId?: string;
}

export interface FailedRecord {
  index: number;
  line: number;
  errorCode: string;
  errorMessage: string;
  attempts: number;
}

export interface NotSentRecord {
  index: number;
  line: number;
  /** Attempts made before the run stopped; every one of them was refused, so nothing was written. */
  attempts: number;
}

export interface PutReport {
  streamName: string;
  /** 'stopped': a request failed in a way that later requests would share (see stopError). */
  outcome: 'completed' | 'cancelled' | 'stopped';
  stopError?: DescribedError;
  total: number;
  sent: number;
  /** Certainly not written: a final entry error, or retries exhausted. */
  failed: number;
  /** A request may or may not have been written (connection lost mid-request); not resent. */
  unknown: number;
  /** Never written because the run was cancelled or stopped first. */
  notSent: number;
  /** Records that needed more than one attempt. */
  retried: number;
  /** Entries sent again in total (a record retried twice counts two). */
  resends: number;
  requests: number;
  durationMs: number;
  sentRecords: SentRecord[];
  failures: FailedRecord[];
  /** Records whose outcome is unknown, with the error that made it so. */
  unknownRecords: FailedRecord[];
  notSentRecords: NotSentRecord[];
  /** Sent records whose shard differs from the predicted one (resharding under way, or AUTO placement). */
  shardMismatches: number;
}

export interface PutSummary {
  severity: 'info' | 'warning' | 'error';
  text: string;
}

const n = (x: number) => x.toLocaleString('en-US');

/** One sentence for the result notification. */
export function summarizePutReport(r: PutReport): PutSummary {
  const parts = [`Sent ${n(r.sent)} of ${plural(r.total, 'record')} to ${r.streamName}`];
  if (r.retried > 0) parts.push(`${n(r.retried)} after retries`);
  if (r.failed > 0) parts.push(`${n(r.failed)} failed`);
  if (r.unknown > 0) parts.push(`${n(r.unknown)} with unknown outcome (${noun(r.unknown, 'line')} ${formatLineRanges(r.unknownRecords.map((x) => x.line))}; check before resending)`);
  if (r.outcome === 'cancelled') parts.push(`cancelled: ${describeUnsent(r)}`);
  if (r.outcome === 'stopped') parts.push(`stopped by ${r.stopError?.code ?? 'an error'}: ${describeUnsent(r)}`);
  const severity = r.failed + r.unknown > 0 || r.outcome === 'stopped' ? 'error' : r.outcome === 'cancelled' ? 'warning' : 'info';
  return { severity, text: `${parts.join('; ')}.` };
}

function describeUnsent(r: PutReport): string {
  if (r.notSent === 0) return 'nothing was left unsent';
  const one = r.notSentRecords.length === 1;
  return `${one ? 'line' : 'lines'} ${formatLineRanges(r.notSentRecords.map((x) => x.line))} ${one ? 'was' : 'were'} not sent`;
}

/** "3-5, 9, 12-40" from line numbers in any order. */
export function formatLineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    ranges.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return ranges.join(', ');
}

/** Markdown for a read-only document: summary, then each failure, unknown and unsent line. */
export function renderPutReport(r: PutReport): string {
  const out: string[] = [`# Put records: ${r.streamName}`, '', summarizePutReport(r).text, ''];
  out.push('| | Records |', '|---|---:|');
  for (const [label, value] of [['Total', r.total], ['Sent', r.sent], ['Sent after retries', r.retried], ['Failed', r.failed], ['Unknown outcome', r.unknown], ['Not sent', r.notSent]] as const) {
    out.push(`| ${label} | ${n(value)} |`);
  }
  out.push('', `${plural(r.requests, 'PutRecords request')}, ${plural(r.resends, 'entry')} resent, ${(r.durationMs / 1000).toFixed(1)} s.`);
  if (r.stopError) out.push('', `**Stopped:** ${mdCell(r.stopError.code)}: ${mdCell(r.stopError.message)}${r.stopError.nextStep ? ` ${mdCell(r.stopError.nextStep)}` : ''}`);
  if (r.failures.length > 0) out.push('', '## Failed', '', ...failureTable(r.failures));
  if (r.unknownRecords.length > 0) {
    out.push('', '## Unknown outcome', '', 'The connection failed while these records were being sent: Kinesis may or may not have written them. They were not resent, so that none is written twice. Read the stream (or check its sequence numbers) before sending them again.', '', ...failureTable(r.unknownRecords));
  }
  if (r.notSentRecords.length > 0) out.push('', '## Not sent', '', `${noun(r.notSentRecords.length, 'Line')} ${formatLineRanges(r.notSentRecords.map((x) => x.line))}.`);
  if (r.sentRecords.length > 0) out.push('', '## Sent by shard', '', '| Shard | Records | Lines |', '|---|---:|---|', ...sentByShard(r.sentRecords));
  if (r.shardMismatches > 0) out.push('', `${plural(r.shardMismatches, 'record')} landed on another shard than its hash key predicted (the stream was resharding, or places records itself).`);
  return `${out.join('\n')}\n`;
}

function failureTable(rows: readonly FailedRecord[]): string[] {
  return ['| Line | Error code | Message | Attempts |', '|---:|---|---|---:|', ...rows.map((f) => `| ${f.line} | ${mdCell(f.errorCode)} | ${mdCell(f.errorMessage)} | ${f.attempts} |`)];
}

function sentByShard(sent: readonly SentRecord[]): string[] {
  const byShard = new Map<string, number[]>();
  for (const s of sent) {
    const lines = byShard.get(s.shardId) ?? [];
    lines.push(s.line);
    byShard.set(s.shardId, lines);
  }
  return [...byShard.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([shard, lines]) => `| ${mdCell(shard)} | ${n(lines.length)} | ${formatLineRanges(lines)} |`);
}

/** Keeps record-derived text from breaking the table or adding Markdown. */
function mdCell(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}
