// The one-line result of a producer run, for the CodeLens under the block and the notification.
import type { PutReport } from '../put/report';
import { noun, plural } from '../plural';

/** "shards 0,2,3": the shard numbers the sent records landed on. */
export function shardNumbers(report: PutReport): string {
  const ids = [...new Set(report.sentRecords.map((s) => s.shardId))];
  return ids.map((id) => /(\d+)$/.exec(id)?.[1] ?? id).map((n) => String(Number(n))).sort((a, b) => Number(a) - Number(b)).join(',');
}

/** The inline result: "✓ 100 records · shards 0,2,3 · 0 failed" (or what went wrong). */
export function producerResultLine(report: PutReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const shards = report.sent > 0 ? ` · ${noun(new Set(report.sentRecords.map((s) => s.shardId)).size, 'shard')} ${shardNumbers(report)}` : '';
  const failed = ` · ${n(report.failed)} failed${report.unknown > 0 ? ` · ${n(report.unknown)} unknown` : ''}`;
  if (report.outcome === 'completed' && report.failed + report.unknown === 0) return `✓ ${plural(report.sent, 'record')}${shards}${failed}`;
  const why = report.outcome === 'cancelled' ? 'cancelled' : report.outcome === 'stopped' ? `stopped (${report.stopError?.code ?? 'error'})` : 'failures';
  return `⚠ ${n(report.sent)} of ${n(report.total)} sent, ${why}${shards}${failed}`;
}
