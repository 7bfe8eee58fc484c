// "Put Records (one per line)": PutRecords in batches under a cancellable progress notification,
// then a summary with sent / retried / failed counts and a "Show report" document listing each
// failure with its line number and error code (and, after a cancel, exactly which lines were sent).
import type { PutProgress } from '../../kinesis/put/putRecords';
import type { PutReport } from '../../kinesis/put/report';
import type { KinesisApi } from '../../kinesisLoader';
import type { Services } from '../../services';
import { notify } from '../../ui/notify';
import { withCancellableProgress } from '../../ui/progress';
import type { CommandResult } from '../registerCommand';
import type { ReadyPut } from './flow';
import type { StreamRef } from '../../kinesis/types';

export interface PutLinesResult extends CommandResult {
  status: PutReport['outcome'];
  target: StreamRef;
  report: PutReport;
  /** The "Show report" document's Markdown. */
  reportMarkdown: string;
}

export async function putLines(services: Services, ready: ReadyPut): Promise<PutLinesResult> {
  const api = await services.kinesis();
  const total = ready.records.length;
  const report = await withCancellableProgress(`Putting ${total.toLocaleString('en-US')} records to ${ready.target.streamName}`, (signal, progress) => {
    let settled = 0;
    return api.putRecords(ready.writeClient, ready.putTarget, ready.records, {
      signal,
      onProgress: (p) => {
        const now = p.sent + p.failed + p.unknown;
        progress.report({ increment: ((now - settled) / total) * 100, message: progressText(p) });
        settled = now;
      },
    });
  });
  const reportMarkdown = api.renderPutReport(report);
  const message = summaryText(api, report);
  const severity = api.summarizePutReport(report).severity;
  notify(services.log, severity, message, [{ title: 'Show report', run: () => services.documents.open('Put report.md', reportMarkdown, 'markdown') }]);
  return { status: report.outcome, target: ready.target, report, reportMarkdown, message };
}

function progressText(p: PutProgress): string {
  const parts = [`${p.sent.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} sent`];
  if (p.retrying > 0) parts.push(`${p.retrying} waiting to retry`);
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.unknown > 0) parts.push(`${p.unknown} unknown`);
  return parts.join(', ');
}

function summaryText(api: KinesisApi, report: PutReport): string {
  const summary = api.summarizePutReport(report).text;
  // The summary names retries and failures only when there are some; say so when there are none.
  const counts = report.retried === 0 && report.failed === 0 && report.unknown === 0 ? 'None needed a retry; none failed.' : '';
  const next = report.stopError ? api.formatError(report.stopError) : '';
  return [summary, counts, next.trim()].filter(Boolean).join(' ');
}

