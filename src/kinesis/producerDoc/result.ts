// The one-line result of a producer run, for the CodeLens under the block and the notification.
import type { PutReport } from '../put/report';

/** "shards 0,2,3": the shard numbers the sent records landed on. */
export function shardNumbers(report: PutReport): string {
  const ids = [...new Set(report.sentRecords.map((s) => s.shardId))];
  return ids.map((id) => /(\d+)$/.exec(id)?.[1] ?? id).map((n) => String(Number(n))).sort((a, b) => Number(a) - Number(b)).join(',');
}

/** The inline result: "✓ 100 records · shards 0,2,3 · 0 failed" (or what went wrong). */
export function producerResultLine(report: PutReport): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const shards = report.sent > 0 ? ` · shard${report.sentRecords.some((s, _, a) => s.shardId !== a[0]?.shardId) ? 's' : ''} ${shardNumbers(report)}` : '';
  const failed = ` · ${n(report.failed)} failed${report.unknown > 0 ? ` · ${n(report.unknown)} unknown` : ''}`;
  if (report.outcome === 'completed' && report.failed + report.unknown === 0) return `✓ ${n(report.sent)} record${report.sent === 1 ? '' : 's'}${shards}${failed}`;
  const why = report.outcome === 'cancelled' ? 'cancelled' : report.outcome === 'stopped' ? `stopped (${report.stopError?.code ?? 'error'})` : 'failures';
  return `⚠ ${n(report.sent)} of ${n(report.total)} sent, ${why}${shards}${failed}`;
}
